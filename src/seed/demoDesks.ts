// What the demo accounts outside 鼓楼区 find on first start besides the synthetic cases: the
// province's and city's 住建 departments (js_handler, nj_handler) have letters assigned to them by
// their bureau — one with a progress note, one replied and waiting for delivery at the bureau, one
// under 督办, one waiting for the bureau's reviewer to approve an extension — and the city and county bureaus each have a letter forwarded (转送) from the level
// above. All through the engine (case numbers, timelines, documents, SMS, audit), so the inbox's
// subscribers write the 新交办 and 督办 messages as they would live. Then the 临期/逾期 messages that
// the daily sweep would have written for the synthetic matters it flagged (the simulation writes the
// flags, not the messages: src/seed/sim.ts), built by the sweep's own notice rule; and a big-screen
// token (大屏展示令牌) for each demo administrator's reception hall, and last month's 通报 drafted by each
// demo bureau's analyst. Does nothing
// when the province's 住建厅 already holds a matter or the demo accounts are missing.
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { createBulletin } from '../bulletins/commands.ts';
import { executeAction } from '../cases/engine.ts';
import { registerCase } from '../cases/intake.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cases, inboxItems } from '../db/schema.ts';
import { computeDue, isNearDue, shanghaiDate } from '../domain/deadlines/index.ts';
import type { Limit } from '../domain/deadlines/limit.ts';
import { deliver } from '../inbox/deliver.ts';
import { deadlineNotice } from '../inbox/subscribers.ts';
import { runDeadlineSweep } from '../jobs/deadlines.ts';
import { createKioskToken } from '../kiosk/commands.ts';
import type { Actor } from '../policies/actor.ts';
import { createMonthlyReport } from '../reports/store.ts';
import { limitsFor } from '../settings/limits.ts';
import { raiseOrder } from '../supervision/commands.ts';
import { createPeriod, listPeriods } from '../warnings/periods.ts';
import { demoActor } from './linkage.ts';

const DAY = 86_400_000;

/** Letters to the upper bureaus that are routed on (交办) to their 住建 department. */
const ASSIGNED = [
  {
    subject: '保障性住房分配排序有疑问',
    content: '申请公共租赁住房已三年，轮候排序多次变动，请求公开排序依据并说明原因。',
    name: '陆文华',
  },
  {
    subject: '商品房延期交付开发商拒不赔偿',
    content: '购买的商品房合同约定去年交付，至今未交房，开发商拒绝按合同支付违约金，请求督促处理。',
    name: '许志明',
  },
  {
    subject: '住宅专项维修资金申请使用受阻',
    content: '小区屋面漏水需动用维修资金，业主已表决通过，但申请材料提交后长期未获审核。',
    name: '蒋丽萍',
  },
  {
    subject: '物业企业擅自提高收费标准',
    content: '物业公司未经业主大会同意将物业费每平方米上调五角，请求主管部门查处。',
    name: '沈国强',
  },
] as const;

const FORWARDED = {
  subject: '拆迁安置房产证迟迟未办理',
  content: '安置房交付已五年仍未办理不动产权证书，影响子女入学和房屋交易，请求协调办理。',
  name: '韩玉珍',
} as const;

/** A letter received long enough ago that its 15-day acceptance limit is near: the sweep's 临期. */
const WAITING = {
  subject: '公积金贷款审批长期无答复',
  content: '申请住房公积金贷款已提交全部材料，两个多月未审批，也无人说明原因，请求督促办理。',
  name: '朱永康',
} as const;

/** The same at 鼓楼区: its registrar's desk always holds a matter near its limit, whatever the day. */
const COUNTY_WAITING = {
  subject: '老旧小区加装电梯补贴迟迟未发放',
  content:
    '单元加装电梯去年已竣工验收，按规定应发放的财政补贴至今未到位，多次询问均无明确答复，请求督促兑现。',
  name: '顾美华',
} as const;

const LEVELS = [
  { level: 'js', prefix: '32', county: '320581', forwardTo: 'nj_registrar', forwardCounty: '320115' },
  { level: 'nj', prefix: '3201', county: '320104', forwardTo: 'gl_registrar', forwardCounty: '320106' },
] as const;

export interface DemoDeskCounts {
  assigned: number;
  forwarded: number;
  notices: number;
  kiosks: number;
  bulletins: number;
}

