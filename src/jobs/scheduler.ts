// A tiny in-process scheduler for the daily jobs: a catch-up shortly after start, then every day at
// `dailyAt` Asia/Shanghai (a setTimeout chain, unref'd so it never keeps the process alive).
// On PostgreSQL several API processes run it (`serve --workers N`, several hosts): a session
// advisory lock, held on a dedicated pool client, lets one process run the jobs at a time, and each
// scheduled run names its slot (the `dailyAt` instant it serves) in `job_runs`: the first process
// to hold the lock runs the slot and marks it finished, the others find it done and skip, so the
// jobs run once a day however many processes schedule them. The catch-up after start serves the
// latest slot already past, so a start after a missed 01:00 (the machine was off) runs it, and N
// workers starting together run it once. The embedded database has one process, so no lock there.

import { hostname } from 'node:os';
import { and, eq, isNotNull } from 'drizzle-orm';
import { purgeLoginThrottle } from '../auth/throttle.ts';
import { purgeIdempotencyKeys } from '../commands/idempotency.ts';
import type { AppContext } from '../context.ts';
import { jobRuns } from '../db/schema.ts';
import { safeErrorMessage } from '../security/redact.ts';
import { runDeadlineSweep, type SweepResult } from './deadlines.ts';
import { logPassOutcomes, type PassOutcome, runPasses } from './passes.ts';

/** pg_advisory_lock key of the daily jobs ('xinfang' daily sweep); any constant unique to this app. */
export const DAILY_JOBS_LOCK_KEY = '7846229001';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+08:00, no daylight saving
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface SchedulerOptions {
  /** Shanghai wall-clock time 'HH:MM' of the daily run (default '01:00'). */
  dailyAt?: string;
  /** Run every intervalMs instead of daily (development, tests). */
  intervalMs?: number;
  /** Delay of the first run after start (default 10 s, after the server is listening). */
  initialDelayMs?: number;
}

export interface Scheduler {
  /** Cancels the next run; a run in progress stops after its current batch (awaited). */
  stop(): Promise<void>;
}

function parseDailyAt(dailyAt: string): { h: number; m: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(dailyAt);
  if (!m) throw new RangeError(`dailyAt must be HH:MM (Asia/Shanghai), got '${dailyAt}'`);
  return { h: Number(m[1]), m: Number(m[2]) };
}

/** The first instant strictly after `after` that is `dailyAt` on the Asia/Shanghai clock. */
export function nextDailyRun(dailyAt: string, after: Date): Date {
  const { h, m } = parseDailyAt(dailyAt);
  const local = new Date(after.getTime() + SHANGHAI_OFFSET_MS);
  let t =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), h, m) - SHANGHAI_OFFSET_MS;
  if (t <= after.getTime()) t += DAY_MS;
  return new Date(t);
}

/** The latest `dailyAt` instant at or before `at`: the slot a catch-up run serves. */
export function previousDailyRun(dailyAt: string, at: Date): Date {
  return nextDailyRun(dailyAt, new Date(at.getTime() - DAY_MS));
}

const DAILY_JOB = 'daily';
/** Which process ran a slot, for operators reading `job_runs`. */
const NODE = `${hostname()}:${process.pid}`;

/**
 * Runs the daily jobs once, under the cluster-wide lock on PostgreSQL. Returns null when another
 * node holds the lock, or — given a `slot` — when the slot's run has already finished anywhere
 * (nothing was done). Without a slot (`xinfang jobs run-daily`, tests) it always runs.
 */
export async function runDailyJobs(
  ctx: AppContext,
  now: Date = new Date(),
  signal?: AbortSignal,
  slot?: Date,
): Promise<SweepResult | null> {
  const pool = ctx.database.kind === 'postgres' ? ctx.database.pool : undefined;
  if (!pool) return runSlot(ctx, now, signal, slot);
  const client = await pool.connect();
  // A client whose unlock failed is destroyed rather than reused: closing the session frees the lock.
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      DAILY_JOBS_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) return null;
    try {
      return await runSlot(ctx, now, signal, slot);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [DAILY_JOBS_LOCK_KEY]).catch((e: Error) => {
        broken = e;
      });
    }
  } catch (e) {
    broken ??= e as Error;
    throw e;
  } finally {
    client.release(broken);
  }
}

/**
 * The jobs for `slot`, unless a run of it finished already (the caller holds the lock, so no other
 * process is running it now; one that died midway left it unfinished, and it runs again here).
 */
