// 逾期办理 (issue 11): the law times the bureau's duties; it does not extinguish them. An action
// that discharges a duty clock (受理、办理、复查、复核期限 — it stops one) after that clock's due
// instant is still taken: it is recorded as late, with the days and the reason for the delay
// (逾期原因, required), and the indicators count it late (acceptance and completion are timely
// only when the clock stopped by its due instant, src/analytics/contributions.ts). Only windows
// (`within`: the petitioner's 复查/复核申请期 and 评价期, a unit's 异议期, and 延期 before the limit
// runs out) close for good.
import { daysRemaining, isOverdue } from '../deadlines/index.ts';
import { type Clocks, DUTY_CLOCKS, isCounting } from './clocks.ts';
import type { AnyActionDef } from './define.ts';
import { CLOCK_NAMES, type ClockName } from './limits.ts';

export type { LateRecord } from './timeline.ts';

export interface Lateness {
  clock: ClockName;
  clockName: string;
  /** The due instant that passed (ISO). */
  due: string;
  /** Calendar days past the due day (Asia/Shanghai), at least 1. */
  daysLate: number;
}

/** The duty clocks an action discharges: the duty clocks it stops. */
export const dutiesOf = (def: Pick<AnyActionDef, 'stops'>): ClockName[] =>
  (def.stops ?? []).filter((name) => DUTY_CLOCKS.includes(name));

/** Whether taking the action at `now` discharges a duty past its due: the first such clock, else null. */
export function latenessOf(def: Pick<AnyActionDef, 'stops'>, clocks: unknown, now: Date): Lateness | null {
  const all = (clocks ?? {}) as Clocks;
  for (const name of dutiesOf(def)) {
    const clock = all[name];
    if (isCounting(clock) && isOverdue(new Date(clock.due), now)) {
      return {
        clock: name,
        clockName: CLOCK_NAMES[name],
        due: clock.due,
        daysLate: Math.max(1, -daysRemaining(new Date(clock.due), now)),
      };
    }
  }
  return null;
}
