// The background passes that follow the daily deadline sweep, as one table run by one runner.
// Each row names its job (the `job` field of its log line), its Chinese and English label, how it
// runs and how its result reads in the log. The runner runs the rows in order, skips the rest once
// the scheduler's signal is aborted (shutdown), and records a failure without undoing the sweep or
// stopping the passes after it. A new daily pass is one row here; the scheduler logs every row alike.
import { runBacklogCandidatePass } from '../backlog/candidates.ts';
import { checkCalendarCoverage } from '../calendar/coverage.ts';
import type { AppContext } from '../context.ts';
import { reclassifyPending } from '../intake/suggestion.ts';
import { runMonitoringDigests } from '../monitoring/daily.ts';
import { maintainPartitions } from '../partitions/maintain.ts';
import { runReceptionReminderPass } from '../receptions/reminders.ts';
import { safeErrorMessage } from '../security/redact.ts';
import { runSupervisionEscalationPass } from '../supervision/escalation.ts';
import { runWarningScan } from '../warnings/scan.ts';
import { runDueWebhookDeliveries } from '../webhooks/deliverer.ts';

export interface DailyPass<R extends object = object> {
  /** The `job` field of the pass's log lines. */
  job: string;
  /** Chinese label: '预警扫描' → '预警扫描完成 / …', '预警扫描失败 / …'. */
  zh: string;
  /** English label of the failure line: 'warning scan' → '… / warning scan failed: …'. */
  en: string;
  /** Runs even when the signal was aborted after the sweep (the warning scan, as it always has). */
  evenIfAborted?: boolean;
  run(ctx: AppContext, now: Date, signal?: AbortSignal): Promise<R>;
  /** The English part of the success line, with the counts. */
  summary(r: R): string;
}

/** What one pass did: its result and log summary, or its error. */
export type PassOutcome =
  | { job: string; zh: string; en: string; result: object; summary: string }
  | { job: string; zh: string; en: string; error: Error };

/** Erases a row's result type, so that rows with different results share one table. */
function pass<R extends object>(p: DailyPass<R>): DailyPass {
  return p as unknown as DailyPass;
}

/**
 * The daily passes, in the order they run: the warning scan on the sweep's fresh overdue flags, the
 * backlog candidates, the supervision escalation, the reception reminders (the day before), the
 * monitoring digests because they count the others' findings, the holiday calendar's coverage (its
 * administrators are told of a missing year), the 待确认 suggestions a model switch has not yet
 * renewed, the history partitions of the months
 * ahead (src/partitions/maintain.ts), then the webhook deliveries the sweep's events queued.
 */
export const DAILY_PASSES: readonly DailyPass[] = [
  pass({
    job: 'warning_scan',
    zh: '预警扫描',
    en: 'warning scan',
    evenIfAborted: true,
    run: (ctx, now) => runWarningScan(ctx, now),
    summary: (w) => `warning scan done: 新增预警 ${w.inserted}, 保障期日报 ${w.digests}`,
  }),
  pass({
    job: 'backlog_candidates',
    zh: '积案候选',
    en: 'backlog candidate pass',
    run: (ctx, now, signal) => runBacklogCandidatePass(ctx, now, { signal }),
    summary: (b) => `backlog candidates: 新增 ${b.added}`,
  }),
  pass({
    job: 'supervision_escalation',
    zh: '督办催办',
    en: 'supervision escalation',
    run: (ctx, now, signal) => runSupervisionEscalationPass(ctx, now, { signal }),
    summary: (b) => `supervision escalation: 催办 ${b.reminded}, 升级 ${b.escalated}`,
  }),
  pass({
    job: 'reception_reminders',
    zh: '接访预约提醒',
    en: 'reception reminders',
    run: (ctx, now, signal) => runReceptionReminderPass(ctx, now, { signal }),
    summary: (r) => `reception reminders: 提醒 ${r.reminded}`,
  }),
  pass({
    job: 'monitoring_digests',
    zh: '日监测晨报',
    en: 'monitoring digests',
    run: (ctx, now) => runMonitoringDigests(ctx, now),
    summary: (d) => `monitoring digests: ${d.written}`,
  }),
  pass({
    job: 'calendar_check',
    zh: '节假日安排检查',
    en: 'holiday calendar check',
    run: (ctx, now) => checkCalendarCoverage(ctx, now),
    summary: (r) => `holiday calendar: 未录入 ${r.missing.join(',') || '无'}`,
  }),
  pass({
    job: 'intake_reclassify',
    zh: '待确认分类建议更新',
    en: 'pending suggestions renewal',
    // After a model switch the console renews at most RENEW_AT_ONCE at once; the rest, and any left
    // by a switch from the command line that stopped midway, get the model in service here.
    run: (ctx, now, signal) => reclassifyPending(ctx.db, { now, signal }),
    summary: (r) => `pending suggestions renewed: ${r.reclassified}`,
  }),
  pass({
    job: 'partition_maintenance',
    zh: '历史分区维护',
    en: 'partition maintenance',
    run: (ctx, now) => maintainPartitions(ctx.db, now),
    summary: (r) => `partitions: 新建 ${r.created.length}, 移出默认分区 ${r.moved}`,
  }),
  pass({
    job: 'webhook_deliveries',
    zh: '事件推送',
    en: 'webhook deliveries',
    // The sweep's 临期/逾期 events go out now, also when the daily jobs run from the CLI; the
    // server's own poller (src/webhooks/deliverer.ts) delivers everything else within seconds.
    run: (ctx, now, signal) => runDueWebhookDeliveries(ctx, now, signal),
    summary: (r) => `webhook deliveries: 送达 ${r.delivered}, 重试 ${r.failed}, 死信 ${r.dead}`,
  }),
];

/**
 * Runs `passes` in order. A pass is skipped once `signal` is aborted (unless `evenIfAborted`); a
 * failed pass is recorded and the next one still runs. Returns the outcome of each pass that ran.
 */
export async function runPasses(
  ctx: AppContext,
  now: Date,
  signal?: AbortSignal,
  passes: readonly DailyPass[] = DAILY_PASSES,
): Promise<PassOutcome[]> {
  const outcomes: PassOutcome[] = [];
  for (const p of passes) {
    if (signal?.aborted && !p.evenIfAborted) continue;
    const { job, zh, en } = p;
    try {
      const result = await p.run(ctx, now, signal);
      outcomes.push({ job, zh, en, result, summary: p.summary(result) });
    } catch (e) {
      outcomes.push({ job, zh, en, error: e as Error });
    }
  }
  return outcomes;
}

/** One log line per outcome: info with the result's counts, or error with a short, safe message. */
export function logPassOutcomes(log: AppContext['log'], outcomes: readonly PassOutcome[]): void {
  for (const o of outcomes) {
    if ('error' in o) {
      const error = safeErrorMessage((o.error as Error & { cause?: Error }).cause ?? o.error).slice(0, 300);
      log.error({ job: o.job, error }, `${o.zh}失败 / ${o.en} failed: ${error}`);
    } else {
      log.info({ job: o.job, ...o.result }, `${o.zh}完成 / ${o.summary}`);
    }
  }
}
