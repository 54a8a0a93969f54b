// Demo 站内消息 and 常用语, so the bell and the inbox have content on first start: three letters
// of 鼓楼区 are registered, accepted and assigned (交办) to 鼓楼区住建局 by the demo registrar, and
// one of them is marked 督办 by the supervisor — through the engine, so the inbox's subscribers
// write gl_handler's items as they would live; and canned texts for 鼓楼区住建局 (a reply and a
// note) and 鼓楼区信访局 (a note), and the same for the city's and the province's bureau and 住建.
// Does nothing when canned texts exist already or the demo accounts are missing.
import { eq } from 'drizzle-orm';
import { executeAction } from '../cases/engine.ts';
import { registerCase } from '../cases/intake.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cannedReplies, inboxItems } from '../db/schema.ts';
import { demoActor } from './linkage.ts';

export const DEMO_CANNED_REPLIES = [
  {
    dept: 'zhujian',
    purpose: 'reply',
    categoryCode: '010000',
    title: '物业维修类答复',
    body: '{信访人称呼}：您反映的“{信访事项}”（信访件编号{信访件编号}）已于{受理日期}受理。经{办理单位}调查核实，已责成物业服务企业限期维修，请您予以配合。',
  },
  {
    dept: 'zhujian',
    purpose: 'note',
    categoryCode: null,
    title: '已电话联系信访人',
    body: '已于{今天}电话联系{信访人称呼}，听取诉求并告知办理进度，将于{办结期限}前书面答复。',
  },
  {
    dept: 'xinfang',
    purpose: 'note',
    categoryCode: null,
    title: '已交办督促',
    body: '已督促{办理单位}在{办结期限}前办结信访事项{信访件编号}。',
  },
] as const;

const DEMO_LETTERS = [
  {
    subject: '小区地下车库渗水严重',
    name: '周建国',
    content: '小区地下车库雨后大面积渗水，多次找物业未解决，请求督促维修。',
  },
  {
    subject: '老旧小区加装电梯进度缓慢',
    name: '吴秀兰',
    content: '本单元加装电梯已公示半年仍未开工，请求相关部门协调推进。',
  },
  {
    subject: '楼道外墙瓷砖脱落存在隐患',
    name: '郑卫东',
    content: '楼道外墙瓷砖多处脱落，险些砸伤行人，请求尽快排除隐患。',
  },
] as const;

export async function seedInbox(ctx: AppContext): Promise<{ items: number; replies: number }> {
  const [any] = await ctx.db.select({ id: cannedReplies.id }).from(cannedReplies).limit(1);
  if (any) return { items: 0, replies: 0 };
  const [registrar, supervisor, handler] = await Promise.all(
    ['gl_registrar', 'gl_supervisor', 'gl_handler'].map((n) => demoActor(ctx, n)),
  );
  if (!registrar || !supervisor || !handler?.unitId || !registrar.unitId) return { items: 0, replies: 0 };
  const zhujian = handler.unitId;

  // Every demo level's bureau and 住建 department has its texts (常用语 is per unit).
  const levels = await Promise.all(
    ['js', 'nj', 'gl'].map(async (l) => ({
      registrar: await demoActor(ctx, `${l}_registrar`),
      handler: await demoActor(ctx, `${l}_handler`),
    })),
  );
  const replies = await runCommand(ctx, async ({ tx }) => {
    let n = 0;
    for (const { registrar: by, handler: dept } of levels) {
      if (!by?.unitId || !dept?.unitId) continue;
      for (const r of DEMO_CANNED_REPLIES) {
        await tx.insert(cannedReplies).values({
          unitId: r.dept === 'zhujian' ? dept.unitId : by.unitId,
          purpose: r.purpose,
          categoryCode: r.categoryCode,
          title: r.title,
          body: r.body,
          createdBy: r.dept === 'zhujian' ? dept.userId : by.userId,
        });
        n++;
      }
    }
    return n;
  });

  const ids: number[] = [];
  for (const [i, m] of DEMO_LETTERS.entries()) {
    const r = await registerCase(ctx, registrar, {
      form: 'letter',
      purpose: 'claim',
      subject: m.subject,
      content: m.content,
      jurisdictionCode: '320106',
      categoryCode: '010000',
      petitioner: { name: m.name, phone: `1390000${String(2201 + i)}` },
    });
    await executeAction(ctx, registrar, r.caseId, { action: 'accept' });
    await executeAction(ctx, registrar, r.caseId, {
      action: 'assign',
      targetUnitId: zhujian,
      instructions: '请依法调查处理并按期答复。',
    });
    ids.push(r.caseId);
  }
  if (ids[0])
    await executeAction(ctx, supervisor, ids[0], {
      action: 'supervise',
      instructions: '群众反映强烈，请加快办理。',
    });
  const items = await ctx.db.$count(inboxItems, eq(inboxItems.userId, handler.userId));
  return { items, replies };
}
