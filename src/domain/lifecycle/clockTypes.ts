// How a clock is stored in cases.clocks (types only, so the browser may import them).
import type { ClockName } from './clockNames.ts';

export interface StoredClock {
  trigger: string; // ISO instant
  amount: number;
  unit: 'calendar_days' | 'working_days';
  due: string; // ISO instant
  /** Days added by approved extensions (handling clock). */
  extendedBy?: number;
  stoppedAt?: string;
  /** Paused for a hearing (听证) since this instant: not counted, never overdue, until resumed. */
  pausedAt?: string;
  /** Calendar days the clock was paused (hearing time, Art 36), added to its limit. */
  pausedDays?: number;
}
export type Clocks = Partial<Record<ClockName, StoredClock>>;
