// Demo campaigns and key projects: one 百日攻坚专项行动 over the demo province (launched by the
// province bureau, running now) with ~30 register entries across cities and counties — a few linked
// to seeded cases, the rest disputes not yet petitioned, several 三跨三分离, in every status — and the
// province's, 南京市's and 鼓楼区's key projects of the current year with milestones (some done, one overdue),
// three of them with a 住建 department as 责任单位.
// Deterministic for a seed; does nothing when a campaign exists already. No personal data.
import { and, eq, inArray, like } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import {
  campaignEntries,
  campaigns,
  cases,
  jurisdictions,
  projectMilestones,
  projectProgress,
  projects,
  units,
  users,
} from '../db/schema.ts';
import {
  CROSS_KINDS,
  type ENTRY_CATEGORIES,
  type EntryStatus,
  RISK_LEVELS,
} from '../domain/campaigns/vocabulary.ts';
import { categoryLabel } from '../domain/categories.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { createRng } from './random.ts';

const DAY = 86_400_000;
const ENTRIES = 30;

/** Disputes not yet petitioned, with their category (ENTRY_CATEGORIES). */
const DISPUTES: readonly [string, (typeof ENTRY_CATEGORIES)[number]][] = [
  ['村民与施工方因征地补偿标准产生争议', '征地拆迁'],
  ['小区业主与物业公司因维修资金使用产生纠纷', '城乡建设'],
  ['务工人员反映工程款拖欠，涉及多名工人', '劳动社保'],
  ['企业改制职工反映社保接续问题', '企业改制'],
  ['养殖户反映周边企业排污影响生产', '环境保护'],
  ['相邻住户因违章搭建产生矛盾', '城乡建设'],
  ['退役人员反映安置待遇落实问题', '其他'],
  ['家长反映学区划分调整意见', '教育卫生'],
  ['村民反映土地流转租金未按期支付', '农村农业'],
  ['商户与市场管理方因租赁合同产生纠纷', '其他'],
];

const PROJECTS = [
  {
    title: '信访工作信息化建设',
    goal: '建成全省统一的阳光信访平台，网上信访占比超过50%',
    leader: '省信访局副局长',
    milestones: [
      '完成需求调研与方案论证（任务书）',
      '平台上线试运行（路线图）',
      '全省推广应用、考核验收（时间表）',
    ],
  },
  {
    title: '信访积案攻坚化解',
    goal: '年内化解存量积案80%以上，新增积案动态清零',
    leader: '省信访局局长',
    milestones: ['排出积案清单、逐案明确包案领导', '逐案制定化解方案', '集中攻坚、审核销号'],
  },
  {
    title: '进京越级访专项整治',
    goal: '越级上访率控制在2%以内',
    leader: '省信访局副局长',
    milestones: ['摸排重点人员和重点事项', '落实属地稳控和源头化解', '总结评估'],
  },
  {
    title: '初信初访提质增效工程',
    goal: '初信初访一次性化解率达到90%',
    leader: '省信访局副局长',
    milestones: ['制定首接首办工作规范', '开展业务培训', '季度通报、年终考核'],
  },
  {
    title: '领导干部接访下访',
    goal: '县以上领导干部定期接访下访，当场解决一批信访事项',
    leader: '南京市信访局局长',
    milestones: ['公布领导接访日程', '开展集中下访活动', '梳理成效并通报'],
    city: true,
  },
  // Projects a bureau runs with a 住建 department as 责任单位 (its staff see and report on them).
  {
    title: '住房城乡建设领域信访突出问题专项治理',
    goal: '商品房质量、物业服务、老旧小区改造类信访事项按期办结率达到95%以上',
    leader: '省住房城乡建设厅副厅长',
    milestones: ['排查全省住建领域信访突出问题', '分类制定治理措施、督促各市落实', '评估治理成效并通报'],
    owner: 'zhujian',
  },
  {
    title: '老旧小区加装电梯矛盾源头化解',
    goal: '加装电梯项目公示期异议当月调处，因加装电梯引发的重复信访下降30%',
    leader: '南京市住房保障和房产局副局长',
    milestones: ['建立加装电梯异议调处机制', '逐项目排查邻里矛盾、上门协调', '总结推广调处经验'],
    city: true,
    owner: 'zhujian',
  },
  {
    title: '物业服务纠纷“一站式”化解',
    goal: '物业服务类信访事项在街道、社区一次性化解率达到85%',
    leader: '鼓楼区住房和城乡建设局局长',
    milestones: [
      '在各街道设立物业纠纷调处窗口',
      '对物业企业开展信访问题约谈整改',
      '年终考核物业服务信访工作',
    ],
    county: true,
    owner: 'zhujian',
  },
] as {
  title: string;
  goal: string;
  leader: string;
  milestones: string[];
  city?: boolean;
  county?: boolean;
  owner?: 'zhujian';
}[];

