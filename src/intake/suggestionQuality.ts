// 分类建议的准确程度 of a jurisdiction: the suggestions kept at intake over the last months, against
// the category each matter is filed under now (src/domain/intake/suggestionQuality.ts). Counted in
// the database by outcome — a province's year is hundreds of thousands of matters, its outcomes a
// few hundred rows. Who may read and which scope: analyticsScope (the statistics' readers).
import { and, count, eq, gte, inArray, isNotNull, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseClassifications, cases } from '../db/schema.ts';
import { type SuggestionQuality, suggestionQuality } from '../domain/intake/suggestionQuality.ts';
import { prefixOf } from '../domain/jurisdictions.ts';

const DECIDED = ['confirmed', 'changed', 'given'] as const;

export interface SuggestionQualityReport extends SuggestionQuality {
  scope: string;
  since: string;
  /** Suggestions still 待确认 (not counted above). */
  pending: number;
}

export async function suggestionQualityOf(
  db: Db,
  scope: string,
  opts: { months: number; now?: Date },
): Promise<SuggestionQualityReport> {
  const since = new Date(opts.now ?? new Date());
  since.setUTCMonth(since.getUTCMonth() - opts.months);
  const within = and(
    like(cases.jurisdictionCode, `${prefixOf(scope)}%`),
    gte(caseClassifications.suggestedAt, since),
  );
  const decile = sql<number>`least(floor(${caseClassifications.confidence} * 10), 9)::int`;
  // The filed category among the stored suggestions (top: [{ code, … }, …], at most three).
  const inTopThree = sql<boolean>`${caseClassifications.top} @> jsonb_build_array(jsonb_build_object('code', ${cases.categoryCode}))`;
  const [rows, [pending]] = await Promise.all([
    db
      .select({
        suggestedCode: caseClassifications.suggestedCode,
        finalCode: sql<string>`${cases.categoryCode}`,
        inTopThree,
        decile,
        modelVersion: caseClassifications.modelVersion,
        status: sql<(typeof DECIDED)[number]>`${caseClassifications.status}`,
        matters: count(),
        confidenceSum: sql<number>`sum(${caseClassifications.confidence})::float8`,
      })
      .from(caseClassifications)
      .innerJoin(cases, eq(cases.id, caseClassifications.caseId))
      .where(and(within, inArray(caseClassifications.status, [...DECIDED]), isNotNull(cases.categoryCode)))
      .groupBy(
        caseClassifications.suggestedCode,
        cases.categoryCode,
        inTopThree,
        decile,
        caseClassifications.modelVersion,
        caseClassifications.status,
      ),
    db
      .select({ n: count() })
      .from(caseClassifications)
      .innerJoin(cases, eq(cases.id, caseClassifications.caseId))
      .where(and(within, eq(caseClassifications.status, 'pending'))),
  ]);
  return {
    scope,
    since: since.toISOString(),
    pending: pending?.n ?? 0,
    ...suggestionQuality(
      rows.map((r) => ({ ...r, matters: Number(r.matters), confidenceSum: Number(r.confidenceSum) })),
    ),
  };
}
