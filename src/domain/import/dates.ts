// Dates as spreadsheets write them: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, each
// with an optional time (14:30 or 14:30:00). Wall-clock dates of Asia/Shanghai; pure.

/** A calendar date with its time of day when the source had one. */
export interface DateOnly {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm:ss, or null when the source gave only the day. */
  time: string | null;
}

const DATE_RE =
  /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))(?:[\sT]+(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})秒?)?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The date of a cell's text, or null when it is not one (or not a real calendar day). */
export function parseSourceDate(raw: string): DateOnly | null {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  if (!isCalendarDate(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (m[6] === undefined) return { date, time: null };
  const [h, mi, s] = [Number(m[6]), Number(m[7]), Number(m[8] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  // Midnight is how spreadsheets store a date without a time.
  if (h === 0 && mi === 0 && s === 0) return { date, time: null };
  return { date, time: `${pad(h)}:${pad(mi)}:${pad(s)}` };
}

/** Sortable text of a date ("YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss"). */
export const formatSourceDate = (d: DateOnly) => (d.time ? `${d.date} ${d.time}` : d.date);

/**
 * Whether `b` is before `a`. When either has no time, only the days are compared (a date-only
 * 受理 on the day of a 14:30 登记 is in order).
 */
export function isBefore(b: DateOnly, a: DateOnly): boolean {
  return a.time && b.time ? formatSourceDate(b) < formatSourceDate(a) : b.date < a.date;
}
