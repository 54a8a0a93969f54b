// What an imported matter looks like on the platform: its state, clocks, due date and timeline,
// written as the lifecycle engine would have written them on the historical dates (登记 → 受理 →
// 答复 → 办结, or 登记 → 不予受理), so that every count (registrations, acceptance in time, completion
// on time) falls on the day the source says. The bureau of the place handled the matter itself: the
// source does not say which department did. Pure.
import { isNearDue } from '../deadlines/index.ts';
import { type ActionName, actionDef } from '../lifecycle/actions.ts';
import { activeDue, type Clocks, isRunning, startClock } from '../lifecycle/clocks.ts';
import type { ClockName, Limits } from '../lifecycle/limits.ts';
import { isPublicEvent } from '../lifecycle/transition.ts';
import { type CaseState, isOpen, NON_ACCEPTANCE_REASONS, OUTCOME_NAMES } from '../lifecycle/vocabulary.ts';
import type { ImportRow } from './rows.ts';

export interface HistoryEvent {
  at: Date;
  action: ActionName | 'register';
  fromState: CaseState | null;
  toState: CaseState;
  detail: Record<string, unknown>;
  public: boolean;
}

export interface History {
  state: CaseState;
  clocks: Clocks;
  dueAt: Date | null;
  dueFlag: 'near' | 'overdue' | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  events: HistoryEvent[];
}

/** The matter's history from its source dates; `bureauName` is shown on the timeline. */
export function historyOf(row: ImportRow, limits: Limits, bureauName: string, now: Date): History {
  const clocks: Clocks = { acceptance: startClock(limits, 'acceptance', row.receivedAt) };
  const events: HistoryEvent[] = [];
  let state: CaseState = 'registered';
  let t = row.receivedAt;
  const imported = { imported: true, sourceNo: row.sourceNo };
  events.push({
    at: t,
    action: 'register',
    fromState: null,
    toState: 'registered',
    detail: { form: row.form, registeringUnit: bureauName, skippedLevel: false, ...imported },
    public: true,
  });
  /** One step as the engine applies it: clocks stopped and started by the action table, one event. */
  const step = (name: ActionName, when: Date, to: CaseState, detail: Record<string, unknown>) => {
    // Never before the previous step (a date-only step on the day of a timed one).
    t = when < t ? t : when;
    const def = actionDef(name);
    const stamp = t.toISOString();
    for (const c of (def.stops ?? []) as ClockName[]) {
      const clock = clocks[c];
      if (isRunning(clock)) clocks[c] = { ...clock, stoppedAt: stamp };
    }
    for (const c of (def.starts ?? []) as ClockName[]) {
      // Only the duty clocks of handling: windows after delivery are not part of an imported history.
      if (c === 'handling') clocks[c] = startClock(limits, c, t);
    }
    const full = { ...detail, ...imported };
    events.push({
      at: t,
      action: name,
      fromState: state,
      toState: to,
      detail: full,
      public: isPublicEvent(def, full),
    });
    state = to;
  };

  if (row.state === 'not_accepted') {
    const code = row.reasonCode ?? 'NOT_IN_REMIT';
    const reason = NON_ACCEPTANCE_REASONS[code];
    step('not_accept', row.closedAt ?? row.receivedAt, 'not_accepted', {
      unit: bureauName,
      reasonCode: code,
      reason: reason.name,
      basis: reason.basis,
    });
  } else if (row.acceptedAt) {
    step('accept', row.acceptedAt, 'accepted', { unit: bureauName });
    if (row.repliedAt) {
      step('reply', row.repliedAt, 'replied', {
        outcome: row.outcome,
        outcomeName: row.outcome ? OUTCOME_NAMES[row.outcome] : undefined,
      });
    }
    if (row.state === 'closed' && row.closedAt)
      step('close', row.closedAt, 'closed', { note: '历史数据导入' });
  }

  const open = isOpen(state);
  const due = open ? activeDue(clocks) : null;
  const dueFlag =
    due && due.getTime() < now.getTime()
      ? 'overdue'
      : due && isNearDue(due, now, limits.nearDueDays)
        ? 'near'
        : null;
  return {
    state,
    clocks,
    dueAt: due,
    dueFlag,
    acceptedAt: events.find((e) => e.action === 'accept')?.at ?? null,
    closedAt: open ? null : t,
    updatedAt: t,
    events,
  };
}
