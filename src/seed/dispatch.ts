// Demo 周调度: last week's dispatch meeting of 鼓楼区信访局 with three decisions — one done, one
// open (due next week), one past its due date — so the agenda's 上次调度会 and the owners' 我的待办
// have content on first start. Does nothing without the demo accounts or when a meeting exists.
import { eq, inArray } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { dispatchMeetings, dispatchTasks, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { addDaysTo, weekStartOf } from '../domain/dispatch/states.ts';

export async function seedDispatch(ctx: AppContext, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  return runCommand(ctx, async (w) => {
    const [any] = await w.tx.select({ id: dispatchMeetings.id }).from(dispatchMeetings).limit(1);
    if (any) return 0;
    const people = await w.tx
      .select({ id: users.id, username: users.username, unitId: users.unitId })
      .from(users)
      .where(inArray(users.username, ['gl_supervisor', 'gl_reviewer', 'gl_handler']));
    const by = (u: string) => people.find((p) => p.username === u);
    const chair = by('gl_supervisor');
    const reviewer = by('gl_reviewer');
    const handler = by('gl_handler');
    if (!chair?.unitId || !reviewer || !handler) return 0;
    const [bureau] = await w.tx
      .select({ code: units.jurisdictionCode })
      .from(units)
      .where(eq(units.id, chair.unitId));
    if (!bureau) return 0;
    const today = shanghaiDate(now);
    const weekStart = addDaysTo(weekStartOf(today), -7);
    const date = addDaysTo(weekStart, 1); // last Tuesday
    const [m] = await w.tx
      .insert(dispatchMeetings)
      .values({
        unitId: chair.unitId,
        jurisdictionCode: bureau.code,
        weekStart,
        date,
        status: 'held',
        attendees: ['局长', '分管副局长', '督查科科长', '办信科科长', '住建局信访联络员'],
        notes: '通报上周信访形势；逐件研究超期件和久无进展的积案，明确责任人和完成时限。',
        createdBy: chair.id,
        heldAt: new Date(`${date}T10:00:00+08:00`),
      })
      .returning({ id: dispatchMeetings.id });
    if (!m) return 0;
    await w.tx.insert(dispatchTasks).values([
      {
        meetingId: m.id,
        title: '梳理本月超期件清单，逐件明确办理单位和时限',
        ownerUserId: reviewer.id,
        dueDate: addDaysTo(date, 3),
        status: 'done',
        doneAt: new Date(`${addDaysTo(date, 2)}T16:00:00+08:00`),
        doneBy: reviewer.id,
        doneNote: '清单已印发各责任单位',
      },
      {
        meetingId: m.id,
        title: '督促住建局对物业类积案制定化解方案',
        ownerUserId: handler.id,
        dueDate: addDaysTo(today, 5),
        status: 'open',
      },
      {
        meetingId: m.id,
        title: '约谈超期较多的责任单位分管负责人',
        ownerUserId: chair.id,
        dueDate: addDaysTo(date, 2),
        status: 'open',
      },
    ]);
    w.audit({
      action: 'seed.dispatch',
      entity: 'dispatch_meeting',
      entityId: m.id,
      summary: { decisions: 3 },
    });
    return 1;
  });
}
