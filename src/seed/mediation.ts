// Demo data of 访调对接 and 专家库, so the pages and the case page have content on first start:
// mediation bodies of 鼓楼区 and 南京市 (人民调解、行政调解、诉调对接); experts of the province, the
// city and the district (one of 鼓楼区住建局, to show 回避); and on the seeded matters of 鼓楼区: a
// referral still being mediated (one session), one with an agreement waiting to settle the matter,
// one without agreement (back to handling), one that settled a matter (its 调解和解 event), a
// lawyer's part and a counsellor's part, and two experts' opinions. Deterministic; does nothing when
// bodies exist already or the demo units are missing.
import { and, asc, eq, inArray, isNotNull, like, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import {
  caseEvents,
  caseInterventions,
  cases,
  expertAssignments,
  experts,
  mediationBodies,
  mediationReferrals,
  mediationSessions,
  units,
  users,
} from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { EXPERT_EVENTS } from '../domain/experts/experts.ts';
import { agreementNumber, INTERVENTION_NAMES, MEDIATION_EVENTS } from '../domain/mediation/referrals.ts';
import { referMatter } from '../mediation/commands.ts';
import { demoActor } from './linkage.ts';
import { dateDaysAgo, officeTimeAgo } from './officeTime.ts';

const DAY = 86_400_000;

export async function seedMediation(ctx: AppContext, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const ago = (d: number) => officeTimeAgo(now, d);
  const dateAgo = (d: number) => dateDaysAgo(now, d);
  return runCommand(ctx, async (w) => {
    const tx = w.tx;
    const [any] = await tx.select({ id: mediationBodies.id }).from(mediationBodies).limit(1);
    if (any) return 0;
    const unitRows = await tx
      .select()
      .from(units)
      .where(inArray(units.jurisdictionCode, ['320106', '320100']));
    const unit = (code: string, dept: string) =>
      unitRows.find((u) => u.jurisdictionCode === code && u.deptKey === dept);
    const gulou = unit('320106', 'xinfang');
    const zhujian = unit('320106', 'zhujian');
    const renshe = unit('320106', 'renshe');
    const weijian = unit('320100', 'weijian');
    if (!gulou || !zhujian) return 0;
    const staff = await tx
      .select({ id: users.id, name: users.displayName, role: users.role, unitId: users.unitId })
      .from(users)
      .where(inArray(users.unitId, [gulou.id, zhujian.id]));
    const nanjing = unit('320100', 'xinfang');
    if (!nanjing) return 0;
    const more = await tx
      .select({ id: users.id, name: users.displayName, role: users.role, unitId: users.unitId })
      .from(users)
      .where(eq(users.unitId, nanjing.id));
    const handler = staff.find((u) => u.unitId === zhujian.id && u.role === 'handler');
    const supervisor = staff.find((u) => u.unitId === gulou.id && u.role === 'supervisor');
    const njSupervisor = more.find((u) => u.role === 'supervisor');
    if (!handler || !supervisor || !njSupervisor) return 0;
    type Staff = typeof handler;

    const bodies = await tx
      .insert(mediationBodies)
      .values([
        {
          kind: 'people',
          name: '鼓楼区人民调解委员会',
          jurisdictionCode: '320106',
          address: '南京市鼓楼区中山北路101号',
          phone: '025-83201101',
        },
        {
          kind: 'administrative',
          name: '鼓楼区住房和城乡建设局行政调解委员会',
          jurisdictionCode: '320106',
          hostUnitId: zhujian.id,
          phone: '025-83201102',
        },
        {
          kind: 'judicial',
          name: '鼓楼区人民法院诉调对接中心',
          jurisdictionCode: '320106',
          address: '南京市鼓楼区福建路5号',
          phone: '025-83201103',
        },
        { kind: 'people', name: '南京市人民调解委员会', jurisdictionCode: '320100', phone: '025-83100001' },
        {
          kind: 'people',
          name: '南京市医疗纠纷人民调解委员会',
          jurisdictionCode: '320100',
          hostUnitId: weijian?.id ?? null,
          phone: '025-83100002',
        },
      ])
      .returning({ id: mediationBodies.id, name: mediationBodies.name });
    const body = (name: string) => bodies.find((b) => b.name === name)?.id as number;

    const ex = await tx
      .insert(experts)
      .values([
        {
          name: '周明远',
          field: 'law',
          level: 'province',
          title: '教授',
          affiliation: '南京大学法学院',
          jurisdictionCode: '320000',
          expertise: '行政法、信访法治',
        },
        {
          name: '吴建华',
          field: 'land',
          level: 'city',
          title: '研究员',
          affiliation: '南京市国土资源研究中心',
          jurisdictionCode: '320100',
          expertise: '征地补偿、房屋征收',
        },
        {
          name: '郑秀英',
          field: 'social_security',
          level: 'city',
          title: '高级经济师',
          affiliation: '南京市社会保险研究会',
          jurisdictionCode: '320100',
          availability: 'busy',
        },
        {
          name: '冯立新',
          field: 'health',
          level: 'city',
          title: '主任医师',
          affiliation: '南京市第一医院',
          jurisdictionCode: '320100',
          expertise: '医疗纠纷鉴定',
        },
        {
          name: '钱国栋',
          field: 'construction',
          level: 'county',
          title: '高级工程师',
          unitId: zhujian.id,
          affiliation: zhujian.name,
          jurisdictionCode: '320106',
          expertise: '房屋质量、物业管理',
        },
        {
          name: '陈静',
          field: 'law',
          level: 'county',
          title: '律师',
          affiliation: '江苏金陵律师事务所',
          jurisdictionCode: '320106',
          expertise: '物业纠纷、劳动争议',
        },
        {
          name: '林晓',
          field: 'psychology',
          level: 'county',
          title: '国家二级心理咨询师',
          affiliation: '鼓楼区心理援助中心',
          jurisdictionCode: '320106',
        },
        {
          name: '孙卫东',
          field: 'labour',
          level: 'county',
          title: '仲裁员',
          unitId: renshe?.id ?? null,
          affiliation: renshe?.name ?? '鼓楼区人社局',
          jurisdictionCode: '320106',
          availability: 'unavailable',
        },
      ])
      .returning({ id: experts.id, name: experts.name });
    const expert = (name: string) => ex.find((e) => e.name === name)?.id as number;

    // Matters of 南京市 being handled: 鼓楼区住建局's first, then others of 鼓楼区, then of the city.
    const open = await tx
      .select({ id: cases.id, jurisdictionCode: cases.jurisdictionCode, currentUnitId: cases.currentUnitId })
      .from(cases)
      .where(
        and(
          like(cases.jurisdictionCode, '3201%'),
          isNotNull(cases.currentUnitId),
          inArray(cases.state, ['handling', 'accepted']),
        ),
      )
      .orderBy(
        sql`(${cases.currentUnitId} = ${zhujian.id}) desc`,
        sql`(${cases.jurisdictionCode} like '320106%') desc`,
        asc(cases.id),
      )
      .limit(4);
    /** Who refers a matter, and to which body: 鼓楼区住建局's handler its own, the bureaus the others. */
    const sideOf = (k: { jurisdictionCode: string; currentUnitId: number | null }) => {
      const own = k.jurisdictionCode.startsWith('320106');
      const by: Staff = k.currentUnitId === zhujian.id ? handler : own ? supervisor : njSupervisor;
      return {
        by,
        bureau: own ? { unit: gulou, by: supervisor } : { unit: nanjing, by: njSupervisor },
        body: own ? '鼓楼区人民调解委员会' : '南京市人民调解委员会',
      };
    };
    const [settledCase] = await tx
      .select({
        id: cases.id,
        jurisdictionCode: cases.jurisdictionCode,
        assignedUnitId: cases.assignedUnitId,
      })
      .from(cases)
      .where(
        and(
          like(cases.jurisdictionCode, '320106%'),
          eq(cases.outcome, 'settled:mediation'),
          isNotNull(cases.closedAt),
        ),
      )
      .orderBy(sql`(${cases.jurisdictionCode} like '320106%') desc`, asc(cases.id))
      .limit(1);
    const entry = (step: string, label: string, at: Date, text: string, by: string) => ({
      step,
      label,
      at: at.toISOString(),
      by,
      text,
    });
    const event = (
      caseId: number,
      at: Date,
      action: string,
      detail: Record<string, unknown>,
      by = handler,
    ) => ({
      caseId,
      at,
      action,
      actorUserId: by.id,
      actorRole: by.role,
      actorUnitId: by.unitId,
      detail,
      public: false,
    });
    const year = Number(shanghaiDate(now).slice(0, 4));
    let seq = 0;
    let count = 0;
    const refer = async (
      k: { id: number; jurisdictionCode: string; currentUnitId: number | null },
      referredDaysAgo: number,
      status: string,
      more: Partial<typeof mediationReferrals.$inferInsert>,
      history: (by: Staff) => ReturnType<typeof entry>[],
    ) => {
      const caseId = k.id;
      const side = sideOf(k);
      const at = ago(referredDaysAgo);
      const [r] = await tx
        .insert(mediationReferrals)
        .values({
          caseId,
          bodyId: body(side.body),
          jurisdictionCode: k.jurisdictionCode,
          scope: 'whole',
          reason: '信访人与相对方之间的民间纠纷，经双方同意，移交人民调解。',
          deadline: shanghaiDate(new Date(at.getTime() + 30 * DAY)),
          mediator: '王建国',
          status,
          referringUnitId: side.by.unitId as number,
          handlingUnitId: k.currentUnitId,
          referredBy: side.by.id,
          referredAt: at,
          history: [
            entry('refer', '移交调解', at, `整体事项移交${side.body}`, side.by.name),
            ...history(side.by),
          ],
          createdAt: at,
          updatedAt: now,
          ...more,
        })
        .returning({ id: mediationReferrals.id });
      count++;
      await tx.insert(caseEvents).values(
        event(caseId, at, MEDIATION_EVENTS.refer.event, {
          referralId: r?.id,
          body: '鼓楼区人民调解委员会',
          kind: '人民调解',
          scope: '整体移交',
        }),
      );
      await tx.insert(mediationSessions).values({
        referralId: r?.id as number,
        date: shanghaiDate(new Date(at.getTime() + 3 * DAY)),
        place: `${side.body}调解室`,
        attendeesEnc: ctx.pii.encrypt(
          JSON.stringify([
            { name: '刘志强', role: '相对方代表' },
            { name: '王建国', role: '调解员' },
          ]),
        ),
        notes: '调解员听取双方陈述，释明相关法律规定，双方就主要争议交换意见。',
        recordedBy: side.by.id,
      });
      return { id: r?.id as number, by: side.by };
    };
    const [a, b, c, d] = open;
    if (a) await refer(a, 5, 'referred', {}, () => []);
    if (b) {
      const n = agreementNumber(year, ++seq);
      const r = await refer(
        b,
        20,
        'agreement',
        {
          agreementTerms:
            '一、相对方于十五日内完成维修并承担相关费用；\n二、信访人对处理结果无异议，不再就此事项信访。',
          agreementYear: year,
          agreementSeq: seq,
          concludedAt: ago(2),
        },
        (by) => [entry('record_agreement', '达成调解协议', ago(2), `达成调解协议 ${n}`, by.name)],
      );
      await tx
        .update(mediationReferrals)
        .set({ concludedBy: r.by.id })
        .where(eq(mediationReferrals.id, r.id));
      await tx
        .insert(caseEvents)
        .values(
          event(
            b.id,
            ago(2),
            MEDIATION_EVENTS.record_agreement.event,
            { agreementNumber: n, scope: '整体移交' },
            r.by,
          ),
        );
    }
    if (c) {
      const reason = '双方对赔偿数额分歧较大，未能达成一致';
      const r = await refer(c, 25, 'no_agreement', { outcomeNote: reason, concludedAt: ago(10) }, (by) => [
        entry('record_no_agreement', '调解不成', ago(10), `调解不成：${reason}`, by.name),
      ]);
      await tx
        .update(mediationReferrals)
        .set({ concludedBy: r.by.id })
        .where(eq(mediationReferrals.id, r.id));
      await tx
        .insert(caseEvents)
        .values(event(c.id, ago(10), MEDIATION_EVENTS.record_no_agreement.event, { reason }, r.by));
    }
    if (settledCase) {
      const [settle] = await tx
        .select({ id: caseEvents.id, at: caseEvents.at })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, settledCase.id), eq(caseEvents.action, 'settle')))
        .limit(1);
      if (settle) {
        const referred = new Date(settle.at.getTime() - 12 * DAY);
        const agreed = new Date(settle.at.getTime() - DAY);
        const y = Number(shanghaiDate(agreed).slice(0, 4));
        const n = agreementNumber(y, ++seq);
        await refer(
          {
            id: settledCase.id,
            jurisdictionCode: settledCase.jurisdictionCode,
            currentUnitId: settledCase.assignedUnitId,
          },
          (now.getTime() - referred.getTime()) / DAY,
          'settled',
          {
            agreementTerms: '双方自愿达成协议，相对方一次性补偿信访人相关损失。',
            agreementYear: y,
            agreementSeq: seq,
            concludedAt: agreed,
            settledEventId: settle.id,
          },
          (by) => [
            entry('record_agreement', '达成调解协议', agreed, `达成调解协议 ${n}`, by.name),
            entry('settle_case', '据协议办结', settle.at, '信访事项已按调解协议办结（调解和解）', by.name),
          ],
        );
      }
    }
    // Third parties on the first two matters.
    const part = (
      k: (typeof open)[number],
      kind: 'lawyer' | 'counselling',
      provider: string,
      organization: string,
      daysAgo: number,
      activity: string,
      result: string,
    ) => ({ k, kind, provider, organization, daysAgo, activity, result });
    const parts = [
      ...(a
        ? [
            part(
              a,
              'lawyer',
              '陈静',
              '江苏金陵律师事务所',
              4,
              '参与接待，向信访人解释物业服务合同相关法律规定。',
              '信访人同意通过调解解决。',
            ),
          ]
        : []),
      ...(b
        ? [
            part(
              b,
              'counselling',
              '林晓',
              '鼓楼区心理援助中心',
              15,
              '对情绪激动的信访人进行心理疏导一次。',
              '信访人情绪平稳，愿意参加调解。',
            ),
          ]
        : []),
    ];
    for (const p of parts) {
      const by = sideOf(p.k).by;
      await tx.insert(caseInterventions).values({
        caseId: p.k.id,
        kind: p.kind,
        provider: p.provider,
        organization: p.organization,
        date: dateAgo(p.daysAgo),
        activity: p.activity,
        result: p.result,
        recordedBy: by.id,
        recordingUnitId: by.unitId,
        createdAt: ago(p.daysAgo),
      });
      await tx.insert(caseEvents).values(
        event(
          p.k.id,
          ago(p.daysAgo),
          MEDIATION_EVENTS.intervention.event,
          {
            kind: INTERVENTION_NAMES[p.kind],
            provider: p.provider,
            result: p.result,
          },
          by,
        ),
      );
    }
    // Experts: an opinion given on one matter, one waiting on another (assigned by the bureau).
    const assign = async (
      k: (typeof open)[number],
      name: string,
      question: string,
      opinion: string | null,
      daysAgo: number,
    ) => {
      const { unit: bureau, by } = sideOf(k).bureau;
      const at = ago(daysAgo);
      await tx.insert(expertAssignments).values({
        expertId: expert(name),
        caseId: k.id,
        jurisdictionCode: k.jurisdictionCode,
        purpose: 'consult',
        question,
        status: opinion ? 'opinion_filed' : 'assigned',
        assigningUnitId: bureau.id,
        assignedBy: by.id,
        assignedAt: at,
        opinion,
        opinionDate: opinion ? dateAgo(daysAgo - 3) : null,
        opinionRecordedBy: opinion ? by.id : null,
        opinionAt: opinion ? ago(daysAgo - 3) : null,
        createdAt: at,
        updatedAt: now,
      });
      await tx
        .insert(caseEvents)
        .values(
          event(
            k.id,
            at,
            EXPERT_EVENTS.assign.event,
            { expert: name, purpose: '疑难事项会商研判', question },
            by,
          ),
        );
      if (opinion)
        await tx
          .insert(caseEvents)
          .values(
            event(
              k.id,
              ago(daysAgo - 3),
              EXPERT_EVENTS.opinion.event,
              { expert: name, expertOpinion: opinion },
              by,
            ),
          );
    };
    if (c)
      await assign(
        c,
        '陈静',
        '相对方应承担的赔偿责任如何认定？',
        '依据《民法典》相关规定，相对方对损失负有主要责任，建议按实际损失的七成予以补偿。',
        8,
      );
    if (d) await assign(d, '周明远', '该事项是否属于应通过法定途径解决的事项？', null, 2);
    return count;
  });
}

