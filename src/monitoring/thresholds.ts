// The thresholds of the monitoring sources per jurisdiction (settings key `monitoring`, inherited
// by the subtree): read for the page, written by administrators of the jurisdiction or above (one
// command with its audit row). Ranges come from the source table.
import { and, eq, inArray } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { MONITORING_SOURCES, type Thresholds, thresholdsFromSettings } from '../domain/monitoring/sources.ts';
import { badRequest } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { ensureAllowed, settingsPolicy } from '../policies/index.ts';
import { invalidateSettings } from '../settings/cache.ts';
import { jurisdictionChain } from '../settings/limits.ts';

export const SETTINGS_KEY = 'monitoring';

export async function thresholdsFor(exec: Executor, code: string): Promise<Thresholds> {
  const chain = jurisdictionChain(code);
  const rows = await exec
    .select({ code: settings.jurisdictionCode, value: settings.value })
    .from(settings)
    .where(and(eq(settings.key, SETTINGS_KEY), inArray(settings.jurisdictionCode, chain)));
  return thresholdsFromSettings(chain.flatMap((c) => rows.filter((r) => r.code === c).map((r) => r.value)));
}

/** Checks a patch against the table's ranges: 400 with the threshold's Chinese label. */
export function checkPatch(patch: Record<string, unknown>): Thresholds {
  const out: Thresholds = {};
  for (const [key, v] of Object.entries(patch)) {
    const def = MONITORING_SOURCES.find((s) => s.threshold?.key === key)?.threshold;
    if (!def) throw badRequest('unknown_threshold', `未知的监测阈值：${key.slice(0, 30)}`, key);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < def.min || v > def.max)
      throw badRequest(
        'invalid_threshold',
        `${def.label}应为${def.min}到${def.max}之间的整数（${def.unit}）`,
        key,
      );
    out[key] = v;
  }
  return out;
}

export async function updateThresholds(
  ctx: AppContext,
  actor: Actor,
  code: string,
  patch: Record<string, unknown>,
): Promise<Thresholds> {
  ensureAllowed(settingsPolicy.update(actor, code), '只有本辖区或上级管理员可以设置日监测阈值');
  const values = checkPatch(patch);
  return runCommand(ctx, async (w) => {
    const [existing] = await w.tx
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.key, SETTINGS_KEY), eq(settings.jurisdictionCode, code)));
    const value = { ...((existing?.value as object | undefined) ?? {}), ...values };
    await w.tx
      .insert(settings)
      .values({ jurisdictionCode: code, key: SETTINGS_KEY, value })
      .onConflictDoUpdate({
        target: [settings.jurisdictionCode, settings.key],
        set: { value, updatedAt: new Date() },
      });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'monitoring.thresholds',
      entity: 'settings',
      entityId: `${code}:${SETTINGS_KEY}`,
      summary: values,
    });
    w.afterCommit(() => invalidateSettings(ctx.db));
    return thresholdsFor(w.tx, code);
  });
}