export async function seedDemoDesks(ctx: AppContext, now = new Date()): Promise<DemoDeskCounts> {
  const counts: DemoDeskCounts = { assigned: 0, forwarded: 0, notices: 0, kiosks: 0, bulletins: 0 };
  const jsHandler = await demoActor(ctx, 'js_handler');
  if (!jsHandler?.unitId) return counts;
  const [held] = await ctx.db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.assignedUnitId, jsHandler.unitId))
    .limit(1);
  if (held) return counts;
  let phone = 4001;
  for (const l of LEVELS) {
    const [registrar, handler, supervisor, leader, below] = await Promise.all(
      ['registrar', 'handler', 'supervisor', 'leader']
        .map((r) => demoActor(ctx, `${l.level}_${r}`))
        .concat(demoActor(ctx, l.forwardTo)),
    );
    if (!registrar || !handler?.unitId || !supervisor || !below?.unitId) continue;
    const letter = (m: DemoLetter, county: string, daysAgo: number) =>
      registerLetter(ctx, registrar, m, county, new Date(now.getTime() - daysAgo * DAY), phone++);
    for (const [k, m] of ASSIGNED.entries()) {
      const id = await letter(m, l.county, 3 + 4 * k);
      await executeAction(ctx, registrar, id, { action: 'accept' });
      await executeAction(ctx, registrar, id, {
        action: 'assign',
        targetUnitId: handler.unitId,
        instructions: '请依法调查核实，按期书面答复信访人。',
      });
      await handle(ctx, k, id, handler, supervisor);
      counts.assigned++;
    }
    const fwd = await letter(FORWARDED, l.forwardCounty, 2);
    await executeAction(ctx, registrar, fwd, {
      action: 'forward',
      targetUnitId: below.unitId,
      note: '属地管辖，请依法受理办理。',
    });
    counts.forwarded++;
    // Waiting at the bureau with its acceptance limit near (the sweep below tells the registrar), and
    // marked 督办 by the bureau's supervisor: its reviewer and leader are told.
    const limits = await limitsFor(ctx.db, l.county);
    const near = nearDueDaysAgo(now, limits.clocks.acceptance, limits.nearDueDays);
    const waiting = await letter(WAITING, l.county, near);
    await executeAction(ctx, supervisor, waiting, {
      action: 'supervise',
      instructions: '请尽快受理并答复信访人。',
    });
    // The leader marks one of the morning's letters (upperDesks.ts): the supervisor is told in turn.
    const [morning] = await ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          eq(cases.registeringUnitId, registrar.unitId as number),
          eq(cases.form, 'letter'),
          eq(cases.state, 'registered'),
          eq(cases.supervised, false),
        ),
      )
      .orderBy(asc(cases.id))
      .limit(1);
    if (leader && morning)
      await executeAction(ctx, leader, morning.id, {
        action: 'supervise',
        instructions: '涉及群众切身利益，请优先办理。',
      });
    // 网上督办 on the bureau below (its reviewer, supervisor and leader are told).
    await raiseOrder(ctx, supervisor, {
      type: 'online',
      target: 'unit',
      unitId: below.unitId,
      facts: '辖区内住房保障类信访事项近期明显增多，部分事项临近办理期限。',
      requirements: '请逐件梳理在办事项，确保按期办结，并报送化解情况。',
    });
  }
  // 鼓楼区住建局 asks for more time on the newest of its letters (src/seed/inbox.ts): gl_reviewer decides.
  const glHandler = await demoActor(ctx, 'gl_handler');
  if (glHandler?.unitId) {
    const [newest] = await ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          eq(cases.assignedUnitId, glHandler.unitId),
          eq(cases.state, 'handling'),
          eq(cases.supervised, false),
        ),
      )
      .orderBy(desc(cases.id))
      .limit(1);
    if (newest) await handle(ctx, 3, newest.id, glHandler, glHandler);
  }
  // 鼓楼区信访局 too has a letter waiting with its acceptance limit near: the synthetic matters leave
  // its registrar none on some days (2026-12-10).
  const glRegistrar = await demoActor(ctx, 'gl_registrar');
  if (glRegistrar) {
    const limits = await limitsFor(ctx.db, '320106');
    const near = nearDueDaysAgo(now, limits.clocks.acceptance, limits.nearDueDays);
    await registerLetter(
      ctx,
      glRegistrar,
      COUNTY_WAITING,
      '320106',
      new Date(now.getTime() - near * DAY),
      phone++,
    );
  }
  // The daily sweep once now (as `serve` runs it at 01:00): flags the new letters near their limit.
  await runDeadlineSweep(ctx, now);
  counts.notices = await seedDeadlineNotices(ctx);
  counts.kiosks = await seedKiosks(ctx);
  counts.bulletins = await seedBulletins(ctx, now);
  await seedSpecialPeriods(ctx, now);
  return counts;
}

/**
 * 重大活动保障期 declared by the province and 鼓楼区 administrators: the province's coming one (the
 * warning thresholds halve when it starts) and one 鼓楼区 held last month, so 保障期 is not empty.
 */
async function seedSpecialPeriods(ctx: AppContext, now: Date): Promise<void> {
  const day = (d: number) => shanghaiDate(new Date(now.getTime() + d * DAY));
  for (const [user, scope, name, from, to, factor] of [
    ['admin', '320000', '岁末年初信访工作保障期', 10, 40, 0.5],
    ['gl_admin', '320106', '区重大活动信访保障期', -40, -33, 0.7],
  ] as const) {
    const admin = await demoActor(ctx, user);
    if (!admin || (await listPeriods(ctx.db, admin)).some((p) => p.scope.code === scope)) continue;
    await createPeriod(ctx, admin, { name, scope, from: day(from), to: day(to), thresholdFactor: factor });
  }
}