export interface SeedCampaignsResult {
  entries: number;
  projects: number;
}

export async function seedCampaigns(
  ctx: AppContext,
  opts: { seed: number; now?: Date },
): Promise<SeedCampaignsResult> {
  const now = opts.now ?? new Date();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const rng = createRng(opts.seed * 104_729 + 7);
  return runCommand(ctx, async (w) => {
    const tx = w.tx;
    const [any] = await tx.select({ id: campaigns.id }).from(campaigns).limit(1);
    if (any) return { entries: 0, projects: 0 };
    const bureaus = await tx
      .select({ id: units.id, code: units.jurisdictionCode })
      .from(units)
      .where(and(eq(units.kind, 'bureau'), like(units.jurisdictionCode, '32%')));
    const province = bureaus.find((b) => b.code === '320000');
    const nanjing = bureaus.find((b) => b.code === '320100');
    const gulou = bureaus.find((b) => b.code === '320106');
    if (!province || !nanjing) return { entries: 0, projects: 0 };
    const [leader] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.unitId, province.id), eq(users.role, 'leader')))
      .limit(1);

    // ---- The campaign: 100 days, started 60 days ago.
    const start = shanghaiDate(new Date(now.getTime() - 60 * DAY));
    const end = shanghaiDate(new Date(now.getTime() + 39 * DAY));
    const [c] = await tx
      .insert(campaigns)
      .values({
        name: `${start.slice(0, 4)}年百日攻坚专项行动`,
        kind: 'hundred_days',
        description:
          '以大排查、大接访、大化解、大督查为主要内容，着力减少信访存量、控制矛盾增量、稳住上行变量。',
        startDate: start,
        endDate: end,
        scopeCode: '320000',
        ownerUnitId: province.id,
        targetRate: 65,
        targetInvestigated: 30,
        targetStabilityRate: 85,
        createdBy: leader?.id ?? null,
        createdAt: new Date(now.getTime() - 60 * DAY),
        updatedAt: now,
      })
      .returning({ id: campaigns.id });
    if (!c) throw new Error('campaign insert returned nothing');
    const counties = (
      await tx.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.level, 3))
    ).map((j) => j.code);
    const linkable = await tx
      .select({
        id: cases.id,
        code: cases.jurisdictionCode,
        subject: cases.subject,
        unit: cases.assignedUnitId,
        categoryCode: cases.categoryCode,
      })
      .from(cases)
      .orderBy(cases.id)
      .limit(200);
    const bureauOf = (code: string) => bureaus.find((b) => b.code === code.slice(0, 6))?.id ?? null;
    const linkedIds = new Set<number>();
    const rows: (typeof campaignEntries.$inferInsert)[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      // Most in 南京市 (the demo accounts' city), the rest across the province.
      const local = counties.filter((k) => k.startsWith('3201'));
      const code = rng.chance(0.6) && local.length ? rng.pick(local) : rng.pick(counties);
      const link = i % 6 === 0 ? linkable.find((k) => !linkedIds.has(k.id) && rng.chance(0.5)) : undefined;
      if (link) linkedIds.add(link.id);
      const status: EntryStatus =
        i < 19 ? 'resolved' : i < 23 ? 'resolving' : i < 27 ? 'unresolved' : 'registered';
      const cross = i % 4 === 1 ? [rng.pick(CROSS_KINDS.slice(0, 3)), rng.pick(CROSS_KINDS.slice(3))] : [];
      const createdAt = new Date(now.getTime() - rng.int(5, 58) * DAY);
      const [description, category] = rng.pick(DISPUTES);
      rows.push({
        campaignId: c.id,
        caseId: link?.id ?? null,
        description: link?.subject ?? description,
        jurisdictionCode: link?.code ?? code,
        partiesCount: rng.chance(0.3) ? rng.int(5, 40) : rng.int(1, 3),
        category: link ? categoryLabel(link.categoryCode) : category,
        riskLevel: rng.pick(RISK_LEVELS),
        responsibleUnitId: link?.unit ?? bureauOf(link?.code ?? code),
        status,
        crossKinds: cross,
        stable: cross.length && status === 'unresolved' ? rng.chance(0.6) : null,
        statusNote:
          status === 'resolved'
            ? '已化解，当事人息诉罢访'
            : status === 'unresolved'
              ? '落实稳控措施，持续做工作'
              : null,
        resolvedAt: status === 'resolved' ? new Date(createdAt.getTime() + rng.int(1, 4) * DAY) : null,
        createdBy: leader?.id ?? null,
        createdAt,
        updatedAt: now,
      });
    }
    await tx.insert(campaignEntries).values(rows);

    // ---- Key projects of the year: the province's four, 南京市's one; milestones by quarter.
    const ownerOf = (p: (typeof PROJECTS)[number]) => (p.county ? gulou : p.city ? nanjing : province);
    const depts = await tx
      .select({ id: units.id, code: units.jurisdictionCode })
      .from(units)
      .where(
        and(eq(units.deptKey, 'zhujian'), inArray(units.jurisdictionCode, ['320000', '320100', '320106'])),
      );
    let overdueGiven = false;
    let made = 0;
    for (const p of PROJECTS) {
      const b = ownerOf(p);
      const owner = p.owner ? depts.find((d) => d.code === b?.code) : b;
      if (!b || !owner) continue;
      made++;
      const [row] = await tx
        .insert(projects)
        .values({
          bureauUnitId: b.id,
          jurisdictionCode: b.code,
          year,
          title: p.title,
          goal: p.goal,
          leadLeader: p.leader,
          ownerUnitId: owner.id,
          createdBy: leader?.id ?? null,
          createdAt: new Date(`${year}-01-15T02:00:00Z`),
          updatedAt: now,
        })
        .returning({ id: projects.id });
      if (!row) continue;
      const dues = [`${year}-03-31`, `${year}-08-31`, `${year}-12-31`];
      for (const [k, title] of p.milestones.entries()) {
        // Past milestones are done — except one, overdue on purpose (the 越级访 project's second, due
        // 20 days ago whatever the date).
        const overdue = !overdueGiven && p.title === '进京越级访专项整治' && k === 1;
        const due = overdue ? shanghaiDate(new Date(now.getTime() - 20 * DAY)) : (dues[k] ?? `${year}-12-31`);
        if (overdue) overdueGiven = true;
        const done = due < today && !overdue;
        const doneDate = done
          ? shanghaiDate(new Date(Date.parse(`${due}T00:00:00Z`) - rng.int(1, 10) * DAY))
          : null;
        const [m] = await tx
          .insert(projectMilestones)
          .values({
            projectId: row.id,
            title,
            ownerName: p.owner
              ? k === 0
                ? '信访工作办公室'
                : '各责任科室'
              : k === 2
                ? '各设区市信访局'
                : '办公室',
            dueDate: due,
            doneDate,
            evidence: done ? `${title}已完成，材料已归档` : null,
            createdBy: leader?.id ?? null,
            createdAt: new Date(`${year}-01-15T02:00:00Z`),
          })
          .returning({ id: projectMilestones.id });
        if (m && doneDate)
          await tx.insert(projectProgress).values({
            projectId: row.id,
            milestoneId: m.id,
            note: `完成节点：${title}`,
            userId: leader?.id ?? null,
            at: new Date(`${doneDate}T08:00:00Z`),
          });
      }
    }
    w.audit({
      action: 'seed.campaigns',
      entity: 'installation',
      summary: { entries: rows.length, projects: made },
    });
    return { entries: rows.length, projects: made };
  });
}
