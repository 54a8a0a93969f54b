// The 考核 scorecard of a period: each jurisdiction one level below the scope (or each unit of the
// scope) scored on the year's scheme for its level (the stored override, else the domain table's
// defaults), ranked best first. The figures are the 通报's (src/analytics/jurisdictionFigures.ts):
// the rollups' indicators, the backlog ledger, the open overdue matters — no third computation.
import { and, eq } from 'drizzle-orm';
import { indicatorsFor, overdueByUnit } from '../analytics/indicators.ts';
import { figuresByJurisdiction, type ScopeRow, scopeRow } from '../analytics/jurisdictionFigures.ts';
import type { Executor } from '../db/client.ts';
import { assessmentSchemes } from '../db/schema.ts';
import { type AssessmentPeriod, parsePeriod } from '../domain/assessment/period.ts';
import {
  type AssessedFigures,
  type AssessedLevel,
  type AssessmentItem,
  assessedLevelOf,
  DEFAULT_SCHEMES,
  type ItemResult,
  rankAssessed,
  scoreAssessment,
} from '../domain/assessment/scheme.ts';
import { rate } from '../domain/indicators/index.ts';
import { badRequest } from '../errors.ts';

export interface Scheme {
  year: number;
  level: AssessedLevel;
  items: AssessmentItem[];
  source: 'default' | 'override';
  note: string | null;
  maxPoints: number;
}

/** The scheme of a year and level: the stored override, else the defaults. */
export async function schemeFor(db: Executor, year: number, level: AssessedLevel): Promise<Scheme> {
  const [o] = await db
    .select()
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.year, year), eq(assessmentSchemes.level, level)));
  const items = o ? o.items : [...DEFAULT_SCHEMES[level]];
  return {
    year,
    level,
    items,
    source: o ? 'override' : 'default',
    note: o?.note ?? null,
    maxPoints: items.reduce((s, i) => s + i.points, 0),
  };
}

export function periodOf(p: string): AssessmentPeriod {
  const period = parsePeriod(p);
  if (!period) throw badRequest('invalid_period', '考核期间格式应为 YYYY-MM、YYYY-Qn 或 YYYY', 'period');
  return period;
}

/** The headline figures shown beside the points. */
export interface RowFigures {
  total: number;
  timelyAcceptanceRate: number | null;
  onTimeCompletionRate: number | null;
  satisfactionRate: number | null;
  participationRate: number | null;
  repeatRate: number | null;
  skipLevelRate: number | null;
  backlogResolutionRate: number | null;
  onlineShare: number | null;
  repeats: number;
  skippedLevel: number;
  overdue: number;
}

export interface ScorecardRow extends RowFigures {
  code: string;
  name: string;
  unitId: number | null;
  items: ItemResult[];
  earned: number;
  available: number;
  coverage: number;
  score: number | null;
  rank: number | null;
}

export interface ScorecardData {
  period: AssessmentPeriod;
  scope: ScopeRow;
  by: 'jurisdiction' | 'unit';
  scheme: Scheme;
  rows: ScorecardRow[];
}

const rowFigures = (f: AssessedFigures & { ind: { total: number } }): RowFigures => ({
  total: f.ind.total,
  timelyAcceptanceRate: f.ind.timelyAcceptanceRate,
  onTimeCompletionRate: f.ind.onTimeCompletionRate,
  satisfactionRate: f.ind.satisfactionRate,
  participationRate: f.ind.participationRate,
  repeatRate: f.ind.repeatRate,
  skipLevelRate: f.ind.skipLevelRate,
  backlogResolutionRate: f.ind.backlogResolutionRate,
  onlineShare: f.ind.onlineShare,
  repeats: f.ind.repeats,
  skippedLevel: f.ind.skippedLevel,
  overdue: f.overdue,
});

export async function scorecardFor(
  db: Executor,
  q: { period: string; scopeCode: string; by: 'jurisdiction' | 'unit' },
): Promise<ScorecardData> {
  const period = periodOf(q.period);
  const range = { from: period.from, to: period.to };
  const scope = await scopeRow(db, q.scopeCode);
  const level = assessedLevelOf(scope.level + 1);
  if (!level) throw badRequest('invalid_scope', '乡镇（街道）以下不再分级考核', 'scope');
  const scheme = await schemeFor(db, period.year, level);

  let places: {
    code: string;
    name: string;
    unitId: number | null;
    f: AssessedFigures & { ind: { total: number } };
  }[];
  if (q.by === 'jurisdiction') {
    const { rows } = await figuresByJurisdiction(db, scope.code, range);
    // 积案化解率 on the backlog ledger's counts, as the 通报 reads it.
    places = rows.map((p) => ({
      code: p.code,
      name: p.name,
      unitId: null,
      f: {
        ind: { ...p.ind, backlogResolutionRate: rate(p.backlogResolved, p.backlogIdentified) },
        overdue: p.overdue,
      },
    }));
  } else {
    const [ind, overdue] = await Promise.all([
      indicatorsFor(db, { range, scope: scope.code, groupBy: 'unit' }),
      overdueByUnit(db, scope.code),
    ]);
    const late = new Map(overdue.rows.map((u) => [String(u.unitId), u.overdue]));
    places = ind.rows
      .filter((r) => /^\d+$/.test(r.key))
      .map((r) => ({
        code: r.key,
        name: r.label,
        unitId: Number(r.key),
        f: { ind: r, overdue: late.get(r.key) ?? 0 },
      }));
  }
  const scored = places.map((p) => ({
    code: p.code,
    name: p.name,
    unitId: p.unitId,
    ...rowFigures(p.f),
    ...scoreAssessment(scheme.items, p.f, period.months),
  }));
  const rows = rankAssessed(scored).map((r) => ({ ...r.row, score: r.score, rank: r.rank }));
  return { period, scope, by: q.by, scheme, rows };
}
