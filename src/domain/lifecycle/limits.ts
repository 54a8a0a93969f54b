// Time limits (domain.md §3, §4, §12). These are the defaults of R22 (《信访工作条例》2022);
// each jurisdiction may override them in the `settings` table (src/settings/limits.ts).
import type { Limit } from '../deadlines/index.ts';

export const CLOCKS = [
  'acceptance', // 受理期限：收到之日起15日 (Art 22/23)
  'objection', // 异议期限：收到之日起5个工作日 (Art 23)
  'handling', // 办理期限：受理之日起60日 (Art 34)
  'review_window', // 复查申请期：收到处理意见书之日起30日 (Art 35)
  'evaluation', // 评价期：送达之日起30日 (§12)
  'review', // 复查期限：收到复查请求之日起30日 (Art 35)
  'rereview_window', // 复核申请期：收到复查意见书之日起30日 (Art 36)
  'rereview', // 复核期限：收到复核请求之日起30日 (Art 36)
] as const;
export type ClockName = (typeof CLOCKS)[number];

export const CLOCK_NAMES: Record<ClockName, string> = {
  acceptance: '受理期限',
  objection: '异议期限',
  handling: '办理期限',
  review_window: '复查申请期限',
  evaluation: '评价期限',
  review: '复查期限',
  rereview_window: '复核申请期限',
  rereview: '复核期限',
};

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
  },
  maxExtensionDays: 30,
  nearDueDays: 3,
  maxRepresentatives: 5,
  groupVisitSize: 5,
};
