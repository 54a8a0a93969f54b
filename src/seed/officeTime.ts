// When a seeded step d days back happened: in office hours of that day (08:30–17:29 Beijing time,
// varying with d), not at the minute the demo was seeded — lists of 督办 and 调解 records otherwise
// all read the same time of day. Never later than `now`.
import { shanghaiDate } from '../domain/deadlines/index.ts';

const DAY = 86_400_000;

/** The Beijing date `daysAgo` days before `now` (negative: after it), 'YYYY-MM-DD'. */
export const dateDaysAgo = (now: Date, daysAgo: number): string =>
  shanghaiDate(new Date(now.getTime() - daysAgo * DAY));

export function officeTimeAgo(now: Date, daysAgo: number): Date {
  const minutes = 8 * 60 + 30 + ((Math.abs(daysAgo) * 137) % (9 * 60));
  const hm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const at = new Date(`${dateDaysAgo(now, daysAgo)}T${hm}:00+08:00`);
  return at < now ? at : now;
}
