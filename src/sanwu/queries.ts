// 三无县 evaluation reads: the platform's evidence of a county for a year (the counts the criteria
// of src/domain/linkage/sanwu.ts name, with the cases behind them), the evaluation records of the
// counties in a scope, one record (404 outside the scope).
import { and, asc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { cases, jurisdictions, sanwuEvaluations, warnings } from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import type { EvidenceSource } from '../domain/linkage/sanwu.ts';
import { notFound } from '../errors.ts';
import { type Actor, sanwuPolicy } from '../policies/linkage.ts';

export type EvaluationRow = typeof sanwuEvaluations.$inferSelect;
type Counted = { count: number; caseIds: number[] };

const inYear = (column: SQL | typeof cases.receivedAt, year: number) =>
  sql`${column} >= (${`${year}-01-01`}::date)::timestamp at time zone 'Asia/Shanghai'
    and ${column} < (${`${year + 1}-01-01`}::date)::timestamp at time zone 'Asia/Shanghai'`;

async function warningEvidence(exec: Executor, county: string, year: number, kind: string): Promise<Counted> {
  const rows = await exec
    .select({ caseIds: warnings.caseIds })
    .from(warnings)
    .where(
      and(
        eq(warnings.kind, kind),
        like(warnings.jurisdictionCode, `${county}%`),
        inYear(sql`${warnings.createdAt}`, year),
      ),
    );
  return { count: rows.length, caseIds: [...new Set(rows.flatMap((r) => r.caseIds))] };
}

/** What the platform counts for each evidence source of a county in a year. */
export async function platformEvidence(
  exec: Executor,
  county: string,
  year: number,
): Promise<Record<EvidenceSource, Counted>> {
  const skipping = await exec
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        like(cases.jurisdictionCode, `${county}%`),
        eq(cases.isGroup, true),
        eq(cases.skippedLevel, true),
        inYear(cases.receivedAt, year),
      ),
    )
    .orderBy(asc(cases.id));
  return {
    group_skipping_cases: { count: skipping.length, caseIds: skipping.map((r) => r.id) },
    group_event_warnings: await warningEvidence(exec, county, year, 'group_event'),
    extreme_risk_warnings: await warningEvidence(exec, county, year, 'extreme_risk'),
  };
}

/** The counties of a scope (a city's, the province's, or the county itself) with their record of `year`. */
export async function countiesWithEvaluations(exec: Executor, scopeCode: string, year: number) {
  return exec
    .select({ code: jurisdictions.code, name: jurisdictions.name, e: sanwuEvaluations })
    .from(jurisdictions)
    .leftJoin(
      sanwuEvaluations,
      and(eq(sanwuEvaluations.jurisdictionCode, jurisdictions.code), eq(sanwuEvaluations.year, year)),
    )
    .where(and(eq(jurisdictions.level, 3), like(jurisdictions.code, `${prefixOf(scopeCode)}%`)))
    .orderBy(asc(jurisdictions.code));
}

export async function visibleEvaluation(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec.select().from(sanwuEvaluations).where(eq(sanwuEvaluations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || !sanwuPolicy.read(actor, row.jurisdictionCode))
    throw notFound('未找到该评定记录，或您无权查看');
  return row;
}

export async function countyName(exec: Executor, code: string) {
  const [j] = await exec
    .select({ name: jurisdictions.name, level: jurisdictions.level })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return j;
}
