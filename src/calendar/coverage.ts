// The daily check of the holiday calendar (a row of src/jobs/passes.ts): deadlines count working
// days, and a year with no holiday schedule — neither shipped (chinese-days) nor entered by an
// administrator — is counted by weekends only. The current year is needed now; next year's from
// November, when the State Council has usually announced it. Each missing year is published once a
// day (calendar.coverage_missing); the inbox's dedupe key tells the administrators once per year.
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { calendarCovers, shanghaiDate } from '../domain/deadlines/index.ts';
import type { CoverageMissing } from './events.ts';

/** From this month (1–12) on, next year's schedule is expected. */
export const NEXT_YEAR_FROM_MONTH = 11;

/** The years the deadlines need on `today` (YYYY-MM-DD) that the calendar does not cover. */
export function missingYears(today: string): CoverageMissing[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: CoverageMissing[] = [];
  if (!calendarCovers(`${year}-01-01`)) out.push({ year, reason: 'current' });
  if (month >= NEXT_YEAR_FROM_MONTH && !calendarCovers(`${year + 1}-01-01`))
    out.push({ year: year + 1, reason: 'next' });
  return out;
}

export async function checkCalendarCoverage(
  ctx: AppContext,
  now: Date = new Date(),
): Promise<{ missing: number[] }> {
  const missing = missingYears(shanghaiDate(now));
  if (missing.length > 0)
    await runCommand(ctx, async (w) => {
      for (const m of missing) await w.publish('calendar.coverage_missing', m);
    });
  return { missing: missing.map((m) => m.year) };
}
