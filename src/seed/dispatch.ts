// Demo 周调度: last week's dispatch meetings of 鼓楼区信访局, 南京市信访局 and the province's bureau,
// their decisions done, open (due next week) or past their due date, so the agenda's 上次调度会 and
// 我的待办 have content on first start for every demo account that may own a decision
// (policies/dispatch.ts: all staff roles but administrators and auditors), the 住建 handler of each
// level included. Does nothing without the demo accounts or when a meeting exists.
import { eq, inArray } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { dispatchMeetings, dispatchTasks, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { addDaysTo, weekStartOf } from '../domain/dispatch/states.ts';

interface MeetingSpec {
  chair: string;
  attendees: string[];
  notes: string;
  /** [title, owner's username, kind]: done within the week, open (due next week), or overdue. */
  decisions: [string, string, 'done' | 'open' | 'overdue'][];
}

const MEETINGS: readonly MeetingSpec[] = [
  {
    chair: 'gl_supervisor',
    attendees: ['局长', '分管副局长', '督查科科长', '办信科科长', '住建局信访联络员'],
    notes: '通报上周信访形势；逐件研究超期件和久无进展的积案，明确责任人和完成时限。',
    decisions: [
      ['梳理本月超期件清单，逐件明确办理单位和时限', 'gl_reviewer', 'done'],
      ['督促住建局对物业类积案制定化解方案', 'gl_handler', 'open'],
      ['约谈超期较多的责任单位分管负责人', 'gl_supervisor', 'overdue'],
      ['对本周新登记的来信逐件核对分类、明确办理单位', 'gl_registrar', 'open'],
      ['包案化解“地铁施工致房屋受损”积案，下周接访当面听取诉求', 'gl_leader', 'open'],
      ['分析本月信访量上升的街道和问题类别，形成专题分析', 'gl_analyst', 'open'],
    ],
  },
  {
    chair: 'nj_supervisor',
    attendees: ['局长', '分管副局长', '督查处处长', '复查复核处处长', '办信处处长', '各区信访局分管负责人'],
    notes: '通报全市上周信访形势和各区超期件情况；研究复查复核案件办理质量，部署年底积案清零攻坚。',
    decisions: [
      ['汇总各区复查复核意见书，开展案件质量评查', 'nj_reviewer', 'open'],
      ['对鼓楼区、玄武区上月超期件办理情况进行回访核查', 'nj_reviewer', 'overdue'],
      ['整理上周市长信箱来信，逐件登记并转送有权处理机关', 'nj_registrar', 'done'],
      ['起草年底积案清零攻坚工作方案，提交局长办公会', 'nj_supervisor', 'open'],
      ['带队赴鼓楼区督导超期件集中清理', 'nj_leader', 'open'],
      ['报送全市住建领域信访问题治理进展', 'nj_handler', 'open'],
      ['比对各区日监测预警与实际办理情况，提出阈值调整建议', 'nj_analyst', 'done'],
    ],
  },
  {
    chair: 'js_supervisor',
    attendees: ['局长', '分管副局长', '督查督办处处长', '办信处处长', '省住建厅信访联络员'],
    notes: '通报全省上周信访形势；研究进京越级访专项整治和重点工作项目推进情况，部署年底集中攻坚。',
    decisions: [
      ['汇总各设区市重点工作项目进展，形成周调度通报', 'js_supervisor', 'open'],
      ['审核南京市复查复核意见书质量评查结果', 'js_reviewer', 'open'],
      ['梳理网上信访待受理件，督促各地按期受理', 'js_registrar', 'overdue'],
      ['报送住房城乡建设领域信访突出问题专项治理进展', 'js_handler', 'open'],
      ['研究年底信访形势，提出进京越级访防控措施', 'js_leader', 'open'],
      ['编制上月全省信访数据分析专报', 'js_analyst', 'done'],
    ],
  },
];

export async function seedDispatch(ctx: AppContext, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  return runCommand(ctx, async (w) => {
    const [any] = await w.tx.select({ id: dispatchMeetings.id }).from(dispatchMeetings).limit(1);
    if (any) return 0;
    const names = [...new Set(MEETINGS.flatMap((m) => [m.chair, ...m.decisions.map((d) => d[1])]))];
    const people = await w.tx
      .select({ id: users.id, username: users.username, unitId: users.unitId })
      .from(users)
      .where(inArray(users.username, names));
    const by = (u: string) => people.find((p) => p.username === u);
    const today = shanghaiDate(now);
    const weekStart = addDaysTo(weekStartOf(today), -7);
    const date = addDaysTo(weekStart, 1); // last Tuesday
    let held = 0;
    for (const spec of MEETINGS) {
      const chair = by(spec.chair);
      if (!chair?.unitId || spec.decisions.some((d) => !by(d[1]))) continue;
      const [bureau] = await w.tx
        .select({ code: units.jurisdictionCode })
        .from(units)
        .where(eq(units.id, chair.unitId));
      if (!bureau) continue;
      const [m] = await w.tx
        .insert(dispatchMeetings)
        .values({
          unitId: chair.unitId,
          jurisdictionCode: bureau.code,
          weekStart,
          date,
          status: 'held',
          attendees: spec.attendees,
          notes: spec.notes,
          createdBy: chair.id,
          heldAt: new Date(`${date}T10:00:00+08:00`),
        })
        .returning({ id: dispatchMeetings.id });
      if (!m) continue;
      await w.tx.insert(dispatchTasks).values(
        spec.decisions.map(([title, owner, kind]) => {
          const ownerId = by(owner)?.id as number;
          if (kind === 'done')
            return {
              meetingId: m.id,
              title,
              ownerUserId: ownerId,
              dueDate: addDaysTo(date, 3),
              status: 'done',
              doneAt: new Date(`${addDaysTo(date, 2)}T16:00:00+08:00`),
              doneBy: ownerId,
              doneNote: '已按要求完成并报局领导',
            };
          return {
            meetingId: m.id,
            title,
            ownerUserId: ownerId,
            dueDate: kind === 'open' ? addDaysTo(today, 5) : addDaysTo(date, 2),
            status: 'open',
          };
        }),
      );
      w.audit({
        action: 'seed.dispatch',
        entity: 'dispatch_meeting',
        entityId: m.id,
        summary: { decisions: spec.decisions.length },
      });
      held++;
    }
    return held;
  });
}
