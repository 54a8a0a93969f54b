// Rules for a year of holidays entered by hand (src/calendar/): what the State Council's yearly
// notice can contain. Pure.
import { weekday } from '../deadlines/calendar.ts';

export interface EnteredDay {
  date: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
}

/** Make-up workdays (调休上班) are Saturdays or Sundays; every day lies in the year, once. */
export function yearDaysProblem(
  year: number,
  days: readonly EnteredDay[],
): { code: string; message: string } | null {
  const seen = new Set<string>();
  for (const d of days) {
    if (!d.date.startsWith(`${year}-`))
      return { code: 'day_outside_year', message: `${d.date}不在${year}年内` };
    if (seen.has(d.date)) return { code: 'day_repeated', message: `${d.date}重复录入` };
    seen.add(d.date);
    const wd = weekday(d.date);
    if (d.kind === 'makeup_workday' && wd !== 0 && wd !== 6)
      return { code: 'makeup_not_weekend', message: `调休上班日${d.date}应为周六或周日` };
  }
  return null;
}
