// The bookkeeping under timeline.ts: a clock that only moves forward and stops at `now`, actions
// applied as the engine applies them (state, clocks started/stopped from the action table, one
// timeline row each), and what the daily deadline job would have written meanwhile (overdue flags,
// lapsed evaluations). `finish` adds repeats, supervision and backlog flags, and the due date.

import { computeDue, isNearDue, shanghaiDate } from '../domain/deadlines/index.ts';
import { type ActionName, actionDef } from '../domain/lifecycle/actions.ts';
import { activeDue, type Clocks, DUTY_CLOCKS, isRunning } from '../domain/lifecycle/clocks.ts';
import type { ClockName, Limits } from '../domain/lifecycle/limits.ts';
import { isPublicEvent } from '../domain/lifecycle/transition.ts';
import { type CaseState, isOpen } from '../domain/lifecycle/vocabulary.ts';
import { addExtras } from './extras.ts';
import type { TimelineInput } from './timeline.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SeedEvent {
  at: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorRole: string | null;
  actorUnitId: number | null;
  detail: Record<string, unknown>;
  public: boolean;
}

export interface SimRow {
  currentUnitId: number | null;
  bureauUnitId: number;
  assignedUnitId: number | null;
  reviewUnitId: number | null;
  acceptedAt: number | null;
  deliveredAt: number | null;
  closedAt: number | null;
  outcome: string | null;
  reasonCode: string | null;
  bureauRating: string | null;
  unitRating: string | null;
  ratedAt: number | null;
  evaluationStatus: string | null;
  supervised: boolean;
  backlog: boolean;
  repeatCount: number;
}

export interface SimResult {
  state: CaseState;
  clocks: Clocks;
  dueAt: number | null;
  dueFlag: 'near' | 'overdue' | null;
  row: SimRow;
  version: number;
  updatedAt: number;
  events: SeedEvent[];
}

export interface Sim {
  t: number;
  state: CaseState;
  clocks: Clocks;
  row: SimRow;
  advance(days: number): boolean;
  advanceTo(at: number): boolean;
  later(at: number, fn: () => void): void;
  act(
    name: ActionName,
    to: CaseState,
    role: string | null,
    unitId: number | null,
    detail: Record<string, unknown>,
  ): void;
  finish(): SimResult;
  /** The timeline so far (unsorted) and the row version. */
  events: SeedEvent[];
  version: number;
  note(
    action: string,
    from: string | null,
    to: string | null,
    role: string | null,
    unitId: number | null,
    detail: Record<string, unknown>,
    isPublic: boolean,
  ): void;
}

// Due dates depend only on the trigger's Shanghai date: computed once per (limits, clock, date).
const dueCache = new WeakMap<
  Limits,
  Map<string, { amount: number; unit: 'calendar_days' | 'working_days'; due: string }>
>();
function startClockCached(limits: Limits, name: ClockName, at: number) {
  let cache = dueCache.get(limits);
  if (!cache) {
    cache = new Map();
    dueCache.set(limits, cache);
  }
  const trigger = new Date(at);
  const key = `${name}|${shanghaiDate(trigger)}`;
  let c = cache.get(key);
  if (!c) {
    const limit = limits.clocks[name];
    c = { amount: limit.amount, unit: limit.unit, due: computeDue(trigger, limit).due.toISOString() };
    cache.set(key, c);
  }
  return { trigger: trigger.toISOString(), ...c };
}

function runningDuty(clocks: Clocks): { name: ClockName; due: number } | null {
  let best: { name: ClockName; due: number } | null = null;
  for (const name of DUTY_CLOCKS) {
    const c = clocks[name];
    if (isRunning(c) && (!best || Date.parse(c.due) < best.due)) best = { name, due: Date.parse(c.due) };
  }
  return best;
}

