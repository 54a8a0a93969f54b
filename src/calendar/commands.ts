// 节假日录入: the province administrator enters a year's holidays and make-up workdays (调休上班)
// as the State Council publishes them each autumn, for a year the shipped calendar (chinese-days)
// does not cover. One transaction: the year's days replaced, the running clocks whose period
// reaches into that year computed again (their due dates and `cases.due_at`), one audit row. The
// new calendar is installed in this process for the recomputation; a rollback puts the old one back.
import { eq, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { changed } from '../db/cacheBus.ts';
import type { Tx } from '../db/client.ts';
import { calendarDays, cases } from '../db/schema.ts';
import { yearDaysProblem } from '../domain/admin/calendar.ts';
import {
  installSuppliedDays,
  type SuppliedDay,
  shippedCovers,
  suppliedDays,
} from '../domain/deadlines/index.ts';
import { activeDue, type Clocks, recomputeClock } from '../domain/lifecycle/clocks.ts';
import { badRequest, conflict } from '../errors.ts';
import { adminPolicy } from '../policies/admin.ts';
import { type Actor, ensureAllowed } from '../policies/index.ts';
import { readSuppliedDays } from './loader.ts';

export async function setYearCalendar(ctx: AppContext, actor: Actor, year: number, days: SuppliedDay[]) {
  ensureAllowed(adminPolicy.may(actor, 'calendar.edit'), '节假日由省级管理员录入');
  if (shippedCovers(year)) throw conflict('year_shipped', `${year}年的放假安排已随平台提供，不能在此修改`);
  const problem = yearDaysProblem(year, days);
  if (problem) throw badRequest(problem.code, problem.message, 'days');
  const before = suppliedDays();
  try {
    return await runCommand(ctx, async (w) => {
      const old = await w.tx.delete(calendarDays).where(eq(calendarDays.year, year)).returning();
      if (days.length)
        await w.tx.insert(calendarDays).values(days.map((d) => ({ ...d, year, enteredBy: actor.userId })));
      installSuppliedDays(await readSuppliedDays(w.tx));
      // The other API processes install it from the database once this commits (src/db/cacheBus.ts).
      w.afterCommit(() => changed(ctx.db, 'calendar'));
      const recomputed = await recomputeClocksFrom(w.tx, year);
      w.audit({
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'calendar.set_year',
        entity: 'calendar',
        entityId: String(year),
        summary: {
          before: { days: old.length },
          after: {
            holidays: days.filter((d) => d.kind === 'holiday').length,
            makeupWorkdays: days.filter((d) => d.kind === 'makeup_workday').length,
          },
          recomputedCases: recomputed,
        },
      });
      return { year, days: days.length, recomputedCases: recomputed };
    });
  } catch (e) {
    installSuppliedDays(before);
    throw e;
  }
}

/**
 * Running clocks due on or after the first instant of `year` (Shanghai): only their counting can
 * have crossed that year. Their due dates are computed again with the calendar now installed.
 */
async function recomputeClocksFrom(tx: Tx, year: number) {
  const from = new Date(Date.UTC(year - 1, 11, 31, 16)).toISOString(); // 00:00 +08:00 on 1 January
  const rows = await tx
    .select({ id: cases.id, clocks: cases.clocks, dueAt: cases.dueAt })
    .from(cases)
    .where(
      sql`exists (select 1 from jsonb_each(${cases.clocks}) e
        where e.value->>'stoppedAt' is null and e.value->>'due' >= ${from})`,
    );
  let changed = 0;
  for (const row of rows) {
    const clocks = row.clocks;
    const next: Clocks = {};
    let moved = false;
    for (const [name, c] of Object.entries(clocks) as [keyof Clocks, NonNullable<Clocks[keyof Clocks]>][]) {
      const r = c.stoppedAt || c.due < from ? c : recomputeClock(c);
      if (r.due !== c.due) moved = true;
      next[name] = r;
    }
    if (!moved) continue;
    await tx
      .update(cases)
      .set({ clocks: next, dueAt: activeDue(next) })
      .where(eq(cases.id, row.id));
    changed++;
  }
  return changed;
}
