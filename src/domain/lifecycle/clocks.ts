// Clocks of a case: stored in cases.clocks as { name: { trigger, amount, unit, due } }, so every
// due date can be shown with how it was computed (which rest days it skipped).
import { computeDue, type DueDate } from '../deadlines/index.ts';
import type { Clocks, StoredClock } from './clockTypes.ts';
import { CLOCK_NAMES, type ClockName, type Limits } from './limits.ts';

export type { Clocks, StoredClock } from './clockTypes.ts';

/** Clocks that are duties of the bureau or unit (overdue = late work); the others are the petitioner's windows. */
export const DUTY_CLOCKS: readonly ClockName[] = ['acceptance', 'handling', 'review', 'rereview'];

export function startClock(limits: Limits, name: ClockName, trigger: Date): StoredClock {
  const limit = limits.clocks[name];
  const d = computeDue(trigger, limit);
  return { trigger: trigger.toISOString(), amount: limit.amount, unit: limit.unit, due: d.due.toISOString() };
}

/** Recomputes a clock with extra calendar days on top of its limit (extension, Art 34). */
export function extendClock(clock: StoredClock, days: number): StoredClock {
  const extendedBy = (clock.extendedBy ?? 0) + days;
  const d = computeDue(new Date(clock.trigger), { amount: clock.amount + extendedBy, unit: clock.unit });
  return { ...clock, extendedBy, due: d.due.toISOString() };
}

export const isRunning = (c: StoredClock | undefined): c is StoredClock => !!c && !c.stoppedAt;

/** The earliest running duty deadline: what lists sort by and the daily job watches. */
export function activeDue(clocks: Clocks): Date | null {
  let best: Date | null = null;
  for (const name of DUTY_CLOCKS) {
    const c = clocks[name];
    if (isRunning(c) && (!best || new Date(c.due) < best)) best = new Date(c.due);
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
    const d = computeDue(new Date(c.trigger), { amount: c.amount + (c.extendedBy ?? 0), unit: c.unit });
    const ext = c.extendedBy ? `（含延期${c.extendedBy}日）` : '';
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
