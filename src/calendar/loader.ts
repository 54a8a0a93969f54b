// The holiday days administrators entered (calendar_days) into the deadline calendar of this
// process (src/domain/deadlines/calendar.ts): at start, and after each change commits here.
import { asc } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { calendarDays } from '../db/schema.ts';
import { installSuppliedDays, type SuppliedDay } from '../domain/deadlines/index.ts';

export async function readSuppliedDays(db: Executor): Promise<SuppliedDay[]> {
  const rows = await db.select().from(calendarDays).orderBy(asc(calendarDays.date));
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind === 'makeup_workday' ? 'makeup_workday' : 'holiday',
    name: r.name,
  }));
}

export async function loadSuppliedCalendar(db: Executor): Promise<number> {
  const days = await readSuppliedDays(db);
  installSuppliedDays(days);
  return days.length;
}
