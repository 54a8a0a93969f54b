// Deadline calculator (domain.md §4, §12). Pure functions over the official calendar.
//   - Day 1 is the day after the trigger (Shanghai calendar date of the trigger instant).
//   - Calendar-day limits: if the last day is a rest day or holiday, move to the next working day.
//   - Working-day limits: count only working days (make-up workdays 调休上班 count, holidays don't).
//   - The deadline is the end of the last day, 23:59:59.999 Asia/Shanghai.
import {
  addDays,
  calendarCovers,
  dayInfo,
  diffDays,
  endOfShanghaiDay,
  shanghaiDate,
  weekdayZh,
} from './calendar.ts';

import type { Limit } from './limit.ts';

export type { Limit, LimitUnit } from './limit.ts';

export interface DayNote {
  date: string;
  /** Chinese reason: holiday name such as '国庆节', or '周末'. */
  reason: string;
}

export interface DueDate {
  /** Instant: end of the last day, Asia/Shanghai. */
  due: Date;
  /** YYYY-MM-DD (Shanghai). */
  dueDate: string;
  /** Trigger date YYYY-MM-DD (Shanghai). */
  start: string;
  limit: Limit;
  /** Last day before any holiday shift (for working-day limits: the last counted working day). */
  nominalLastDay: string;
  /** Calendar-day limits: rest days/holidays the last day was moved across. */
  shiftedOver: DayNote[];
  /** Working-day limits: the non-working days skipped while counting. */
  skipped: DayNote[];
  /** False when any day from start to due lies in a year without holiday data (weekends still applied). */
  calendarCovered: boolean;
  /** One Chinese sentence explaining the computation. */
  explanation: string;
}

const DAY_LIMIT_MAX = 3660;

function validateLimit(limit: Limit): void {
  if (limit.unit !== 'calendar_days' && limit.unit !== 'working_days') {
    throw new RangeError(`unknown limit unit '${String(limit.unit)}'`);
  }
  if (!Number.isInteger(limit.amount) || limit.amount < 1 || limit.amount > DAY_LIMIT_MAX) {
    throw new RangeError(`limit amount must be an integer 1..${DAY_LIMIT_MAX}, got ${limit.amount}`);
  }
}

function note(date: string): DayNote {
  return { date, reason: dayInfo(date).label };
}

/** Distinct reasons in order of first appearance, e.g. '国庆节、中秋'. */
function reasonList(notes: DayNote[]): string {
  return [...new Set(notes.map((n) => n.reason))].join('、');
}

function withWeekday(date: string): string {
  return `${date}（${weekdayZh(date)}）`;
}

function coveredBetween(start: string, end: string): boolean {
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    if (!calendarCovers(`${y}-01-01`)) return false;
  }
  return true;
}

function explainCalendar(start: string, amount: number, nominal: string, due: string, shifted: DayNote[]) {
  const head = `自${start}起算${amount}日（次日为第1日），末日${withWeekday(nominal)}`;
  if (shifted.length > 0) {
    return `${head}为休息日（${reasonList(shifted)}），顺延至${withWeekday(due)}，至该日24时届满。`;
  }
  const info = dayInfo(nominal);
  const kind = info.kind === 'makeup_workday' ? `为${info.label}，不顺延` : '为工作日';
  return `${head}${kind}，至该日24时届满。`;
}

function explainWorking(start: string, amount: number, due: string, skipped: DayNote[], makeup: string[]) {
  const skip =
    skipped.length > 0 ? `跳过非工作日${skipped.length}天（${reasonList(skipped)}）` : '期间无非工作日';
  const extra = makeup.length > 0 ? `，调休上班日${makeup.join('、')}计入` : '';
  return `自${start}起算${amount}个工作日（次日起计），${skip}${extra}，第${amount}个工作日为${withWeekday(due)}，至该日24时届满。`;
}

/** Due date of a limit triggered at `trigger` (receipt, acceptance, delivery …). */
/** Told to staff (only) beside a due date the holiday data does not cover. */
export const UNCOVERED_CALENDAR_NOTE = '该期间超出节假日数据覆盖年份，仅按周末计算，请人工核对';

export function computeDue(trigger: Date, limit: Limit): DueDate {
  validateLimit(limit);
  const start = shanghaiDate(trigger);
  const shiftedOver: DayNote[] = [];
  const skipped: DayNote[] = [];
  let nominalLastDay: string;
  let dueDate: string;
  let explanation: string;

  if (limit.unit === 'calendar_days') {
    nominalLastDay = addDays(start, limit.amount);
    dueDate = nominalLastDay;
    while (!dayInfo(dueDate).working) {
      shiftedOver.push(note(dueDate));
      dueDate = addDays(dueDate, 1);
    }
    explanation = explainCalendar(start, limit.amount, nominalLastDay, dueDate, shiftedOver);
  } else {
    const makeup: string[] = [];
    let day = start;
    let counted = 0;
    while (counted < limit.amount) {
      day = addDays(day, 1);
      const info = dayInfo(day);
      if (info.working) {
        counted++;
        if (info.kind === 'makeup_workday') makeup.push(day);
      } else {
        skipped.push(note(day));
      }
    }
    nominalLastDay = day;
    dueDate = day;
    explanation = explainWorking(start, limit.amount, dueDate, skipped, makeup);
  }

  // Whether the holiday data covers the period: staff are told to check by hand when it does not
  // (a note for staff only, never in the explanation a petitioner reads).
  const calendarCovered = coveredBetween(start, dueDate);

  return {
    due: endOfShanghaiDay(dueDate),
    dueDate,
    start,
    limit: { ...limit },
    nominalLastDay,
    shiftedOver,
    skipped,
    calendarCovered,
    explanation,
  };
}

/** Whole Shanghai calendar days from today's date to the due date (0 = due today, −n = n days overdue). */
export function daysRemaining(due: Date, now: Date): number {
  return diffDays(shanghaiDate(now), shanghaiDate(due));
}

/** Past the due instant (the end of the last day). */
export function isOverdue(due: Date, now: Date): boolean {
  if (Number.isNaN(due.getTime()) || Number.isNaN(now.getTime()))
    throw new RangeError('invalid Date instant');
  return now.getTime() > due.getTime();
}

/** Not yet overdue and at most `warnDays` Shanghai calendar days left. */
export function isNearDue(due: Date, now: Date, warnDays = 3): boolean {
  return !isOverdue(due, now) && daysRemaining(due, now) <= warnDays;
}
