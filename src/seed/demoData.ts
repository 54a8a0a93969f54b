// Everything the demo loads on first start (`npm start`) or with `xinfang seed --cases N`: the
// synthetic petitions (demoCases.ts), a warning scan over them, then the records of each capability
// that point at those petitions. One place, so the start, the seed command and the tests that check
// the demo (test/integration/demo-desk.test.ts, test/e2e/demo-content.test.ts) load the same data.

import { recordAudit } from '../audit/chain.ts';
import { checkCalendarCoverage } from '../calendar/coverage.ts';
import { dictionaryAt } from '../categories/queries.ts';
import type { AppContext } from '../context.ts';
import { runMonitoringDigests } from '../monitoring/daily.ts';
import { runWarningScan } from '../warnings/scan.ts';
import { seedAssessment } from './assessment.ts';
import { seedBacklog } from './backlog.ts';
import { seedCampaigns } from './campaigns.ts';
import { seedCases } from './cases.ts';
import { seedCategoryExamples } from './categoryExamples.ts';
import { seedDemoCases } from './demoCases.ts';
import { seedDemoCitizen } from './demoCitizen.ts';
import { seedDemoDesks } from './demoDesks.ts';
import { seedDispatch } from './dispatch.ts';
import { seedFlags } from './flags.ts';
import { seedInbox } from './inbox.ts';
import { seedIntake } from './intake.ts';
import { seedInterop } from './interop.ts';
import { seedLinkage } from './linkage.ts';
import { seedLockouts } from './lockouts.ts';
import { seedDepartmentMediation, seedMediation } from './mediation.ts';
import { dateDaysAgo } from './officeTime.ts';
import { seedReceptions } from './receptions.ts';
import { seedSuggestionHistory } from './suggestionHistory.ts';
import { seedSupervision } from './supervision.ts';
import { seedUpperDesks } from './upperDesks.ts';
import { seedVideoHall } from './videoHall.ts';

/** Days of 预警 history the demo has on first start (src/warnings/scan.ts, pastDay). */
const WARNING_HISTORY_DAYS = 14;

export interface SeedDemoDataOptions {
  cases: number;
  seed: number;
  /** Spread the cases over the province by population instead of concentrating them (benchmark-like). */
  uniform?: boolean;
  onProgress?: (n: number) => void;
  /** One line per step, for the command's output. */
  say?: (line: string) => void;
}

