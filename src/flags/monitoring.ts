// What the flags contribute to the daily monitoring (src/monitoring/registry.ts): upward reports of
// 重大紧急 matters made to a bureau of the scope and not yet acknowledged (重大紧急上报未签收), oldest
// first. Matters kept from the viewing unit (回避) are left out.
import { and, asc, count, eq, isNull, like } from 'drizzle-orm';
import { cases, flagReports, units } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { daysBetween } from '../domain/monitoring/sources.ts';
import type { SourceCollector } from '../monitoring/types.ts';
import { notHiddenFrom } from '../policies/index.ts';

export const pendingFlagReports: SourceCollector = async (q) => {
  const r = flagReports;
  const where = and(
    isNull(r.acknowledgedAt),
    like(r.jurisdictionCode, `${q.prefix}%`),
    q.viewerUnitId === null ? undefined : notHiddenFrom(q.viewerUnitId),
  );
  const [c] = await q.exec
    .select({ n: count() })
    .from(r)
    .innerJoin(cases, eq(cases.id, r.caseId))
    .where(where);
  const total = Number(c?.n ?? 0);
  if (total === 0 || q.limit === 0) return { total, items: [] };
  const rows = await q.exec
    .select({
      id: r.id,
      caseId: r.caseId,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      reportedAt: r.reportedAt,
      unit: units.name,
    })
    .from(r)
    .innerJoin(cases, eq(cases.id, r.caseId))
    .innerJoin(units, eq(units.id, r.fromUnitId))
    .where(where)
    .orderBy(asc(r.reportedAt), asc(r.id))
    .limit(q.limit);
  return {
    total,
    items: rows.map((x) => ({
      key: `flag-report:${x.id}`,
      title: `重大紧急：${x.subject}`,
      caseId: x.caseId,
      caseNumber: x.caseNumber,
      unit: x.unit,
      days: daysBetween(shanghaiDate(x.reportedAt), q.today),
      daysLabel: '上报天数',
      action: { label: '打开信访件', path: `/cases/${x.caseId}` },
    })),
  };
};
