// The daily deadline job (日监测): flags matters near or past their running duty deadline, records
// evaluations the petitioner let lapse (超期未评价), and closes matters whose review or re-review
// window ran out without a request (期满办结). Safe to run at any time and on several nodes:
//   - batches of `batchSize` rows per transaction, selected FOR UPDATE SKIP LOCKED, so the embedded
//     database's single connection is never held for long, a large table is never loaded at once,
//     and two sweeps at the same time never write the same case twice;
//   - idempotent: a case is changed only when its stored flags say the step has not happened yet.
import { and, asc, eq, gt, isNotNull, isNull, lt, lte, max, or, type SQL, sql } from 'drizzle-orm';
import type { CaseRow } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, cases, settings } from '../db/schema.ts';
import { daysRemaining, isNearDue, isOverdue } from '../domain/deadlines/index.ts';
import { CLOSING_WINDOWS } from '../domain/lifecycle/actions/close.ts';
import { actionDef, type SystemActionName } from '../domain/lifecycle/actions.ts';
import {
  type Clocks,
  DUTY_CLOCKS,
  isCounting,
  isRunning,
  type StoredClock,
} from '../domain/lifecycle/clocks.ts';
import type { ActionPorts, EffectResult } from '../domain/lifecycle/define.ts';
import { type ClockName, DEFAULT_LIMITS, type Limits } from '../domain/lifecycle/limits.ts';
import { applyTransition, isPublicEvent } from '../domain/lifecycle/transition.ts';
import type { CaseState } from '../domain/lifecycle/vocabulary.ts';
import { limitsFor } from '../settings/limits.ts';

export interface SweepResult {
  near: number;
  overdue: number;
  evaluationsExpired: number;
  autoClosed: number;
}

export interface SweepOptions {
  /** Rows per transaction (default 500). */
  batchSize?: number;
  /** Stops between batches (shutdown); what was committed stays, the next run does the rest. */
  signal?: AbortSignal;
}

const DEFAULT_BATCH = 500;
const DAY_MS = 86_400_000;
/** Ids per slice of the primary key in the window pass. */
const ID_WINDOW = 10_000;

/** System actions ask nothing of the database. */
const NO_PORTS: ActionPorts = {
  unit: async () => undefined,
  upperBureau: async () => undefined,
  lastEventDetail: async () => undefined,
  visibleCaseForUpdate: async () => undefined,
  inActorSubtree: () => false,
};

type Kind = 'near' | 'overdue' | 'evaluationExpired' | 'autoClosed';

export interface CasePlan {
  patch: Partial<typeof cases.$inferInsert>;
  events: (typeof caseEvents.$inferInsert)[];
  kinds: Kind[];
}

/** The running duty clock that sets `due_at` (the earliest one), with its name. */
function runningDuty(clocks: Clocks): { name: ClockName; clock: StoredClock } | null {
  let best: { name: ClockName; clock: StoredClock } | null = null;
  for (const name of DUTY_CLOCKS) {
    const clock = clocks[name];
    if (isCounting(clock) && (!best || new Date(clock.due) < new Date(best.clock.due)))
      best = { name, clock };
  }
  return best;
}

/**
 * What the sweep does to one case at `now`; null when nothing is due. Pure. `nearDueDays` is the
 * case's jurisdiction's (limitsFor); it matters only while the duty deadline is neither flagged nor past.
 */
