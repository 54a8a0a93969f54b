// What 督查督办 contributes to the daily monitoring (src/monitoring/registry.ts): orders still
// waiting for the unit's feedback after their deadline (督办逾期未反馈), longest overdue first.
import { and, asc, count, eq, like, lt } from 'drizzle-orm';
import { cases, supervisionOrders, units } from '../db/schema.ts';
import { daysBetween } from '../domain/monitoring/sources.ts';
import { ESCALATION_NAMES, ORDER_TYPE_RULES, type OrderType } from '../domain/supervision/orders.ts';
import type { SourceCollector } from '../monitoring/types.ts';

export const overdueOrders: SourceCollector = async (q) => {
  const o = supervisionOrders;
  const where = and(
    eq(o.status, 'issued'),
    lt(o.deadline, q.today),
    like(o.jurisdictionCode, `${q.prefix}%`),
  );
  const [c] = await q.exec.select({ n: count() }).from(o).where(where);
  const total = Number(c?.n ?? 0);
  if (total === 0 || q.limit === 0) return { total, items: [] };
  const rows = await q.exec
    .select({
      id: o.id,
      type: o.type,
      deadline: o.deadline,
      level: o.escalationLevel,
      caseId: o.caseId,
      caseNumber: cases.caseNumber,
      unit: units.name,
    })
    .from(o)
    .innerJoin(units, eq(units.id, o.unitId))
    .leftJoin(cases, eq(cases.id, o.caseId))
    .where(where)
    .orderBy(asc(o.deadline), asc(o.id))
    .limit(q.limit);
  return {
    total,
    items: rows.map((r) => {
      const type = ORDER_TYPE_RULES[r.type as OrderType]?.name ?? r.type;
      const step = ESCALATION_NAMES[r.level];
      return {
        key: `order:${r.id}`,
        title: `${type}逾期未反馈${step ? `（${step}）` : ''}`,
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        unit: r.unit,
        days: daysBetween(r.deadline, q.today),
        daysLabel: '逾期天数',
        action: { label: '打开督办单', path: `/supervision/${r.id}` },
      };
    }),
  };
};
