// Time limits (domain.md §3, §4, §12). These are the defaults of R22 (《信访工作条例》2022);
// each jurisdiction may override them in the `settings` table (src/settings/limits.ts).
import type { Limit } from '../deadlines/limit.ts';
import type { ClockName } from './clockNames.ts';

export { CLOCK_NAMES, CLOCKS, type ClockName } from './clockNames.ts';

export interface Limits {
  clocks: Record<ClockName, Limit>;
  /** The longest extension of the handling limit (Art 34: ≤ 30 days). */
  maxExtensionDays: number;
  /** Days before a deadline when a matter counts as near due. */
  nearDueDays: number;
  /** Group visits elect at most this many representatives (Art 20). */
  maxRepresentatives: number;
  /** A visit of this many people or more is a group visit (集体访). */
  groupVisitSize: number;
}

const days = (amount: number): Limit => ({ amount, unit: 'calendar_days' });

export const DEFAULT_LIMITS: Limits = {
  clocks: {
    acceptance: days(15),
    objection: { amount: 5, unit: 'working_days' },
    handling: days(60),
    review_window: days(30),
    evaluation: days(30),
    review: days(30),
    rereview_window: days(30),
    rereview: days(30),
    rehandling: days(60),
  },
  maxExtensionDays: 30,
  nearDueDays: 3,
  maxRepresentatives: 5,
  groupVisitSize: 5,
};
