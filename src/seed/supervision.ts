// Demo supervision orders (督查督办) for the seeded cases, so the list, an order's page and the case
// page have content on first start: 鼓楼区信访局 raised a 书面督办 on an open matter that is overdue,
// reminded and escalated (已升级); a 网上督办 whose unit has filed feedback (待审核); a 实地督查 on
// 鼓楼区住建局 that was closed on time; and 南京市信访局 a 约谈 waiting for feedback. Deterministic;
// does nothing when orders exist already or the demo accounts are missing.
import { and, asc, inArray, isNotNull, like, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, cases, supervisionOrders, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { letterNumber, ORDER_TYPE_RULES, type OrderType } from '../domain/supervision/orders.ts';
import { SUPERVISION_EVENTS, type SupervisionStep } from '../domain/supervision/timeline.ts';
import { dateDaysAgo, officeTimeAgo } from './officeTime.ts';

export async function seedSupervision(ctx: AppContext, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const ago = (d: number) => officeTimeAgo(now, d);
  const dateAgo = (d: number) => dateDaysAgo(now, d);
  return runCommand(ctx, async (w) => {
    const tx = w.tx;
    const [any] = await tx.select({ id: supervisionOrders.id }).from(supervisionOrders).limit(1);
    if (any) return 0;
    const unitRows = await tx
      .select()
      .from(units)
      .where(inArray(units.jurisdictionCode, ['320106', '320100']));
    const unit = (code: string, dept: string) =>
      unitRows.find((u) => u.jurisdictionCode === code && u.deptKey === dept);
    const gulou = unit('320106', 'xinfang');
    const nanjing = unit('320100', 'xinfang');
    const zhujian = unit('320106', 'zhujian');
    if (!gulou || !nanjing || !zhujian) return 0;
    const staff = await tx
      .select({ id: users.id, name: users.displayName, role: users.role, unitId: users.unitId })
      .from(users)
      .where(inArray(users.unitId, [gulou.id, nanjing.id, zhujian.id]));
    const userOf = (unitId: number, role: string) =>
      staff.find((u) => u.unitId === unitId && u.role === role);
    const glSupervisor = userOf(gulou.id, 'supervisor');
    const njSupervisor = userOf(nanjing.id, 'supervisor');
    const handler = userOf(zhujian.id, 'handler');
    if (!glSupervisor || !njSupervisor) return 0;
    // Matters being handled (交办 to a unit), 鼓楼区住建局's first, then others of 鼓楼区, then of
    // 南京市 (raised by the city bureau then).
    const open = await tx
      .select({
        id: cases.id,
        assignedUnitId: cases.assignedUnitId,
        subject: cases.subject,
        jurisdictionCode: cases.jurisdictionCode,
      })
      .from(cases)
      .where(
        and(
          like(cases.jurisdictionCode, '3201%'),
          isNotNull(cases.assignedUnitId),
          inArray(cases.state, ['handling', 'extension_pending']),
        ),
      )
      .orderBy(
        sql`(${cases.assignedUnitId} = ${zhujian.id}) desc`,
        sql`(${cases.jurisdictionCode} like '320106%') desc`,
        asc(cases.id),
      )
      .limit(2);
    const entry = (step: string, label: string, at: Date, by: string | null, text: string) => ({
      step,
      label,
      at: at.toISOString(),
      by,
      text,
    });
    const year = Number(shanghaiDate(now).slice(0, 4));
    const seqs = new Map<number, number>();
    const nextSeq = (unitId: number) => {
      const n = (seqs.get(unitId) ?? 0) + 1;
      seqs.set(unitId, n);
      return n;
    };
    const orders: (typeof supervisionOrders.$inferInsert)[] = [];
    const base = (type: OrderType, raisedDaysAgo: number, deadlineDaysAgo: number) => ({
      type,
      unitId: zhujian.id,
      jurisdictionCode: '320106',
      status: 'issued',
      raisingUnitId: gulou.id,
      raisedBy: glSupervisor.id,
      raisedAt: ago(raisedDaysAgo),
      deadline: dateAgo(deadlineDaysAgo),
      createdAt: ago(raisedDaysAgo),
      updatedAt: now,
    });
    const [first, second] = open;
    const caseUnits = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(
        inArray(
          units.id,
          open.map((c) => c.assignedUnitId as number),
        ),
      );
    const unitName = (id: number | null) => caseUnits.find((u) => u.id === id)?.name ?? '';
    /** An order on a matter goes to its unit, from 鼓楼区 for its own matters, else from 南京市. */
    const onCase = (c: (typeof open)[number]) => {
      const own = c.jurisdictionCode.startsWith('320106');
      return {
        target: 'case',
        caseId: c.id,
        unitId: c.assignedUnitId as number,
        jurisdictionCode: c.jurisdictionCode,
        raisingUnitId: own ? gulou.id : nanjing.id,
        raisedBy: own ? glSupervisor.id : njSupervisor.id,
      };
    };
    const raiserOf = (c: (typeof open)[number]) =>
      c.jurisdictionCode.startsWith('320106')
        ? { u: gulou, by: glSupervisor }
        : { u: nanjing, by: njSupervisor };
    const handlerOf = (c: (typeof open)[number]) => (c.assignedUnitId === zhujian.id ? handler : undefined);
    if (first) {
      orders.push({
        ...base('written', 30, 15),
        ...onCase(first),
        facts: `“${first.subject}”交办后已逾期未办结，信访人多次来电催问。`,
        requirements: '请查明情况，依法依规答复信访人，并报送办理结果及佐证材料。',
        escalationLevel: 2,
        remindedAt: ago(14),
        escalatedAt: ago(9),
        history: [
          entry(
            'raise',
            '书面督办',
            ago(30),
            raiserOf(first).by.name,
            `督办${unitName(first.assignedUnitId)}，${dateAgo(15)}前反馈`,
          ),
          entry('remind', '已催办', ago(14), null, `逾期未反馈，已向${unitName(first.assignedUnitId)}催办`),
          entry('escalate', '已升级', ago(9), null, `催办后仍未反馈，已报${raiserOf(first).u.name}领导督促`),
        ],
      });
    }
    if (second) {
      orders.push({
        ...base('online', 10, -5),
        ...onCase(second),
        status: 'feedback_filed',
        facts: `“${second.subject}”办理进度缓慢，请加快办理。`,
        requirements: '请说明办理进展和预计办结时间。',
        feedback: '已约见信访人了解诉求，正在会同街道核实，预计两周内答复。',
        feedbackBy: handlerOf(second)?.id ?? null,
        feedbackAt: ago(2),
        history: [
          entry(
            'raise',
            '网上督办',
            ago(10),
            raiserOf(second).by.name,
            `督办${unitName(second.assignedUnitId)}，${dateAgo(-5)}前反馈`,
          ),
          entry(
            'file_feedback',
            '报送反馈',
            ago(2),
            handlerOf(second)?.name ?? null,
            '已约见信访人了解诉求，正在核实',
          ),
        ],
      });
    }
    orders.push(
      {
        ...base('onsite', 40, 30),
        target: 'unit',
        status: 'closed',
        facts: '实地督查发现你单位信访事项办理台账不全，3件事项答复超期。',
        requirements: '完善办理台账，逐件说明超期原因并提出整改措施。',
        feedback: '已完善台账，3件超期事项均已答复，整改措施已落实。',
        feedbackAttachments: '整改报告1份',
        feedbackBy: handler?.id ?? null,
        feedbackAt: ago(32),
        closedBy: glSupervisor.id,
        closedAt: ago(29),
        history: [
          entry('raise', '实地督查', ago(40), glSupervisor.name, `督办${zhujian.name}，${dateAgo(30)}前反馈`),
          entry('file_feedback', '报送反馈', ago(32), handler?.name ?? null, '已完善台账，整改措施已落实'),
          entry('accept', '审核通过', ago(29), glSupervisor.name, '整改到位'),
        ],
      },
      {
        ...base('interview', 3, -4),
        target: 'unit',
        raisingUnitId: nanjing.id,
        raisedBy: njSupervisor.id,
        facts: '你单位近三个月重复信访事项偏多。',
        requirements: '分析重复信访原因，提出一次性化解措施。',
        history: [
          entry('raise', '约谈', ago(3), njSupervisor.name, `约谈${zhujian.name}，${dateAgo(-4)}前反馈`),
        ],
      },
    );
    for (const o of orders)
      if (ORDER_TYPE_RULES[o.type as OrderType].letter)
        Object.assign(o, { letterYear: year, letterSeq: nextSeq(o.raisingUnitId) });
    const rows = await tx.insert(supervisionOrders).values(orders).returning({
      id: supervisionOrders.id,
      caseId: supervisionOrders.caseId,
      unitId: supervisionOrders.unitId,
      history: supervisionOrders.history,
    });
    // The cases carry the 督办 flag, and the steps are on their timelines.
    const caseIds = rows.flatMap((r) => (r.caseId === null ? [] : [r.caseId]));
    if (caseIds.length) await tx.update(cases).set({ supervised: true }).where(inArray(cases.id, caseIds));
    for (const r of rows) {
      if (r.caseId === null) continue;
      for (const h of r.history as { step: SupervisionStep; at: string; text: string }[]) {
        await tx.insert(caseEvents).values({
          caseId: r.caseId,
          at: new Date(h.at),
          action: SUPERVISION_EVENTS[h.step].event,
          actorRole: h.step === 'remind' || h.step === 'escalate' ? null : 'supervisor',
          detail: { supervisionId: r.id, note: h.text, unit: unitName(r.unitId) },
          public: false,
        });
      }
    }
    w.audit({
      action: 'supervision.seed',
      entity: 'installation',
      summary: {
        orders: rows.length,
        letters: [...seqs].map(([u, n]) => ({ unitId: u, last: letterNumber(year, n) })),
      },
    });
    return rows.length;
  });
}
