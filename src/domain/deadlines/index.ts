export type { CalendarCoverage, DayInfo, DayKind, SuppliedDay } from './calendar.ts';
export {
  addDays,
  calendarCoverage,
  calendarCovers,
  dayInfo,
  diffDays,
  endOfShanghaiDay,
  installSuppliedDays,
  isHoliday,
  isWorkingDay,
  shanghaiDate,
  shippedCovers,
  specialDays,
  suppliedCovers,
  suppliedDays,
  weekday,
  weekdayZh,
} from './calendar.ts';
export type { DayNote, DueDate, Limit, LimitUnit } from './compute.ts';
export { computeDue, daysRemaining, isNearDue, isOverdue, UNCOVERED_CALENDAR_NOTE } from './compute.ts';