export function startSim(i: TimelineInput): Sim {
  const { now, limits } = i;
  const bureau = i.units.bureau;
  const events: SeedEvent[] = [];
  const pending: { at: number; fn: () => void }[] = [];
  const flagged = new Set<number>();
  let dueFlag: SimResult['dueFlag'] = null;
  let lastChange = i.receivedAt;

  const s: Sim = {
    t: i.receivedAt,
    state: 'registered',
    clocks: { acceptance: startClockCached(limits, 'acceptance', i.receivedAt) },
    row: {
      currentUnitId: bureau.id,
      bureauUnitId: bureau.id,
      assignedUnitId: null,
      reviewUnitId: null,
      acceptedAt: null,
      deliveredAt: null,
      closedAt: null,
      outcome: null,
      reasonCode: null,
      bureauRating: null,
      unitRating: null,
      ratedAt: null,
      evaluationStatus: null,
      supervised: false,
      backlog: false,
      repeatCount: 0,
    },
    advance: (days) => s.advanceTo(s.t + days * DAY),
    advanceTo(at) {
      runUntil(Math.min(at, now));
      if (!(at <= now)) return false;
      s.t = Math.max(s.t, at);
      return true;
    },
    later: (at, fn) => {
      pending.push({ at, fn });
    },
    act(name, to, role, unitId, detail) {
      const def = actionDef(name);
      const stamp = new Date(s.t).toISOString();
      for (const c of def.stops ?? []) {
        const clock = s.clocks[c];
        if (isRunning(clock)) s.clocks[c] = { ...clock, stoppedAt: stamp };
      }
      for (const c of def.starts ?? []) s.clocks[c] = startClockCached(limits, c, s.t);
      event(name, s.state, to, role, unitId, detail, isPublicEvent(def, detail));
      if (to !== s.state) lastChange = s.t;
      s.state = to;
      s.version++;
      dueFlag = null;
    },
    finish() {
      runUntil(now);
      return finish();
    },
    events,
    version: 1,
    note: (...args) => event(...args),
  };

  function event(
    action: string,
    from: string | null,
    to: string | null,
    role: string | null,
    unitId: number | null,
    detail: Record<string, unknown>,
    isPublic: boolean,
  ) {
    events.push({
      at: s.t,
      action,
      fromState: from,
      toState: to,
      actorRole: role,
      actorUnitId: unitId,
      detail,
      public: isPublic,
    });
  }

  /** Applies, in time order, whatever happens by `limit` besides the main steps. */
  function runUntil(limit: number) {
    for (;;) {
      let at = Number.POSITIVE_INFINITY;
      let apply: (() => void) | null = null;
      for (const p of pending) {
        if (p.at <= limit && p.at < at) {
          at = p.at;
          apply = () => {
            pending.splice(pending.indexOf(p), 1);
            p.fn();
          };
        }
      }
      const duty = runningDuty(s.clocks);
      if (duty && !flagged.has(duty.due) && duty.due + HOUR <= limit && duty.due + HOUR < at) {
        at = duty.due + HOUR;
        apply = () => {
          flagged.add(duty.due);
          dueFlag = 'overdue';
          const detail = {
            kind: 'overdue',
            clock: duty.name,
            due: new Date(duty.due).toISOString(),
            daysOverdue: 1,
          };
          event('deadline', s.state, s.state, null, null, detail, false);
          s.version++;
        };
      }
      const ev = s.clocks.evaluation;
      const evDue = isRunning(ev) ? Date.parse(ev.due) + HOUR : Number.POSITIVE_INFINITY;
      if (s.row.evaluationStatus === 'pending' && evDue <= limit && evDue < at) {
        at = evDue;
        apply = () => {
          s.clocks.evaluation = { ...(ev as NonNullable<typeof ev>), stoppedAt: new Date(at).toISOString() };
          s.row.evaluationStatus = 'expired';
          const detail = { kind: 'evaluation_expired', clock: 'evaluation', due: ev?.due };
          event('deadline', s.state, s.state, null, null, detail, false);
          s.version++;
        };
      }
      if (!apply) return;
      s.t = Math.max(s.t, at);
      apply();
    }
  }

  function finish(): SimResult {
    const due = activeDue(s.clocks);
    const open = isOpen(s.state);
    if (due && open) {
      if (due.getTime() < now) dueFlag = 'overdue';
      else if (isNearDue(due, new Date(now), limits.nearDueDays)) {
        dueFlag = 'near';
        s.t = Math.max(s.t, Math.min(now, due.getTime() - limits.nearDueDays * DAY));
        event('deadline', s.state, s.state, null, null, { kind: 'near', due: due.toISOString() }, false);
        s.version++;
      }
    }
    addExtras(s, i, open, dueFlag === 'overdue', lastChange);
    events.sort((a, b) => a.at - b.at);
    return {
      state: s.state,
      clocks: s.clocks,
      dueAt: due ? due.getTime() : null,
      dueFlag,
      row: s.row,
      version: s.version,
      updatedAt: events.length ? (events[events.length - 1] as SeedEvent).at : i.receivedAt,
      events,
    };
  }

  event(
    'register',
    null,
    'registered',
    i.form === 'online' ? 'citizen' : 'registrar',
    bureau.id,
    {
      form: i.form,
      registeringUnit: i.registeringName,
      skippedLevel: false,
    },
    true,
  );
  return s;
}
