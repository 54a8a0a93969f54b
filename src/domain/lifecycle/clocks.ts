// Clocks of a case: stored in cases.clocks as { name: { trigger, amount, unit, due } }, so every
// due date can be shown with how it was computed (which rest days it skipped).
import { computeDue, type DueDate, diffDays, shanghaiDate } from '../deadlines/index.ts';
import type { Clocks, StoredClock } from './clockTypes.ts';
import { CLOCK_NAMES, type ClockName, type Limits } from './limits.ts';

export type { Clocks, StoredClock } from './clockTypes.ts';

/** Clocks that are duties of the bureau or unit (overdue = late work); the others are the petitioner's windows. */
export const DUTY_CLOCKS: readonly ClockName[] = [
  'acceptance',
  'handling',
  'review',
  'rereview',
  'rehandling',
];

export function startClock(limits: Limits, name: ClockName, trigger: Date): StoredClock {
  const limit = limits.clocks[name];
  const d = computeDue(trigger, limit);
  return { trigger: trigger.toISOString(), amount: limit.amount, unit: limit.unit, due: d.due.toISOString() };
}

/** The limit with the days added by extensions and hearing pauses. */
const amountOf = (c: StoredClock) => c.amount + (c.extendedBy ?? 0) + (c.pausedDays ?? 0);

/** Recomputes a clock with extra calendar days on top of its limit (extension, Art 34). */
export function extendClock(clock: StoredClock, days: number): StoredClock {
  const extended = { ...clock, extendedBy: (clock.extendedBy ?? 0) + days };
  const d = computeDue(new Date(clock.trigger), { amount: amountOf(extended), unit: clock.unit });
  return { ...extended, due: d.due.toISOString() };
}

/** The clock with its due date computed again (after the holiday calendar of a year was entered). */
export function recomputeClock(clock: StoredClock): StoredClock {
  const d = computeDue(new Date(clock.trigger), { amount: amountOf(clock), unit: clock.unit });
  return { ...clock, due: d.due.toISOString() };
}

/** Pauses a running clock (a hearing begins). */
export const pauseClock = (clock: StoredClock, now: Date): StoredClock => ({
  ...clock,
  pausedAt: now.toISOString(),
});

/**
 * Resumes a paused clock: the calendar days of the pause, both ends counted (the hearing's days),
 * are added to its limit, so hearing time does not count (Art 36).
 */
export function resumeClock(clock: StoredClock, now: Date): { clock: StoredClock; days: number } {
  if (!clock.pausedAt) return { clock, days: 0 };
  const days = diffDays(shanghaiDate(new Date(clock.pausedAt)), shanghaiDate(now)) + 1;
  const { pausedAt: _p, ...rest } = clock;
  const resumed = { ...rest, pausedDays: (clock.pausedDays ?? 0) + days };
  const d = computeDue(new Date(clock.trigger), { amount: amountOf(resumed), unit: clock.unit });
  return { clock: { ...resumed, due: d.due.toISOString() }, days };
}

export const isRunning = (c: StoredClock | undefined): c is StoredClock => !!c && !c.stoppedAt;

/** Running and not paused: counting towards its due instant. */
export const isCounting = (c: StoredClock | undefined): c is StoredClock => isRunning(c) && !c.pausedAt;

/** The earliest running duty deadline: what lists sort by and the daily job watches. */
export function activeDue(clocks: Clocks): Date | null {
  let best: Date | null = null;
  for (const name of DUTY_CLOCKS) {
    const c = clocks[name];
    if (isCounting(c) && (!best || new Date(c.due) < best)) best = new Date(c.due);
  }
  return best;
}

export interface ClockView {
  name: ClockName;
  label: string;
  due: string;
  dueDate: string;
  running: boolean;
  explanation: string;
  /** False when the period runs past the holiday data: weekends only, to be checked by staff. */
  calendarCovered: boolean;
  skipped: DueDate['skipped'];
  shiftedOver: DueDate['shiftedOver'];
  extendedBy: number;
}

export function describeClocks(clocks: Clocks): ClockView[] {
  return (Object.entries(clocks) as [ClockName, StoredClock][]).map(([name, c]) => {
    const d = computeDue(new Date(c.trigger), { amount: amountOf(c), unit: c.unit });
    const ext =
      (c.extendedBy ? `（含延期${c.extendedBy}日）` : '') +
      (c.pausedDays ? `（听证${c.pausedDays}日不计入）` : '') +
      (c.pausedAt ? '（听证中，暂停计算）' : '');
    return {
      name,
      label: CLOCK_NAMES[name],
      due: c.due,
      dueDate: d.dueDate,
      running: isRunning(c),
      explanation: d.explanation + ext,
      calendarCovered: d.calendarCovered,
      skipped: d.skipped,
      shiftedOver: d.shiftedOver,
      extendedBy: c.extendedBy ?? 0,
    };
  });
}
