// The daily warning scan (预警扫描): run the detectors, store what is new, and during a special
// period send each supervisor in its scope one digest SMS of the open warnings. Called by the daily
// jobs (src/jobs/scheduler.ts) and by `xinfang warnings scan`. Idempotent: dedupe keys for
// warnings, `digest:<date>:<user>` keys for the SMS.
import { and, count, gte, isNull, like, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { warnings } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { detectGroupEvents, detectGrowth, detectOverdueUnits, detectRepeatPetitioners } from './detectors.ts';
import type { WarningsRaised } from './events.ts';
import { smsToSupervisor, supervisorsIn } from './notify.ts';
import { type ActivePeriod, activePeriods } from './periods.ts';
import { insertWarning, type NewWarning, type WarningKind } from './store.ts';
import { THRESHOLDS } from './thresholds.ts';

export interface ScanResult {
  found: Record<Exclude<WarningKind, 'extreme_risk' | 'storage_low'>, number>;
  /** Warnings new in this run (the rest were already there). */
  inserted: number;
  /** Special periods in force today, and digest SMS queued. */
  periods: number;
  digests: number;
}

type Ctx = AppContext;

/** A group event already raised for the same place and matter within the window is not raised again. */
async function recentlyRaised(tx: Executor, w: NewWarning, now: Date): Promise<boolean> {
  if (w.kind !== 'group_event') return false;
  const stem = w.dedupeKey.slice(0, w.dedupeKey.lastIndexOf(':') + 1);
  const since = new Date(now.getTime() - THRESHOLDS.groupWindowDays * 86_400_000);
  const [r] = await tx
    .select({ n: count() })
    .from(warnings)
    .where(and(like(warnings.dedupeKey, `${stem}%`), gte(warnings.createdAt, since)));
  return (r?.n ?? 0) > 0;
}

type ScannedKind = keyof ScanResult['found'];

/**
 * The detectors, and whether each reads the history as it stood at `now` (`asOf`: petitions received
 * and linked until then), so that a scan of a past day finds what that day's scan would have found;
 * the others read the present (this month's count so far, which matters are overdue now).
 */
const DETECTORS: Record<ScannedKind, { detect: typeof detectGrowth; asOf: boolean }> = {
  growth: { detect: detectGrowth, asOf: false },
  group_event: { detect: detectGroupEvents, asOf: true },
  repeat_petitioner: { detect: detectRepeatPetitioners, asOf: true },
  overdue_unit: { detect: detectOverdueUnits, asOf: false },
};
const KINDS = Object.keys(DETECTORS) as ScannedKind[];

/**
 * `pastDay`: a scan of a day gone by (the demo's history of warnings): only the detectors that read
 * the history as of `now`, and no digest SMS.
 */
export async function runWarningScan(
  ctx: Ctx,
  now: Date = new Date(),
  opts: { pastDay?: boolean } = {},
): Promise<ScanResult> {
  const today = shanghaiDate(now);
  const periods = await activePeriods(ctx.db, today);
  const found = {} as Record<ScannedKind, NewWarning[]>;
  for (const kind of KINDS) {
    const { detect, asOf } = DETECTORS[kind];
    found[kind] = asOf || !opts.pastDay ? await detect(ctx.db, now, periods) : [];
  }
  // One command: the new warnings and their messages to the analysts (src/inbox/subscribers.ts).
  const inserted = await runCommand(ctx, async (cmd) => {
    const raised: WarningsRaised['warnings'] = [];
    for (const list of Object.values(found)) {
      for (const w of list) {
        if (await recentlyRaised(cmd.tx, w, now)) continue;
        const id = await insertWarning(cmd.tx, w, now);
        if (id !== null)
          raised.push({
            id,
            kind: w.kind,
            level: w.level,
            title: w.title,
            jurisdictionCode: w.jurisdictionCode,
          });
      }
    }
    if (raised.length > 0) await cmd.publish('warnings.raised', { warnings: raised, at: now });
    return raised.length;
  });
  const digests = periods.length && !opts.pastDay ? await sendDigests(ctx, periods, today) : 0;
  return {
    found: Object.fromEntries(KINDS.map((k) => [k, found[k].length])) as ScanResult['found'],
    inserted,
    periods: periods.length,
    digests,
  };
}

/** One SMS per supervisor in the scope of a period in force (a zero report when nothing is open). */
async function sendDigests(ctx: Ctx, periods: readonly ActivePeriod[], today: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const byUser = new Map<
      number,
      { r: Awaited<ReturnType<typeof supervisorsIn>>[number]; names: string[] }
    >();
    for (const p of periods) {
      for (const r of await supervisorsIn(tx, p.prefix)) {
        const e = byUser.get(r.userId) ?? { r, names: [] };
        if (!e.names.includes(p.name)) e.names.push(p.name);
        byUser.set(r.userId, e);
      }
    }
    for (const { r, names } of byUser.values()) {
      const [c] = await tx
        .select({
          open: count(),
          high: sql<number>`count(*) filter (where ${warnings.level} = 'high')::int`,
        })
        .from(warnings)
        .where(
          and(
            isNull(warnings.acknowledgedAt),
            like(warnings.jurisdictionCode, `${prefixOf(r.jurisdictionCode)}%`),
          ),
        );
      const open = Number(c?.open ?? 0);
      const body =
        open > 0
          ? `【阳光信访】${names.join('、')}保障期预警日报（${today}）：辖区未签收预警${open}条，其中高等级${Number(c?.high ?? 0)}条，请登录工作台查看处置。`
          : `【阳光信访】${names.join('、')}保障期预警日报（${today}）：辖区暂无未签收预警。`;
      await smsToSupervisor(ctx, tx, r, {
        template: 'warning_digest',
        body,
        key: `digest:${today}:${r.userId}`,
      });
    }
    return byUser.size;
  });
}
