// Monitoring sources of the cases' duty clocks: 办理超期 (due date passed, not ended) and 即将到期
// (due within the jurisdiction's `nearDueDays`). `cases.due_at` is the running duty clock's due
// instant (src/domain/lifecycle/clocks), kept by every action and the daily sweep.
import { and, asc, count, eq, gte, like, lt, lte, notInArray, type SQL } from 'drizzle-orm';
import { cases, units } from '../db/schema.ts';
import { endOfShanghaiDay, shanghaiDate } from '../domain/deadlines/index.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { daysBetween } from '../domain/monitoring/sources.ts';
import { notHiddenFrom } from '../policies/index.ts';
import type { SourceCollector, SourceQuery, SourceResult } from './types.ts';

async function casesWhere(q: SourceQuery, due: SQL, kind: 'overdue' | 'near'): Promise<SourceResult> {
  const where = and(
    like(cases.jurisdictionCode, `${q.prefix}%`),
    notInArray(cases.state, [...TERMINAL_STATES]),
    due,
    q.viewerUnitId === null ? undefined : notHiddenFrom(q.viewerUnitId),
  );
  const [c] = await q.exec.select({ n: count() }).from(cases).where(where);
  const total = Number(c?.n ?? 0);
  if (total === 0 || q.limit === 0) return { total, items: [] };
  const rows = await q.exec
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      dueAt: cases.dueAt,
      unit: units.name,
    })
    .from(cases)
    .leftJoin(units, eq(units.id, cases.currentUnitId))
    .where(where)
    .orderBy(asc(cases.dueAt), asc(cases.id))
    .limit(q.limit);
  return {
    total,
    items: rows.map((r) => {
      const d = r.dueAt ? daysBetween(shanghaiDate(r.dueAt), q.today) : null;
      return {
        key: `case:${r.id}`,
        title: r.subject,
        caseId: r.id,
        caseNumber: r.caseNumber,
        unit: r.unit,
        days: d === null ? null : Math.abs(d),
        daysLabel: kind === 'overdue' ? '超期天数' : '剩余天数',
        action: { label: '打开信访件', path: `/cases/${r.id}` },
      };
    }),
  };
}

export const overdueCases: SourceCollector = (q) => casesWhere(q, lt(cases.dueAt, q.now), 'overdue');

export const nearDueCases: SourceCollector = (q) => {
  const days = q.thresholds.nearDueDays ?? 3;
  const until = endOfShanghaiDay(shanghaiDate(new Date(q.now.getTime() + days * 86_400_000)));
  return casesWhere(q, and(gte(cases.dueAt, q.now), lte(cases.dueAt, until)) as SQL, 'near');
};