async function runSlot(
  ctx: AppContext,
  now: Date,
  signal: AbortSignal | undefined,
  slot: Date | undefined,
): Promise<SweepResult | null> {
  if (!slot) return sweepThenScan(ctx, now, signal);
  const key = and(eq(jobRuns.job, DAILY_JOB), eq(jobRuns.slot, slot));
  const [done] = await ctx.db
    .select({ node: jobRuns.node })
    .from(jobRuns)
    .where(and(key, isNotNull(jobRuns.finishedAt)));
  if (done) return null;
  await ctx.db
    .insert(jobRuns)
    .values({ job: DAILY_JOB, slot, node: NODE })
    .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.slot], set: { node: NODE, startedAt: new Date() } });
  const r = await sweepThenScan(ctx, now, signal);
  // Stopped by shutdown midway: left unfinished, so the next start's catch-up completes it.
  if (!signal?.aborted) await ctx.db.update(jobRuns).set({ finishedAt: new Date() }).where(key);
  return r;
}

/**
 * The deadline sweep, then the daily passes (src/jobs/passes.ts: warning scan on the fresh overdue
 * flags, backlog candidates, supervision escalation, monitoring digests). A failed pass is logged
 * and does not undo the sweep.
 */
async function sweepThenScan(
  ctx: Parameters<typeof runDailyJobs>[0],
  now: Date,
  signal?: AbortSignal,
): Promise<SweepResult> {
  const r = await runDeadlineSweep(ctx, now, { signal });
  await purgeLoginThrottle(ctx.db, now); // back-off rows of pairs quiet for a day
  if (signal?.aborted) return r;
  await purgeIdempotencyKeys(ctx.db, now); // answers to retried submissions are kept 24 hours
  passes.set(r, await runPasses(ctx, now, signal));
  return r;
}

/** The daily passes that followed a sweep, for the log lines after the sweep's. */
const passes = new WeakMap<SweepResult, PassOutcome[]>();

export function startScheduler(ctx: AppContext, opts: SchedulerOptions = {}): Scheduler {
  const dailyAt = opts.dailyAt ?? '01:00';
  parseDailyAt(dailyAt); // a bad setting fails at start, not at 01:00
  const { intervalMs } = opts;
  if (intervalMs !== undefined && !(intervalMs > 0)) throw new RangeError('intervalMs must be positive');
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const abort = new AbortController();

  // Daily mode names each run's slot; interval mode (development, tests) runs every time.
  const slotOf = (at: Date, catchUp: boolean) =>
    intervalMs ? undefined : catchUp ? previousDailyRun(dailyAt, at) : at;

  const runOnce = async (slot: Date | undefined) => {
    const started = Date.now();
    try {
      const r = await runDailyJobs(ctx, new Date(), abort.signal, slot);
      if (r) {
        ctx.log.info(
          { job: 'deadline_sweep', ...r, ms: Date.now() - started, stoppedEarly: abort.signal.aborted },
          `日监测完成 / deadline sweep done: 临期 ${r.near}, 超期 ${r.overdue}, 超期未评价 ${r.evaluationsExpired}, 期满办结 ${r.autoClosed}`,
        );
        logPassOutcomes(ctx.log, passes.get(r) ?? []);
      } else {
        ctx.log.info(
          { job: 'deadline_sweep' },
          '日监测已由其他进程执行，本进程跳过 / daily jobs run by another process, skipped',
        );
      }
    } catch (e) {
      // The database's own message, short: a failed query's parameters are not logged.
      const err = e as Error & { cause?: unknown };
      const error = safeErrorMessage(err.cause instanceof Error ? err.cause : err).slice(0, 300);
      ctx.log.error({ job: 'deadline_sweep', error }, `日监测失败 / deadline sweep failed: ${error}`);
    }
  };

  /** Schedules the run targeted at `at`; long waits are split (setTimeout's 24.8-day limit). */
  const schedule = (at: Date, catchUp = false) => {
    if (stopped) return;
    const wait = Math.min(Math.max(0, at.getTime() - Date.now()), MAX_TIMEOUT_MS);
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      if (Date.now() < at.getTime() - 1000) return schedule(at, catchUp);
      running = runOnce(slotOf(at, catchUp)).finally(() => {
        running = null;
        // From the target, not only from now: a timer that fired a little early never runs twice.
        const from = new Date(Math.max(Date.now(), at.getTime() + 1));
        schedule(intervalMs ? new Date(from.getTime() + intervalMs) : nextDailyRun(dailyAt, from));
      });
    }, wait);
    timer.unref();
  };

  schedule(new Date(Date.now() + (opts.initialDelayMs ?? 10_000)), true);
  return {
    async stop() {
      stopped = true;
      abort.abort();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
