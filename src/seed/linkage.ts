// Demo data of 部门联动 for the seeded cases, so every page has content on first start, made through
// the commands themselves (so timelines, histories and audit rows are as in real use), as the demo
// staff of 鼓楼区, 南京市 and the province:
//   - referrals: a 涉法涉诉 matter to 鼓楼区人民法院 (fed back and closed), a 检举揭发 to 鼓楼区纪委监委
//     (fed back), a public-order risk to 鼓楼区公安局 (waiting);
//   - 信访救助: 2万元 approved by the county, paid and closed; 8万元 approved by the county and
//     waiting for 南京市; 15万元 approved up to the province and half paid;
//   - 跨省协作: with 安徽省滁州市信访局 (two letters, open) and 浙江省杭州市信访局 (closed);
//   - 三无: last year's evaluations of three 南京市 counties decided, this year's of one in draft.
// The four matters of 鼓楼区 it is about are registered and accepted first, by the demo registrar.
// Deterministic; does nothing when referrals exist already or the demo accounts are missing.
import { eq, inArray } from 'drizzle-orm';
import { executeAction } from '../cases/engine.ts';
import { registerCase } from '../cases/intake.ts';
import type { AppContext } from '../context.ts';
import { jurisdictions, linkageReferrals, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { isRole } from '../domain/roles.ts';
import { actOnReferral, referMatter } from '../linkage/commands.ts';
import { actOnCooperation, openCooperation } from '../linkage/cooperation.ts';
import type { Actor } from '../policies/actor.ts';
import { actOnRelief, applyForRelief } from '../relief/commands.ts';
import { decideEvaluation, recordEvaluation } from '../sanwu/commands.ts';

const YUAN = 100;

const DEMO_MATTERS = [
  {
    subject: '不服劳动争议判决并反映生活困难',
    content: '本人对劳动争议二审判决不服，多年讨薪无果，现身患重病，生活十分困难，请求帮助。',
    name: '陈建国',
  },
  {
    subject: '反映社区干部在拆迁补偿中优亲厚友',
    content: '社区工作人员在拆迁补偿中为亲属多报面积，本人丈夫工伤去世，家庭困难，补偿却被压低。',
    name: '刘秀英',
  },
  {
    subject: '地铁施工致房屋受损长期未处理',
    content:
      '地铁施工导致房屋开裂无法居住，多次反映未果，家中老人重病，已无法忍受，近期将组织邻居一起去区政府。',
    name: '王德明',
  },
  {
    subject: '外省户籍务工人员追讨欠薪',
    content: '本人户籍在安徽滁州，在南京务工被拖欠工资，多次讨要无果，请求协调解决。',
    name: '李长富',
  },
] as const;

export async function demoActor(ctx: AppContext, username: string): Promise<Actor | null> {
  const [r] = await ctx.db
    .select({
      userId: users.id,
      role: users.role,
      displayName: users.displayName,
      unitId: units.id,
      unitKind: units.kind,
      unitName: units.name,
      jurisdictionCode: jurisdictions.code,
      jurisdictionName: jurisdictions.fullName,
      scopePrefix: jurisdictions.scopePrefix,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(users.username, username));
  if (!r || !isRole(r.role)) return null;
  return { ...r, role: r.role, unitKind: r.unitKind === 'bureau' ? 'bureau' : 'department' };
}

/** Seeds the demo linkage records; returns how many records (referrals, applications, …) it made. */
export async function seedLinkage(ctx: AppContext): Promise<number> {
  const [any] = await ctx.db.select({ id: linkageReferrals.id }).from(linkageReferrals).limit(1);
  if (any) return 0;
  const names = ['gl_registrar', 'gl_supervisor', 'gl_leader', 'nj_supervisor', 'nj_leader', 'js_leader'];
  const actors = await Promise.all(names.map((n) => demoActor(ctx, n)));
  if (actors.some((a) => a === null)) return 0;
  const [registrar, supervisor, glLeader, njSupervisor, njLeader, jsLeader] = actors as [
    Actor,
    Actor,
    Actor,
    Actor,
    Actor,
    Actor,
  ];
  // The demo matters of 鼓楼区 this story is about, registered and accepted as a registrar would.
  const ids: number[] = [];
  for (const [i, m] of DEMO_MATTERS.entries()) {
    const r = await registerCase(ctx, registrar, {
      form: 'letter',
      purpose: 'claim',
      subject: m.subject,
      content: m.content,
      jurisdictionCode: '320106',
      petitioner: { name: m.name, phone: `1390000${String(2101 + i)}` },
    });
    await executeAction(ctx, registrar, r.caseId, { action: 'accept' });
    ids.push(r.caseId);
  }
  const [a, b, c, d] = ids as [number, number, number, number];
  const today = shanghaiDate(new Date());
  let n = 0;

  // ---- referrals
  const legal = await referMatter(ctx, registrar, {
    caseId: a,
    type: 'legal',
    body: 'fayuan',
    reason: '信访人对劳动争议二审判决不服，反复到区信访局反映，属于涉法涉诉事项。',
  });
  await actOnReferral(ctx, supervisor, legal, {
    action: 'track',
    note: '已与区法院立案庭沟通，法院安排法官接谈。',
  });
  await actOnReferral(ctx, supervisor, legal, {
    action: 'feedback',
    feedback: '区法院复函：已告知信访人依法申请再审的途径和期限，信访人表示将向中级人民法院申请再审。',
  });
  await actOnReferral(ctx, supervisor, legal, { action: 'close', note: '已导入法律程序，移交办结。' });
  const report = await referMatter(ctx, supervisor, {
    caseId: b,
    type: 'report',
    reason: '信访人反映社区工作人员在拆迁补偿中优亲厚友，提供了具体线索。',
  });
  await actOnReferral(ctx, supervisor, report, {
    action: 'feedback',
    feedback: '区纪委监委复函：问题线索已受理，正在初步核实，结果另行反馈。',
  });
  await referMatter(ctx, supervisor, {
    caseId: c,
    type: 'public_order',
    reason: '信访人在电话中情绪激动，扬言近期组织多人到区政府门前聚集。',
  });
  n += 3;

  // ---- 信访救助
  const small = await applyForRelief(ctx, registrar, {
    caseId: a,
    applicantName: '陈建国',
    reason: '信访人患尿毒症长期透析，家庭无固定收入，生活十分困难。',
    requestedFen: 20_000 * YUAN,
  });
  await actOnRelief(ctx, glLeader, small, {
    action: 'approve',
    amountFen: 20_000 * YUAN,
    opinion: '经核实情况属实，同意救助2万元。',
  });
  await actOnRelief(ctx, registrar, small, {
    action: 'pay',
    amountFen: 20_000 * YUAN,
    date: today,
    payer: '鼓楼区民政局',
    method: 'bank',
    voucher: 'GLMZ-2026-0031',
  });
  await actOnRelief(ctx, registrar, small, { action: 'close', undertakingSigned: true });
  const mid = await applyForRelief(ctx, registrar, {
    caseId: b,
    applicantName: '刘秀英',
    reason: '信访人丈夫工伤去世，赔偿未到位，独自抚养两名未成年子女。',
    requestedFen: 80_000 * YUAN,
  });
  await actOnRelief(ctx, glLeader, mid, {
    action: 'approve',
    amountFen: 80_000 * YUAN,
    opinion: '同意，报市信访联席办审批。',
  });
  const large = await applyForRelief(ctx, registrar, {
    caseId: c,
    applicantName: '王德明',
    reason: '信访人房屋因地铁施工受损无法居住，家中老人重病，历史遗留问题复杂。',
    requestedFen: 150_000 * YUAN,
  });
  await actOnRelief(ctx, glLeader, large, {
    action: 'approve',
    amountFen: 150_000 * YUAN,
    opinion: '同意，报市审批。',
  });
  await actOnRelief(ctx, njLeader, large, {
    action: 'approve',
    amountFen: 120_000 * YUAN,
    opinion: '核减至12万元，报省审批。',
  });
  await actOnRelief(ctx, jsLeader, large, {
    action: 'approve',
    amountFen: 120_000 * YUAN,
    opinion: '同意救助12万元，分两期发放。',
  });
  await actOnRelief(ctx, registrar, large, {
    action: 'pay',
    amountFen: 60_000 * YUAN,
    date: today,
    payer: '鼓楼区财政局',
    method: 'bank',
    voucher: 'GLCZ-2026-0107',
  });
  n += 3;

  // ---- 跨省协作
  const anhui = await openCooperation(ctx, supervisor, {
    caseId: d,
    counterpartProvince: '340000',
    counterpartBureau: '安徽省滁州市信访局',
    subject: '信访人户籍在滁州市，长期在南京务工，请求协助做好家属工作和息访稳控。',
    letter: {
      date: today,
      direction: 'out',
      reference: '鼓信函〔2026〕12号',
      summary: '请求协助核实信访人家庭情况并共同做好疏导工作。',
    },
  });
  await actOnCooperation(ctx, supervisor, anhui, {
    action: 'letter',
    letter: {
      date: today,
      direction: 'in',
      reference: '滁信函〔2026〕5号',
      summary: '已核实信访人家庭情况，家属愿意配合做好疏导。',
    },
  });
  const zhejiang = await openCooperation(ctx, supervisor, {
    caseId: a,
    counterpartProvince: '330000',
    counterpartBureau: '浙江省杭州市信访局',
    subject: '信访人在杭州务工期间的欠薪问题，请求协助督促用工单位支付。',
    letter: { date: today, direction: 'out', summary: '请求协助督促杭州某建筑公司支付欠薪。' },
  });
  await actOnCooperation(ctx, supervisor, zhejiang, {
    action: 'close',
    outcome: 'resolved',
    note: '经两地协作，用工单位已支付全部欠薪，信访人息诉。',
  });
  n += 2;

  // ---- 三无县评定
  const year = Number(today.slice(0, 4));
  const met = (note: string) => [
    { key: 'beijing', met: true, note: '国家信访局通报无进京非访登记' },
    { key: 'extreme', met: true, note },
  ];
  const counties = await ctx.db
    .select({ code: jurisdictions.code })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, ['320102', '320104', '320106', '320105']));
  if (counties.length === 4) {
    for (const county of ['320102', '320104', '320106']) {
      const manual =
        county === '320106'
          ? [
              { key: 'beijing', met: false, note: '国家信访局通报进京非访登记2人次' },
              { key: 'extreme', met: true, note: '经公安机关确认，全年无极端事件' },
            ]
          : met('经公安机关确认，全年无极端事件');
      const id = await recordEvaluation(ctx, njSupervisor, { jurisdiction: county, year: year - 1, manual });
      await decideEvaluation(ctx, njLeader, id, undefined);
    }
    await recordEvaluation(ctx, njSupervisor, {
      jurisdiction: '320105',
      year,
      manual: [{ key: 'beijing', met: true, note: '截至目前无进京非访登记' }],
    });
    n += 4;
  }
  return n;
}