export function planCase(c: CaseRow, nearDueDays: number, now: Date): CasePlan | null {
  const clocks: Clocks = { ...c.clocks };
  const state = c.state as CaseState;
  const patch: CasePlan['patch'] = {};
  const events: CasePlan['events'] = [];
  const kinds: Kind[] = [];
  const event = (action: string, toState: string, detail: Record<string, unknown>, isPublic: boolean) =>
    events.push({
      caseId: c.id,
      at: now,
      action,
      fromState: state,
      toState,
      actorUserId: null,
      actorRole: null,
      actorUnitId: null,
      detail,
      public: isPublic,
    });

  // 1. The running duty deadline: near (临期) then overdue (超期), each flagged once.
  const duty = runningDuty(clocks);
  if (duty) {
    const due = new Date(duty.clock.due);
    if (isOverdue(due, now)) {
      if (c.dueFlag !== 'overdue') {
        patch.dueFlag = 'overdue';
        kinds.push('overdue');
        event(
          'deadline',
          state,
          {
            kind: 'overdue',
            clock: duty.name,
            due: duty.clock.due,
            daysOverdue: -daysRemaining(due, now),
          },
          false,
        );
      }
    } else if (c.dueFlag == null && isNearDue(due, now, nearDueDays)) {
      patch.dueFlag = 'near';
      kinds.push('near');
      event(
        'deadline',
        state,
        {
          kind: 'near',
          clock: duty.name,
          due: duty.clock.due,
          daysRemaining: daysRemaining(due, now),
        },
        false,
      );
    }
  }

  // 2. The evaluation window lapsed without a rating (超期未评价): a system action of the table.
  let current = { state, clocks };
  const system = (name: SystemActionName) => {
    const def = actionDef(name);
    const effect = def.effect({
      payload: {},
      c: { ...c, ...patch, clocks: current.clocks },
      actor: { userId: null, role: 'system', unitId: null },
      actorUnit: undefined,
      limits: DEFAULT_LIMITS, // system actions start no clock
      now,
      ports: NO_PORTS,
    }) as EffectResult<Record<string, unknown>>;
    const t = applyTransition(def, { state: current.state, clocks: current.clocks }, effect, { now });
    Object.assign(patch, t.patch, { state: t.state });
    event(def.records ?? name, t.state, t.detail, isPublicEvent(def, {}));
    current = { state: t.state, clocks: t.clocks };
  };
  const evaluation = clocks.evaluation;
  if (c.evaluationStatus === 'pending' && isRunning(evaluation) && isOverdue(new Date(evaluation.due), now)) {
    system('expire_evaluation');
    kinds.push('evaluationExpired');
  }

  // 3. No review (re-review) requested within its window: the matter is closed (期满办结).
  const closing = CLOSING_WINDOWS[state as keyof typeof CLOSING_WINDOWS];
  const lapsedWindow = closing ? current.clocks[closing.clock] : undefined;
  if (closing && isRunning(lapsedWindow) && isOverdue(new Date(lapsedWindow.due), now)) {
    system('close_by_lapse');
    kinds.push('autoClosed');
  }

  if (kinds.length === 0) return null;
  return {
    patch: { ...patch, clocks: current.clocks, version: c.version + 1, updatedAt: now },
    events,
    kinds,
  };
}

/** The largest nearDueDays of any jurisdiction: how far ahead of now the due_at range must reach. */
async function maxNearDueDays(db: Executor): Promise<number> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'limits'));
  let max = DEFAULT_LIMITS.nearDueDays;
  for (const r of rows) {
    const n = (r.value as Partial<Limits> | null)?.nearDueDays;
    if (typeof n === 'number' && Number.isFinite(n) && n > max) max = n;
  }
  return max;
}

/**
 * Between batches, let requests waiting on the event loop run: the embedded database executes in
 * this thread, and a chain of its promises alone would never give timers or sockets a turn.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** A petitioner window (jsonb clock) still running and past its due instant. */
const lapsed = (name: ClockName, now: Date) =>
  sql`(${cases.clocks} -> ${name}::text ->> 'stoppedAt') is null and (${cases.clocks} -> ${name}::text ->> 'due')::timestamptz < ${iso(now)}`;

/**
 * One daily pass over all cases. `now` may be set (tests, `xinfang jobs run-daily --now`);
 * event times, closing times and updated_at use it.
 */