/** The administrative mediation committees the city's and the province's 住建 host. */
const DEPARTMENT_BODIES = [
  { username: 'nj_handler', name: '南京市住房保障和房产局行政调解委员会', phone: '025-83100031' },
  { username: 'js_handler', name: '江苏省住房和城乡建设厅行政调解委员会', phone: '025-51868001' },
] as const;

/**
 * 访调对接 by a department: the city's and the province's 住建 each refer a matter they are
 * handling to the administrative mediation committee they host, through the command (as the
 * holding unit's handler may: policies/mediation.ts refer). Runs after the upper desks have matters
 * (seedDemoDesks); does nothing for a unit whose committee exists already.
 */
export async function seedDepartmentMediation(ctx: AppContext, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  let made = 0;
  for (const d of DEPARTMENT_BODIES) {
    const actor = await demoActor(ctx, d.username);
    if (!actor?.unitId || !actor.jurisdictionCode) continue;
    const [exists] = await ctx.db
      .select({ id: mediationBodies.id })
      .from(mediationBodies)
      .where(eq(mediationBodies.hostUnitId, actor.unitId));
    if (exists) continue;
    const [k] = await ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.currentUnitId, actor.unitId), eq(cases.state, 'handling')))
      .orderBy(asc(cases.id))
      .limit(1);
    if (!k) continue;
    const [body] = await ctx.db
      .insert(mediationBodies)
      .values({
        kind: 'administrative',
        name: d.name,
        jurisdictionCode: actor.jurisdictionCode,
        hostUnitId: actor.unitId,
        phone: d.phone,
      })
      .returning({ id: mediationBodies.id });
    if (!body) continue;
    await referMatter(ctx, actor, {
      caseId: k.id,
      bodyId: body.id,
      scope: 'whole',
      reason: '双方对维修责任和费用分担争议较大，适宜由行政调解委员会组织调解。',
      deadline: shanghaiDate(new Date(now.getTime() + 30 * DAY)),
      mediator: '调解委员会专职调解员',
    });
    made++;
  }
  return made;
}