/**
 * Each demo bureau's analyst has drafted last month's 通报 and 专报 from its figures (waiting for the
 * leader to issue): the analyst's 通报 and 专报 pages open on a draft, as in a bureau on any day.
 */
async function seedBulletins(ctx: AppContext, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  let n = 0;
  for (const user of ['js_analyst', 'nj_analyst', 'gl_analyst']) {
    const analyst = await demoActor(ctx, user);
    if (!analyst) continue;
    await createBulletin(ctx, analyst, { month });
    await createMonthlyReport(ctx, analyst, { month });
    n++;
  }
  return n;
}

/** Each demo administrator's bureau shows its big screen in the reception hall (大屏展示令牌). */
async function seedKiosks(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const [user, name] of [
    ['admin', '省信访局接待大厅大屏'],
    ['nj_admin', '市信访局接待大厅大屏'],
    ['gl_admin', '区信访局接待大厅大屏'],
  ] as const) {
    const admin = await demoActor(ctx, user);
    if (!admin) continue;
    // The token itself is shown once and not kept: an administrator makes a real one.
    await createKioskToken(ctx, admin, { name });
    n++;
  }
  return n;
}

type DemoLetter = { subject: string; content: string; name: string };

/** A letter registered by a demo registrar (城乡建设, a claim), received at `receivedAt`. */
async function registerLetter(
  ctx: AppContext,
  registrar: Actor,
  m: DemoLetter,
  county: string,
  receivedAt: Date,
  phone: number,
): Promise<number> {
  const { caseId } = await registerCase(ctx, registrar, {
    form: 'letter',
    purpose: 'claim',
    subject: m.subject,
    content: m.content,
    jurisdictionCode: county,
    categoryCode: '010000',
    receivedAt,
    petitioner: { name: m.name, phone: `1390000${phone}` },
  });
  return caseId;
}

/** How many days ago a letter was received so that its acceptance limit is near today (holidays included). */
function nearDueDaysAgo(now: Date, limit: Limit, warnDays: number): number {
  for (let d = limit.amount; d > 0; d--) {
    const due = computeDue(new Date(now.getTime() - d * DAY), limit).due;
    if (isNearDue(due, now, warnDays)) return d;
  }
  return 1;
}

/** What the 住建 department has done so far with the k-th letter. */
async function handle(
  ctx: AppContext,
  k: number,
  id: number,
  handler: Actor,
  supervisor: Actor,
): Promise<void> {
  if (k === 0) {
    await executeAction(ctx, handler, id, {
      action: 'add_progress',
      note: '已电话联系信访人了解诉求，正会同属地街道调查核实。',
    });
    // 网上督办 of this matter: the order is addressed to the 住建 department holding it.
    await raiseOrder(ctx, supervisor, {
      type: 'online',
      target: 'case',
      caseId: id,
      facts: '信访人多次来电反映轮候排序问题，尚未得到答复。',
      requirements: '请核实轮候排序依据，向信访人书面说明，并反馈办理情况。',
    });
  }
  if (k === 1)
    await executeAction(ctx, handler, id, {
      action: 'reply',
      outcome: 'explained',
      request: '请求督促开发商支付逾期交房违约金。',
      facts: '经调查，该项目因施工许可变更延期，开发商已书面承诺按合同约定计付违约金。',
      reasons: '依据《商品房销售管理办法》和购房合同的约定。',
      decision: '已责成开发商在三十日内与购房人协商支付违约金；协商不成的，可依法提起民事诉讼。',
    });
  if (k === 2)
    await executeAction(ctx, supervisor, id, {
      action: 'supervise',
      instructions: '群众反映集中，请加快办理并按期反馈。',
    });
  // Waits for the bureau's reviewer (审批延期).
  if (k === 3)
    await executeAction(ctx, handler, id, {
      action: 'request_extension',
      days: 15,
      reason: '涉及多个部门联合核查，需调取近三年收费备案材料。',
    });
}

/**
 * 临期/逾期 messages for the matters flagged by the simulation, as the daily sweep's subscriber
 * would have written them when it flagged them (same notice, same dedupe key).
 */
async function seedDeadlineNotices(ctx: AppContext): Promise<number> {
  const flagged = await ctx.db
    .select()
    .from(cases)
    .where(and(isNotNull(cases.dueFlag), isNull(cases.closedAt)));
  return runCommand(ctx, async (w) => {
    const before = await w.tx.$count(inboxItems);
    await deliver(
      w,
      flagged.flatMap((c) => deadlineNotice(c, c.dueFlag === 'overdue' ? 'overdue' : 'due_soon') ?? []),
    );
    return (await w.tx.$count(inboxItems)) - before;
  });
}
