// Saving a jurisdiction's own value of a whole-value setting (办理期限, 短信模板, 法定途径清单): one
// command with its before/after audit row; the settings cache is dropped once it has committed.
// Settings whose values merge field by field go through `jurisdictionSetting().save` instead.
import { and, eq } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { jurisdictionRow } from '../orgs/queries.ts';
import type { Actor } from '../policies/actor.ts';
import { invalidateSettings } from './cache.ts';

export interface SettingWrite {
  code: string;
  key: string;
  /** The new value, or null to remove the jurisdiction's own value (it inherits again). */
  value: object | null;
  /** The audit row's entity id (default: the jurisdiction code). */
  entityId?: string;
}

/** 404 unless `code` is a jurisdiction of the installation. */
export async function ensureJurisdiction(exec: Executor, code: string): Promise<void> {
  if (!(await jurisdictionRow(exec, code))) throw notFound('未找到该行政区划');
}

export async function replaceSetting(ctx: AppContext, actor: Actor, s: SettingWrite): Promise<void> {
  await runCommand(ctx, async (w) => {
    const where = and(eq(settings.jurisdictionCode, s.code), eq(settings.key, s.key));
    const [before] = await w.tx.select({ value: settings.value }).from(settings).where(where);
    if (s.value === null) await w.tx.delete(settings).where(where);
    else
      await w.tx
        .insert(settings)
        .values({ jurisdictionCode: s.code, key: s.key, value: s.value })
        .onConflictDoUpdate({
          target: [settings.jurisdictionCode, settings.key],
          set: { value: s.value, updatedAt: new Date() },
        });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: `settings.${s.key}`,
      entity: 'settings',
      entityId: s.entityId ?? s.code,
      summary: { before: before?.value ?? null, after: s.value },
    });
    // After the commit, so a load racing with the change cannot keep the old value (src/db/memo.ts).
    w.afterCommit(() => invalidateSettings(ctx.db));
  });
}
