// Indicators (统计指标) of the monthly report and dashboards, computed from counts (counters.ts).
// domain.md §9: 及时受理率, 按期办结率, 群众参评率, 满意率, 越级上访率, 重复信访率, 积案化解率,
// 网上信访占比, 同比/环比, 集体访批次/人次. A rate is null when its denominator is 0 (no basis, not 0 %).
import { addDays, diffDays } from '../deadlines/index.ts';
import { type Counters, emptyCounters } from './counters.ts';

export * from './counters.ts';
export * from './period.ts';
export * from './samples.ts';

/** numerator / denominator, or null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Relative change (current − previous) / previous (同比, 环比); null when previous is 0. */
export function change(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

/** The response fields of the analytics contract (docs/analytics.md). */
export interface Indicators {
  total: number;
  totalPrevYear: number;
  totalPrevPeriod: number;
  yoy: number | null;
  mom: number | null;
  online: number;
  onlineShare: number | null;
  onlineSharePrev: number | null;
  acceptedTimely: number;
  acceptanceDecided: number;
  timelyAcceptanceRate: number | null;
  completedOnTime: number;
  completed: number;
  onTimeCompletionRate: number | null;
  rated: number;
  ratable: number;
  participationRate: number | null;
  satisfied: number;
  satisfactionRate: number | null;
  bureauSatisfied: number;
  bureauSatisfactionRate: number | null;
  skippedLevel: number;
  visits: number;
  skipLevelRate: number | null;
  repeats: number;
  repeatRate: number | null;
  backlogResolved: number;
  backlog: number;
  backlogResolutionRate: number | null;
  groupBatches: number;
  groupPersons: number;
}

/**
 * The indicators of a period from its counts, the counts of the same period a year earlier
 * (同比) and of the period of the same length just before (环比).
 */
export function computeIndicators(
  cur: Counters,
  prevYear: Pick<Counters, 'total'> = emptyCounters(),
  prevPeriod: Pick<Counters, 'total' | 'online'> = emptyCounters(),
): Indicators {
  return {
    total: cur.total,
    totalPrevYear: prevYear.total,
    totalPrevPeriod: prevPeriod.total,
    yoy: change(cur.total, prevYear.total),
    mom: change(cur.total, prevPeriod.total),
    online: cur.online,
    onlineShare: rate(cur.online, cur.total),
    onlineSharePrev: rate(prevPeriod.online, prevPeriod.total),
    acceptedTimely: cur.acceptedTimely,
    acceptanceDecided: cur.acceptanceDecided,
    timelyAcceptanceRate: rate(cur.acceptedTimely, cur.acceptanceDecided),
    completedOnTime: cur.completedOnTime,
    completed: cur.completed,
    onTimeCompletionRate: rate(cur.completedOnTime, cur.completed),
    rated: cur.rated,
    ratable: cur.ratable,
    participationRate: rate(cur.rated, cur.ratable),
    satisfied: cur.satisfied,
    satisfactionRate: rate(cur.satisfied, cur.rated),
    bureauSatisfied: cur.bureauSatisfied,
    bureauSatisfactionRate: rate(cur.bureauSatisfied, cur.rated),
    skippedLevel: cur.skippedLevel,
    visits: cur.visits,
    skipLevelRate: rate(cur.skippedLevel, cur.visits),
    repeats: cur.repeats,
    repeatRate: rate(cur.repeats, cur.total),
    backlogResolved: cur.backlogResolved,
    backlog: cur.backlog,
    backlogResolutionRate: rate(cur.backlogResolved, cur.backlog),
    groupBatches: cur.groupBatches,
    groupPersons: cur.groupPersons,
  };
}

export type RateName =
  | 'onlineShare'
  | 'timelyAcceptanceRate'
  | 'onTimeCompletionRate'
  | 'participationRate'
  | 'satisfactionRate'
  | 'bureauSatisfactionRate'
  | 'skipLevelRate'
  | 'repeatRate'
  | 'backlogResolutionRate'
  | 'yoy'
  | 'mom';

/** Every indicator with its Chinese name and how it is computed (shown as "口径" next to figures). */
export const INDICATOR_DEFINITIONS: Record<
  RateName | 'total' | 'groupBatches' | 'groupPersons',
  { name: string; numerator: string; denominator?: string; definition: string }
> = {
  total: {
    name: '信访总量',
    numerator: 'total',
    definition: '期间内按收到日期统计的登记件次（新登记事项＋关联到在办事项的重复信访）。',
  },
  yoy: {
    name: '同比',
    numerator: 'total − totalPrevYear',
    denominator: 'totalPrevYear',
    definition: '（本期总量 − 上年同期总量）÷ 上年同期总量；上年同期为0时不计算。',
  },
  mom: {
    name: '环比',
    numerator: 'total − totalPrevPeriod',
    denominator: 'totalPrevPeriod',
    definition: '（本期总量 − 上期总量）÷ 上期总量；上期为紧接本期之前、天数相同的期间。',
  },
  onlineShare: {
    name: '网上信访占比',
    numerator: 'online',
    denominator: 'total',
    definition: '网上信访件次 ÷ 信访总量（按收到日期）。',
  },
  timelyAcceptanceRate: {
    name: '及时受理率',
    numerator: 'acceptedTimely',
    denominator: 'acceptanceDecided',
    definition:
      '在受理期限（收到之日起15日，转送后自接收单位收到之日起计）内作出受理、不予受理或导入法定途径决定的事项 ÷ 期间内作出上述决定的事项（按决定日期）。',
  },
  onTimeCompletionRate: {
    name: '按期办结率',
    numerator: 'completedOnTime',
    denominator: 'completed',
    definition:
      '在办理期限（受理之日起60日，含批准的延期）内出具处理意见书、调解和解或导入法定途径的事项 ÷ 期间内办结的事项（按办结日期）。',
  },
  participationRate: {
    name: '群众参评率',
    numerator: 'rated',
    denominator: 'ratable',
    definition: '已评价 ÷ 应评价，应评价 = 已评价 + 超期未评价（按评价日期或评价期届满日）。',
  },
  satisfactionRate: {
    name: '满意率',
    numerator: 'satisfied',
    denominator: 'rated',
    definition: '对责任单位评价为满意或基本满意的事项 ÷ 已评价事项（按评价日期）。',
  },
  bureauSatisfactionRate: {
    name: '满意率（信访部门）',
    numerator: 'bureauSatisfied',
    denominator: 'rated',
    definition: '对信访部门评价为满意或基本满意的事项 ÷ 已评价事项（按评价日期）。',
  },
  skipLevelRate: {
    name: '越级上访率',
    numerator: 'skippedLevel',
    denominator: 'visits',
    definition: '越级来访批次 ÷ 来访批次（按收到日期）。',
  },
  repeatRate: {
    name: '重复信访率',
    numerator: 'repeats',
    denominator: 'total',
    definition: '重复信访登记件次 ÷ 信访总量（按收到日期）。',
  },
  backlogResolutionRate: {
    name: '积案化解率',
    numerator: 'backlogResolved',
    denominator: 'backlog',
    definition: '期间内标识的积案中至今已办结（化解）的事项 ÷ 期间内标识的积案（按标识日期）。',
  },
  groupBatches: {
    name: '集体访批次',
    numerator: 'groupBatches',
    definition: '来访人数达到集体访标准（默认5人及以上）的来访批次（按收到日期）。',
  },
  groupPersons: {
    name: '集体访人次',
    numerator: 'groupPersons',
    definition: '集体访批次的来访人数之和（按收到日期）。',
  },
};

// ---- Periods (dates are 'YYYY-MM-DD' on the Asia/Shanghai calendar, both ends inclusive) ----------

export interface DateRange {
  from: string;
  to: string;
}

/** The same dates one year earlier (29 Feb → 28 Feb). */
export function prevYearRange(r: DateRange): DateRange {
  return { from: minusYear(r.from), to: minusYear(r.to) };
}

export function minusYear(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The period of the same number of days immediately before (环比的上期). */
export function prevPeriodRange(r: DateRange): DateRange {
  const days = diffDays(r.from, r.to) + 1;
  return { from: addDays(r.from, -days), to: addDays(r.from, -1) };
}

/** First day of the month of a date. */
export const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/** The first day of the next month. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Splits [from, to] into whole months (read from the monthly rollup) and the remaining days at
 * either end (read from the daily rollup), so a year costs 12 monthly rows per group, not 365.
 */
export function splitRange(r: DateRange): { months: DateRange | null; days: DateRange[] } {
  const firstWhole = r.from.endsWith('-01') ? r.from : nextMonth(monthOf(r.from));
  const afterTo = addDays(r.to, 1);
  const endWhole = afterTo.endsWith('-01') ? afterTo : monthOf(r.to); // exclusive
  if (firstWhole >= endWhole) return { months: null, days: [r] };
  const days: DateRange[] = [];
  if (r.from < firstWhole) days.push({ from: r.from, to: addDays(firstWhole, -1) });
  if (endWhole <= r.to) days.push({ from: endWhole, to: r.to });
  return { months: { from: firstWhole, to: addDays(endWhole, -1) }, days };
}
