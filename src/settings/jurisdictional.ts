// One per-jurisdiction setting (a `settings` row per jurisdiction under one key): a value set for a
// jurisdiction applies to its whole subtree unless a lower one sets its own. Every such setting —
// monitoring thresholds, backlog candidate rules, 包案 quotas, … — loads, inherits and saves the
// same way, so it is written once here; each setting gives only how values combine (`resolve`).
import { and, eq, inArray } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Db, Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { chainOf } from '../domain/jurisdictions.ts';
import type { Actor } from '../policies/actor.ts';
import { ensureAllowed } from '../policies/index.ts';
import { invalidateSettings, settingsRows } from './cache.ts';

export interface SettingRow {
  jurisdictionCode: string;
  value: unknown;
}

export interface JurisdictionSettingDef<T, P extends object> {
  /** The `settings.key`. */
  key: string;
  /** The value in force from the stored values of a jurisdiction's chain, province first (nearest last). */
  resolve: (values: unknown[]) => T;
  /** Checks and normalises a patch (throw a 400 naming the field); default: taken as it is. */
  check?: (patch: P, ctx: AppContext) => P | Promise<P>;
  /** Who may save for a jurisdiction, and what a refused caller is told. */
  mayEdit: (actor: Actor, jurisdictionCode: string) => boolean;
  denied: string;
  /** The audit action of a save, e.g. `backlog.rules`. */
  auditAction: string;
}

export interface JurisdictionSetting<T, P extends object> {
  key: string;
  /** The value in force for `code` from rows of this key (any set: rows off its chain are ignored). */
  fromRows(rows: readonly SettingRow[], code: string): T;
  /** Every row of this key (for passes that need the value of many jurisdictions). */
  rows(exec: Executor): Promise<SettingRow[]>;
  /** The value in force for `code`, read now. */
  forCode(exec: Executor, code: string): Promise<T>;
  /** The same from the in-process settings cache of `db` (hot paths); `exec` runs the query on a miss. */
  cached(db: Db, exec: Executor, code: string): Promise<T>;
  /** A memoising reader over every row, for passes over many jurisdictions. */
  reader(exec: Executor): Promise<(code: string) => T>;
  /** Merges `patch` into the jurisdiction's own row (one command with its audit row); the value in force after. */
  save(ctx: AppContext, actor: Actor, code: string, patch: P): Promise<T>;
}

export function jurisdictionSetting<T, P extends object>(
  def: JurisdictionSettingDef<T, P>,
): JurisdictionSetting<T, P> {
  const fromRows = (rows: readonly SettingRow[], code: string): T =>
    def.resolve(
      chainOf(code).flatMap((c) => rows.filter((r) => r.jurisdictionCode === c).map((r) => r.value)),
    );
  const select = (exec: Executor) =>
    exec.select({ jurisdictionCode: settings.jurisdictionCode, value: settings.value }).from(settings);
  const rows = (exec: Executor) => select(exec).where(eq(settings.key, def.key));
  const forCode = async (exec: Executor, code: string) =>
    fromRows(
      await select(exec).where(
        and(eq(settings.key, def.key), inArray(settings.jurisdictionCode, chainOf(code))),
      ),
      code,
    );
  return {
    key: def.key,
    fromRows,
    rows,
    forCode,
    async cached(db, exec, code) {
      return fromRows(
        (await settingsRows(db, exec)).filter((r) => r.key === def.key),
        code,
      );
    },
    async reader(exec) {
      const all = await rows(exec);
      const memo = new Map<string, T>();
      return (code) => {
        if (!memo.has(code)) memo.set(code, fromRows(all, code));
        return memo.get(code) as T;
      };
    },
    async save(ctx, actor, code, patch) {
      ensureAllowed(def.mayEdit(actor, code), def.denied);
      const checked = def.check ? await def.check(patch, ctx) : patch;
      return runCommand(ctx, async (w) => {
        const [own] = await w.tx
          .select({ value: settings.value })
          .from(settings)
          .where(and(eq(settings.key, def.key), eq(settings.jurisdictionCode, code)));
        const value = { ...((own?.value as object | undefined) ?? {}), ...checked };
        await w.tx
          .insert(settings)
          .values({ jurisdictionCode: code, key: def.key, value })
          .onConflictDoUpdate({
            target: [settings.jurisdictionCode, settings.key],
            set: { value, updatedAt: new Date() },
          });
        w.audit({
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: def.auditAction,
          entity: 'settings',
          entityId: `${code}:${def.key}`,
          summary: checked as Record<string, unknown>,
        });
        w.afterCommit(() => invalidateSettings(ctx.db));
        return forCode(w.tx, code);
      });
    },
  };
}
