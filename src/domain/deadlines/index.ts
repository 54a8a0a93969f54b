export type { CalendarCoverage, DayInfo, DayKind } from './calendar.ts';
export {
  addDays,
  calendarCoverage,
  calendarCovers,
  dayInfo,
  diffDays,
  endOfShanghaiDay,
  isHoliday,
  isWorkingDay,
  shanghaiDate,
  specialDays,
  weekday,
  weekdayZh,
} from './calendar.ts';
export type { DayNote, DueDate, Limit, LimitUnit } from './compute.ts';
export { computeDue, daysRemaining, isNearDue, isOverdue, UNCOVERED_CALENDAR_NOTE } from './compute.ts';
