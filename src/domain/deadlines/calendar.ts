// The official Chinese working calendar (statutory holidays and make-up workdays 调休上班) and
// Asia/Shanghai date arithmetic. Pure: no I/O besides loading the package's static data once.
//
// Data: `chinese-days/dist/chinese-days.json`, the package's published JSON build. We do not call the
// package's runtime functions: they parse 'YYYY-MM-DD' as UTC midnight but read it back with local-time
// getters, so their answers depend on the server's TZ (wrong weekdays west of UTC). Here every date is a
// plain 'YYYY-MM-DD' string and all arithmetic is done in UTC, so results never depend on process TZ.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Each value looks like "National Day,国庆节,3" (English name, Chinese name, statutory day count). */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const data: ChineseDaysData = require('chinese-days/dist/chinese-days.json');

const DAY_MS = 86_400_000;
/** China Standard Time is UTC+08:00 with no daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** 'YYYY-MM-DD' → UTC midnight epoch ms of that calendar date; throws on malformed or impossible dates. */
function dayMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`invalid date '${date}', expected YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`invalid date '${date}'`);
  }
  return ms;
}

function fromDayMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "National Day,国庆节,3" → "国庆节". */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return parts.length >= 3 ? (parts[parts.length - 2] ?? entry) : entry;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('invalid Date instant');
  }
}

/** The calendar date an instant falls on in Asia/Shanghai, 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  assertInstant(instant);
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Shanghai calendar date: 'YYYY-MM-DD' 23:59:59.999 +08:00. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(dayMs(date) + DAY_MS - 1 - SHANGHAI_OFFSET_MS);
}

/** Calendar arithmetic on 'YYYY-MM-DD' (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`day offset must be an integer, got ${n}`);
  return fromDayMs(dayMs(date) + n * DAY_MS);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(dayMs(date)).getUTCDay();
}

/** '星期一' … '星期日'. */
export function weekdayZh(date: string): string {
  return WEEKDAYS_ZH[weekday(date)] ?? '';
}

export type DayKind = 'workday' | 'makeup_workday' | 'holiday' | 'weekend';

export interface DayInfo {
  date: string;
  kind: DayKind;
  working: boolean;
  /** Chinese label: the holiday name ('国庆节'), '周末', '调休上班（国庆节）', or '工作日'. */
  label: string;
}

/** How the official calendar classifies one date. Outside the covered years only weekends are known. */
export function dayInfo(date: string): DayInfo {
  const wd = weekday(date); // validates the date
  const year = Number(date.slice(0, 4));
  const extra = shippedYears.has(year) ? undefined : supplement.get(year);
  const makeup = extra ? extra.workdays.get(date) : data.workdays[date];
  if (makeup !== undefined) {
    return { date, kind: 'makeup_workday', working: true, label: `调休上班（${chineseName(makeup)}）` };
  }
  const holiday = extra ? extra.holidays.get(date) : data.holidays[date];
  if (holiday !== undefined) return { date, kind: 'holiday', working: false, label: chineseName(holiday) };
  if (wd === 0 || wd === 6) return { date, kind: 'weekend', working: false, label: '周末' };
  return { date, kind: 'workday', working: true, label: '工作日' };
}

/** Working day per the official calendar: Mon–Fri that is not a holiday, or a make-up workday (调休上班). */
export function isWorkingDay(date: string): boolean {
  return dayInfo(date).working;
}

/**
 * Statutory holiday (including the weekend/in-lieu days inside an announced holiday block such as
 * 国庆 10-01..10-08). Ordinary weekends are not holidays here; use isWorkingDay for rest days.
 */
export function isHoliday(date: string): { holiday: boolean; name?: string } {
  const info = dayInfo(date);
  return info.kind === 'holiday' ? { holiday: true, name: info.label } : { holiday: false };
}

export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
}

const shippedYears: ReadonlySet<number> = new Set(
  [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4))),
);
const coverage: CalendarCoverage = {
  firstYear: Math.min(...shippedYears),
  lastYear: Math.max(...shippedYears),
};

/** A day of a year the shipped data does not cover, entered by an administrator (src/calendar/). */
export interface SuppliedDay {
  date: string;
  kind: 'holiday' | 'makeup_workday';
  /** The holiday's Chinese name: 春节 (a make-up workday names the holiday it makes up for). */
  name: string;
}

/**
 * Years entered by administrators, by year. Process-wide like the shipped data: the platform loads
 * it from the database at start and after each change (src/calendar/loader.ts). A year the shipped
 * data covers is never taken from here.
 */
let supplement = new Map<number, { holidays: Map<string, string>; workdays: Map<string, string> }>();

/** Replaces the supplied years with these days (all of them: a year with no day is not covered). */
export function installSuppliedDays(days: readonly SuppliedDay[]): void {
  const next: typeof supplement = new Map();
  for (const d of days) {
    weekday(d.date); // validates
    const year = Number(d.date.slice(0, 4));
    if (shippedYears.has(year)) continue;
    const y = next.get(year) ?? { holidays: new Map(), workdays: new Map() };
    next.set(year, y);
    (d.kind === 'holiday' ? y.holidays : y.workdays).set(d.date, d.name);
  }
  supplement = next;
}

/** The days installed by `installSuppliedDays`, to put back when a change is rolled back. */
export function suppliedDays(): SuppliedDay[] {
  return [...supplement.values()].flatMap((y) => [
    ...[...y.holidays].map(([date, name]) => ({ date, kind: 'holiday' as const, name })),
    ...[...y.workdays].map(([date, name]) => ({ date, kind: 'makeup_workday' as const, name })),
  ]);
}

/** Whether the shipped calendar (chinese-days) has the year: such a year cannot be entered by hand. */
export const shippedCovers = (year: number): boolean => shippedYears.has(year);

/** Whether an administrator has entered the year (and the shipped data does not have it). */
export const suppliedCovers = (year: number): boolean => !shippedYears.has(year) && supplement.has(year);

/** Years for which chinese-days has the State Council holiday schedule (2004–2026 in chinese-days 1.5.7). */
export function calendarCoverage(): CalendarCoverage {
  return { ...coverage };
}

/**
 * Whether holiday data exists for the date's year: shipped, or entered by an administrator. When
 * false, isWorkingDay still treats weekends as rest days but cannot know holidays or make-up
 * workdays, so callers should warn.
 */
export function calendarCovers(date: string): boolean {
  dayMs(date);
  const year = Number(date.slice(0, 4));
  return shippedYears.has(year) || supplement.has(year);
}

/**
 * The year's days that differ from the plain Mon–Fri week: statutory holidays (with the weekend
 * days inside an announced block) and make-up workdays (调休上班), in date order. Empty for a year
 * the calendar does not cover.
 */
export function specialDays(year: number): DayInfo[] {
  const prefix = `${year}-`;
  const extra = shippedYears.has(year) ? undefined : supplement.get(year);
  const dates = extra
    ? [...extra.holidays.keys(), ...extra.workdays.keys()]
    : [...Object.keys(data.holidays), ...Object.keys(data.workdays)].filter((d) => d.startsWith(prefix));
  return dates.sort().map(dayInfo);
}