export async function seedDemoData(ctx: AppContext, opts: SeedDemoDataOptions): Promise<number> {
  const say = opts.say ?? (() => {});
  const { seed } = opts;
  // 二、三级分类 first: an example tree (not the official one, which is not shipped), so that the
  // matters whose text names an entry carry it as their 细分类, as registrars choose them.
  const ce = await seedCategoryExamples(ctx);
  say(`示例二、三级分类 ${ce} 个 / example category dictionary seeded`);
  const { entries: subcategories } = await dictionaryAt(ctx.db);
  const n = opts.uniform
    ? await seedCases(ctx.db, ctx.pii, {
        count: opts.cases,
        seed,
        onProgress: opts.onProgress,
        subcategories,
      })
    : await seedDemoCases(ctx.db, ctx.pii, {
        total: opts.cases,
        seed,
        onProgress: opts.onProgress,
        subcategories,
      });
  await ctx.db.transaction((tx) =>
    recordAudit(tx, { action: 'seed.cases', entity: 'installation', summary: { count: n, seed } }),
  );
  say(`已生成 ${n} 件模拟信访事项 / ${n} cases seeded`);
  const up = await seedUpperDesks(ctx, { seed }); // 来信 to 江苏省信访局 and 南京市信访局, 待受理
  say(`省、市信访局来信待受理 ${up} 件 / letters to the province and city bureaus seeded`);
  // 预警 of the last two weeks as the nightly scans (01:00) would have raised them from the history
  // then — group events and repeat petitioners; overdue units and this month's growth read the
  // present, so only today's scan has them — then today's scan.
  const now = new Date();
  let past = 0;
  for (let d = WARNING_HISTORY_DAYS; d >= 1; d--)
    past += (await runWarningScan(ctx, new Date(`${dateDaysAgo(now, d)}T01:00:00+08:00`), { pastDay: true }))
      .inserted;
  const w = await runWarningScan(ctx, now);
  say(`预警扫描 / warning scan: 此前${WARNING_HISTORY_DAYS}日 ${past} 条; ${JSON.stringify(w)}`);
  const b = await seedBacklog(ctx, { seed }); // 积案: identified and resolved matters, candidates
  say(`积案 ${b.identified} 件（已化解 ${b.resolved}），候选 ${b.candidates} 件 / backlog matters seeded`);
  const k = await seedCampaigns(ctx, { seed }); // 专项行动 and 重点工作项目
  say(`专项行动排查台账 ${k.entries} 条，重点工作项目 ${k.projects} 项 / campaigns and key projects seeded`);
  // 周调度: last week's meetings of the three demo bureaus and their decisions
  const dp = await seedDispatch(ctx);
  if (dp) say(`周调度：上周调度会 ${dp} 场及其决定事项 / last week's dispatch meetings seeded`);
  const sv = await seedSupervision(ctx); // 督查督办: an escalated, a fed-back and a closed order
  say(`督办 ${sv} 件 / supervision orders seeded`);
  const as = await seedAssessment(ctx); // 责任落实: letters, last month's 通报, a 约谈 linked to its order
  say(`责任书与问责记录 ${as} 条 / responsibility letters and accountability records seeded`);
  const rc = await seedReceptions(ctx); // 领导接访: past receptions with records, coming ones; rights cards
  say(`领导接访 ${rc} 场、权益保障卡 / receptions and rights cards seeded`);
  // 张三's 我的信访 and 权益卡: synthetic matters only (before the steps below register letters of 鼓楼区
  // for other named petitioners), and the card just issued
  const ct = await seedDemoCitizen(ctx.db, ctx.pii);
  say(`演示信访人的信访事项 ${ct} 件 / the demo citizen's matters seeded`);
  const vh = await seedVideoHall(ctx); // 视频接访 booked and held, the hall's queue today, lawyers on duty
  say(
    `视频接访 ${vh.rooms} 场，接待大厅排队 ${vh.visits} 人，律师值班 ${vh.duties} 班 / video rooms, hall queue, lawyer roster seeded`,
  );
  const md = await seedMediation(ctx); // 访调对接 and 专家库: bodies, referrals with outcomes, experts' opinions
  say(`调解移交 ${md} 件 / mediation referrals seeded`);
  const lk = await seedLinkage(ctx); // 部门联动: referrals, 信访救助, 跨省协作, 三无 evaluations
  say(`部门联动 ${lk} 项 / linkage records seeded`);
  const fl = await seedFlags(ctx); // 事项标识: flagged matters and a 重大紧急 report to the city
  say(`事项标识 ${fl} 件 / flagged matters seeded`);
  const ik = await seedIntake(ctx); // 登记分类: online petitions with suggestions 待确认, one confirmed, one changed
  say(`登记分类 ${ik} 件 / online petitions with suggestions seeded`);
  const sh = await seedSuggestionHistory(ctx); // 分类建议的历史: 南京市's last six months, as intake kept them
  say(`分类建议历史 ${sh} 件 / suggestions of past matters seeded`);
  const io = await seedInterop(ctx); // 接口密钥 and 事件推送: two keys, a paused subscription with dead letters
  say(`接口密钥 ${io.keys} 个，推送死信 ${io.deadLetters} 条 / API keys and webhooks seeded`);
  const ib = await seedInbox(ctx); // 站内消息 for the demo handler and reviewer, 常用语 of 鼓楼区住建局 and 信访局
  say(`站内消息 ${ib.items} 条，常用语 ${ib.replies} 条 / inbox items and canned replies seeded`);
  // The province's and city's 住建 desks, 转送 down the levels, and the sweep's 临期/逾期 messages
  const dk = await seedDemoDesks(ctx);
  say(
    `省、市住建部门交办 ${dk.assigned} 件，转送 ${dk.forwarded} 件，临期/逾期消息 ${dk.notices} 条，大屏令牌 ${dk.kiosks} 个，通报草稿 ${dk.bulletins} 份 / upper desks, deadline messages, kiosk tokens, bulletins seeded`,
  );
  // 访调对接 by the city's and the province's 住建 (after the desks above gave them matters)
  const dm = await seedDepartmentMediation(ctx);
  say(`住建部门移交调解 ${dm} 件 / department mediation referrals seeded`);
  // 账号锁定: one account per level tried with wrong passwords (its administrators are told)
  const lo = await seedLockouts(ctx);
  say(`账号锁定 ${lo} 个 / account lockouts seeded`);
  // The morning's daily work, as the scheduler does it at start: today's 日监测晨报 of each bureau
  // (after everything above, which it counts) and the holiday calendar's coverage.
  const md2 = await runMonitoringDigests(ctx, new Date());
  const cal = await checkCalendarCoverage(ctx, new Date());
  say(
    `日监测晨报 ${md2.written} 份，节假日安排未录入年份 ${cal.missing.join('、') || '无'} / today's monitoring digests, calendar check`,
  );
  return n;
}
