// 三无县（市、区）: the criteria of each year as a table, where each criterion's evidence comes from
// (the platform's own data, or a record entered by the evaluating bureau), and the result: a county
// qualifies when it meets every criterion of the year.
//
// | year | key             | criterion             | evidence                                                    |
// | ---- | --------------- | --------------------- | ----------------------------------------------------------- |
// | all  | beijing         | 无进京非访            | manual (国家信访局通报)                                     |
// | all  | group_skipping  | 无越级集体访          | platform: group visits marked 越级, registered in the year   |
// | all  | extreme         | 无极端事件            | manual; platform reference: extreme-risk warnings           |
// | 2026 | group_event     | 无群体性事件          | platform: group-event warnings (群体性事件预警) in the year  |

export type EvidenceSource =
  /** Cases of the county registered in the year with is_group and skipped_level. */
  | 'group_skipping_cases'
  /** Warnings of kind group_event of the county's subtree raised in the year. */
  | 'group_event_warnings'
  /** Warnings of kind extreme_risk: shown to the evaluator, not decisive. */
  | 'extreme_risk_warnings';

export interface SanwuCriterion {
  key: string;
  name: string;
  /** 'platform': met when the platform counts 0; 'manual': the evaluator records met or not. */
  evidence: 'platform' | 'manual';
  /** What the platform counts (for 'manual' criteria: a reference shown with the record). */
  source?: EvidenceSource;
  /** What the evaluator is asked to look at. */
  hint: string;
}

const beijing: SanwuCriterion = {
  key: 'beijing',
  name: '无进京非访',
  evidence: 'manual',
  hint: '以国家信访局、省信访局通报的进京非正常上访登记为准',
};
const groupSkipping: SanwuCriterion = {
  key: 'group_skipping',
  name: '无越级集体访',
  evidence: 'platform',
  source: 'group_skipping_cases',
  hint: '本年度登记的越级集体访（5人以上、越级）件数',
};
const extreme: SanwuCriterion = {
  key: 'extreme',
  name: '无因信访问题引发的极端事件',
  evidence: 'manual',
  source: 'extreme_risk_warnings',
  hint: '以公安机关和政法委确认的情况为准；平台极端风险预警数供参考',
};
const groupEvent: SanwuCriterion = {
  key: 'group_event',
  name: '无因信访问题引发的群体性事件',
  evidence: 'platform',
  source: 'group_event_warnings',
  hint: '本年度平台发出的群体性事件预警数',
};

/** The criteria of each year; a year not listed uses the latest year before it. */
export const SANWU_CRITERIA: Record<number, readonly SanwuCriterion[]> = {
  2025: [beijing, groupSkipping, extreme],
  2026: [beijing, groupSkipping, extreme, groupEvent],
};

export function criteriaOf(year: number): readonly SanwuCriterion[] {
  const years = Object.keys(SANWU_CRITERIA)
    .map(Number)
    .filter((y) => y <= year)
    .sort((a, b) => b - a);
  const y = years[0] ?? Math.min(...Object.keys(SANWU_CRITERIA).map(Number));
  return SANWU_CRITERIA[y] ?? [];
}

/** One criterion's evidence as the evaluation record keeps it. */
export interface CriterionEvidence {
  key: string;
  name: string;
  evidence: 'platform' | 'manual';
  /** The platform's count (platform criteria, and the reference of manual ones); null if none. */
  count: number | null;
  /** Case ids behind the count (at most 50), for drill-down. */
  caseIds: number[];
  met: boolean | null;
  note: string | null;
}

/**
 * The evidence of a year's criteria from the platform's counts and the evaluator's entries:
 * platform criteria are met when the count is 0; manual ones as entered (null: not yet entered).
 */
export function evaluate(
  criteria: readonly SanwuCriterion[],
  counts: Partial<Record<EvidenceSource, { count: number; caseIds: number[] }>>,
  manual: Record<string, { met: boolean; note?: string | null } | undefined>,
): CriterionEvidence[] {
  return criteria.map((c) => {
    const counted = c.source ? counts[c.source] : undefined;
    const m = manual[c.key];
    return {
      key: c.key,
      name: c.name,
      evidence: c.evidence,
      count: counted?.count ?? null,
      caseIds: counted?.caseIds.slice(0, 50) ?? [],
      met: c.evidence === 'platform' ? (counted?.count ?? 0) === 0 : (m?.met ?? null),
      note: m?.note ?? null,
    };
  });
}

export const SANWU_RESULTS = ['qualified', 'not_qualified'] as const;
export type SanwuResult = (typeof SANWU_RESULTS)[number];
export const SANWU_RESULT_NAMES: Record<SanwuResult, string> = {
  qualified: '达标（“三无”县）',
  not_qualified: '未达标',
};

/** The result, or null while a manual criterion has no entry. */
export function resultOf(evidence: readonly CriterionEvidence[]): SanwuResult | null {
  if (evidence.some((e) => e.met === null)) return null;
  return evidence.every((e) => e.met) ? 'qualified' : 'not_qualified';
}

export const SANWU_STATUSES = ['draft', 'decided'] as const;
export type SanwuStatus = (typeof SANWU_STATUSES)[number];
export const SANWU_STATUS_NAMES: Record<SanwuStatus, string> = { draft: '评定中', decided: '已评定' };
