// What 预警 contributes to the daily monitoring (src/monitoring/registry.ts): high-level and
// extreme-risk warnings of the scope not yet acknowledged (签收). Titles carry no personal data.
import { and, count, desc, eq, inArray, isNull, like, or } from 'drizzle-orm';
import { cases, warnings } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { daysBetween } from '../domain/monitoring/sources.ts';
import type { SourceCollector } from '../monitoring/types.ts';

export const unacknowledgedWarnings: SourceCollector = async (q) => {
  const where = and(
    like(warnings.jurisdictionCode, `${q.prefix}%`),
    isNull(warnings.acknowledgedAt),
    or(eq(warnings.level, 'high'), eq(warnings.kind, 'extreme_risk')),
  );
  const [c] = await q.exec.select({ n: count() }).from(warnings).where(where);
  const total = Number(c?.n ?? 0);
  if (total === 0 || q.limit === 0) return { total, items: [] };
  const rows = await q.exec
    .select({
      id: warnings.id,
      title: warnings.title,
      caseIds: warnings.caseIds,
      createdAt: warnings.createdAt,
    })
    .from(warnings)
    .where(where)
    .orderBy(desc(warnings.createdAt), desc(warnings.id))
    .limit(q.limit);
  const firstIds = [...new Set(rows.flatMap((r) => r.caseIds.slice(0, 1)))];
  const numbers = new Map(
    firstIds.length
      ? (
          await q.exec
            .select({ id: cases.id, caseNumber: cases.caseNumber })
            .from(cases)
            .where(inArray(cases.id, firstIds))
        ).map((r) => [r.id, r.caseNumber])
      : [],
  );
  return {
    total,
    items: rows.map((r) => {
      const caseId = r.caseIds[0] ?? null;
      return {
        key: `warning:${r.id}`,
        title: r.title,
        caseId: caseId !== null && numbers.has(caseId) ? caseId : null,
        caseNumber: caseId !== null ? (numbers.get(caseId) ?? null) : null,
        unit: null,
        days: daysBetween(shanghaiDate(r.createdAt), q.today),
        daysLabel: '发出天数',
        action: { label: '去签收', path: `/warnings?focus=${r.id}` },
      };
    }),
  };
};