export async function runDeadlineSweep(
  ctx: AppContext,
  now: Date = new Date(),
  opts: SweepOptions = {},
): Promise<SweepResult> {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid sweep time');
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const result: SweepResult = { near: 0, overdue: 0, evaluationsExpired: 0, autoClosed: 0 };
  const limitsCache = new Map<string, Limits>();

  /** Applies the plans of one locked batch and publishes them (rollups and one audit row subscribe). */
  const apply = async (w: Work, rows: CaseRow[]) => {
    const { tx } = w;
    const touched: Record<Kind, number[]> = { near: [], overdue: [], evaluationExpired: [], autoClosed: [] };
    const events: CasePlan['events'] = [];
    const finals: Record<string, unknown>[] = [];
    const changes: { before: CaseRow; after: CaseRow }[] = [];
    for (const row of rows) {
      // The jurisdiction's limits are looked up (once per sweep) only when a near flag is possible.
      let nearDueDays = 0;
      if (row.dueFlag == null && row.dueAt && !isOverdue(row.dueAt, now)) {
        let limits = limitsCache.get(row.jurisdictionCode);
        if (!limits) {
          limits = await limitsFor(tx, row.jurisdictionCode);
          limitsCache.set(row.jurisdictionCode, limits);
        }
        nearDueDays = limits.nearDueDays;
      }
      const plan = planCase(row, nearDueDays, now);
      if (!plan) continue;
      // The row is locked and was read in this transaction: write its new values in full (every
      // column planCase may change; updated_at and the event time are `now`).
      const f = { ...row, ...plan.patch };
      changes.push({ before: row, after: f as CaseRow });
      finals.push({
        id: f.id,
        state: f.state,
        due_flag: f.dueFlag,
        evaluation_status: f.evaluationStatus,
        closed_at: f.closedAt ? f.closedAt.toISOString() : null,
        current_unit_id: f.currentUnitId,
        clocks: f.clocks,
        version: f.version,
      });
      events.push(...plan.events);
      for (const k of plan.kinds) touched[k].push(row.id);
    }
    if (finals.length === 0) return;
    // One statement for the whole batch (not one round trip per case).
    await tx.execute(sql`
      update ${cases} set
        state = v.state, due_flag = v.due_flag, evaluation_status = v.evaluation_status,
        closed_at = v.closed_at, current_unit_id = v.current_unit_id, clocks = v.clocks,
        version = v.version, updated_at = ${iso(now)}
      from jsonb_to_recordset(${JSON.stringify(finals)}::jsonb) as v(
        id bigint, state text, due_flag text, evaluation_status text, closed_at timestamptz,
        current_unit_id integer, clocks jsonb, version integer)
      where ${cases.id} = v.id`);
    const rowsJson = events.map((e) => ({
      case_id: e.caseId,
      action: e.action,
      from_state: e.fromState,
      to_state: e.toState,
      detail: e.detail,
      public: e.public,
    }));
    await tx.execute(sql`
      insert into ${caseEvents} (case_id, at, action, from_state, to_state, detail, public)
      select e.case_id, ${iso(now)}, e.action, e.from_state, e.to_state, e.detail, e.public
      from rows from (jsonb_to_recordset(${JSON.stringify(rowsJson)}::jsonb) as (
        case_id bigint, action text, from_state text, to_state text, detail jsonb, public boolean)
      ) with ordinality as e(case_id, action, from_state, to_state, detail, public, n)
      order by e.n`);
    await w.publish('cases.swept', { changes, touched, at: now });
    result.near += touched.near.length;
    result.overdue += touched.overdue.length;
    result.evaluationsExpired += touched.evaluationExpired.length;
    result.autoClosed += touched.autoClosed.length;
  };

  // Pass 1: running duty deadlines, walking cases_due_unflagged_idx in (due_at, id) order. Only rows
  // that can change are selected: not yet flagged and due within the widest near window, or flagged
  // near and now past due. Rows already flagged overdue are not in that index at all.
  const bound = new Date(now.getTime() + ((await maxNearDueDays(ctx.db)) + 1) * DAY_MS);
  let after: { dueAt: Date; id: number } | null = null;
  while (!opts.signal?.aborted) {
    const cursor: { dueAt: Date; id: number } | null = after;
    const rows: CaseRow[] = await runCommand(ctx, async (w): Promise<CaseRow[]> => {
      const batch = await w.tx
        .select()
        .from(cases)
        .where(
          and(
            isNotNull(cases.dueAt),
            lt(cases.dueAt, bound),
            // Written so that it implies cases_due_unflagged_idx's predicate (the planner proves it).
            or(isNull(cases.dueFlag), and(eq(cases.dueFlag, 'near'), lt(cases.dueAt, now))),
            cursor
              ? sql`(${cases.dueAt}, ${cases.id}) > (${iso(cursor.dueAt)}, ${cursor.id}::bigint)`
              : undefined,
          ),
        )
        .orderBy(asc(cases.dueAt), asc(cases.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      await apply(w, batch);
      return batch;
    });
    await yieldToEventLoop();
    const last = rows.at(-1);
    if (!last?.dueAt || rows.length < batchSize) break;
    after = { dueAt: last.dueAt, id: last.id };
  }

  // Pass 2: the petitioner's windows (not in due_at, and no index on them): walk the primary key in
  // id ranges of ID_WINDOW, so each query scans a bounded slice and the pass reads the table once.
  const windows: SQL | undefined = or(
    and(eq(cases.evaluationStatus, 'pending'), lapsed('evaluation', now)),
    ...Object.entries(CLOSING_WINDOWS).map(([state, w]) => and(eq(cases.state, state), lapsed(w.clock, now))),
  );
  const [top] = await ctx.db.select({ maxId: max(cases.id) }).from(cases);
  const maxId = Number(top?.maxId ?? 0);
  let afterId = 0;
  while (afterId < maxId && !opts.signal?.aborted) {
    const from = afterId;
    const to = Math.min(from + ID_WINDOW, maxId);
    const rows: CaseRow[] = await runCommand(ctx, async (w): Promise<CaseRow[]> => {
      const batch = await w.tx
        .select()
        .from(cases)
        .where(and(gt(cases.id, from), lte(cases.id, to), windows))
        .orderBy(asc(cases.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      await apply(w, batch);
      return batch;
    });
    await yieldToEventLoop();
    const last = rows.at(-1);
    afterId = last && rows.length === batchSize ? last.id : to;
  }
  return result;
}
