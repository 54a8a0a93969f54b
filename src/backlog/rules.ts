// Candidate rules per jurisdiction (settings key `backlog_rules`, inherited by the subtree): read
// for the daily pass and the console, written by administrators (one command).
import { and, eq, inArray } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { type CandidateRules, rulesFromSettings } from '../domain/backlog/rules.ts';
import { type Actor, backlogPolicy } from '../policies/backlog.ts';
import { ensureAllowed } from '../policies/index.ts';
import { invalidateSettings } from '../settings/cache.ts';
import { jurisdictionChain } from '../settings/limits.ts';

export const RULES_KEY = 'backlog_rules';

/** The rules of `code` from `backlog_rules` rows (any set: those off its chain are ignored). */
export function rulesFromRows(rows: readonly { jurisdictionCode: string; value: unknown }[], code: string) {
  const chain = jurisdictionChain(code); // province first: the nearest setting wins
  const values = chain.flatMap((c) => rows.filter((r) => r.jurisdictionCode === c).map((r) => r.value));
  return rulesFromSettings(values);
}

export async function rulesFor(db: Executor, jurisdictionCode: string): Promise<CandidateRules> {
  const rows = await db
    .select({ jurisdictionCode: settings.jurisdictionCode, value: settings.value })
    .from(settings)
    .where(
      and(
        eq(settings.key, RULES_KEY),
        inArray(settings.jurisdictionCode, jurisdictionChain(jurisdictionCode)),
      ),
    );
  return rulesFromRows(rows, jurisdictionCode);
}

/** Every `backlog_rules` row (for the pass: rules of any jurisdiction without a query per case). */
export async function allRuleRows(db: Executor): Promise<{ jurisdictionCode: string; value: unknown }[]> {
  return db
    .select({ jurisdictionCode: settings.jurisdictionCode, value: settings.value })
    .from(settings)
    .where(eq(settings.key, RULES_KEY));
}

export async function updateRules(
  ctx: AppContext,
  actor: Actor,
  jurisdictionCode: string,
  patch: Partial<CandidateRules>,
): Promise<CandidateRules> {
  ensureAllowed(
    backlogPolicy.editRules(actor, jurisdictionCode),
    '只有本辖区或上级管理员可以设置积案候选规则',
  );
  return runCommand(ctx, async (w) => {
    const [existing] = await w.tx
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.key, RULES_KEY), eq(settings.jurisdictionCode, jurisdictionCode)));
    const value = { ...((existing?.value as object | undefined) ?? {}), ...patch };
    await w.tx
      .insert(settings)
      .values({ jurisdictionCode, key: RULES_KEY, value })
      .onConflictDoUpdate({
        target: [settings.jurisdictionCode, settings.key],
        set: { value, updatedAt: new Date() },
      });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'backlog.rules',
      entity: 'settings',
      entityId: `${jurisdictionCode}:${RULES_KEY}`,
      summary: patch,
    });
    w.afterCommit(() => invalidateSettings(ctx.db));
    return rulesFor(w.tx, jurisdictionCode);
  });
}
