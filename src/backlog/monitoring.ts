// What 积案 contributes to the daily monitoring (src/monitoring/registry.ts): matters being worked
// (化解中) with no progress for the jurisdiction's `stalledDays`, and the candidates the daily pass
// found within `candidateHours`.
import { and, count, desc, eq, gte, like, sql } from 'drizzle-orm';
import { backlogMatters, backlogProgress, cases, units } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { daysBetween } from '../domain/monitoring/sources.ts';
import type { SourceCollector } from '../monitoring/types.ts';

const DAY = 86_400_000;

/** 积案久无进展: the latest progress (or 认定 when none) is older than the matter's place allows. */
export const stalledMatters: SourceCollector = async (q) => {
  // greatest() skips nulls: the latest of progress, 认定 and creation.
  const last = sql`greatest((select max(p.at) from ${backlogProgress} p where p.matter_id = ${backlogMatters.id}),
    ${backlogMatters.identifiedAt}, ${backlogMatters.createdAt})`;
  const rows = await q.exec
    .select({
      id: backlogMatters.id,
      caseId: backlogMatters.caseId,
      code: backlogMatters.jurisdictionCode,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      unit: units.name,
      lastMs: sql<number>`(extract(epoch from ${last}) * 1000)::float8`,
    })
    .from(backlogMatters)
    .innerJoin(cases, eq(cases.id, backlogMatters.caseId))
    .leftJoin(units, eq(units.id, backlogMatters.responsibleUnitId))
    .where(
      and(
        eq(backlogMatters.status, 'identified'),
        like(backlogMatters.jurisdictionCode, `${q.prefix}%`),
        sql`${last} < ${new Date(q.now.getTime() - 3 * DAY).toISOString()}::timestamptz`,
      ),
    );
  const stalled = rows
    .map((r) => ({ ...r, days: daysBetween(shanghaiDate(new Date(Number(r.lastMs))), q.today) }))
    .filter((r) => r.days >= (q.thresholdsOf(r.code).stalledDays ?? 15))
    .sort((a, b) => b.days - a.days || a.id - b.id);
  return {
    total: stalled.length,
    items: stalled.slice(0, q.limit).map((r) => ({
      key: `backlog:${r.id}`,
      title: r.subject,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      unit: r.unit,
      days: r.days,
      daysLabel: '无进展天数',
      action: { label: '打开积案', path: `/backlog/${r.id}` },
    })),
  };
};

/** 新增积案候选: candidates added by the daily pass within the last `candidateHours`. */
export const newCandidates: SourceCollector = async (q) => {
  const since = new Date(q.now.getTime() - (q.thresholds.candidateHours ?? 24) * 3_600_000);
  const where = and(
    eq(backlogMatters.status, 'candidate'),
    like(backlogMatters.jurisdictionCode, `${q.prefix}%`),
    gte(backlogMatters.createdAt, since),
  );
  const [c] = await q.exec.select({ n: count() }).from(backlogMatters).where(where);
  const total = Number(c?.n ?? 0);
  if (total === 0 || q.limit === 0) return { total, items: [] };
  const rows = await q.exec
    .select({
      id: backlogMatters.id,
      caseId: backlogMatters.caseId,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      createdAt: backlogMatters.createdAt,
      unit: units.name,
    })
    .from(backlogMatters)
    .innerJoin(cases, eq(cases.id, backlogMatters.caseId))
    .leftJoin(units, eq(units.id, cases.currentUnitId))
    .where(where)
    .orderBy(desc(backlogMatters.createdAt), desc(backlogMatters.id))
    .limit(q.limit);
  return {
    total,
    items: rows.map((r) => ({
      key: `backlog:${r.id}`,
      title: r.subject,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      unit: r.unit,
      days: daysBetween(shanghaiDate(r.createdAt), q.today),
      daysLabel: '发现天数',
      action: { label: '打开积案', path: `/backlog/${r.id}` },
    })),
  };
};
