// 专家库 (expert library): fields, levels and availability of experts as tables, the purposes of an
// assignment, and the conflict-of-interest rule (回避). Pure TS without Node imports: the console
// reads the same tables.
//
// Conflict of interest: an expert whose own unit (所在单位) is a unit concerned by the matter — the
// unit handling it (承办/当前办理单位), the responsible unit of its backlog matter, or the unit the
// petition complains about (被反映单位) — is not assigned to it.

import { chainOf, countyOf } from '../jurisdictions.ts';

export const EXPERT_FIELDS = [
  'law',
  'land',
  'social_security',
  'construction',
  'health',
  'labour',
  'environment',
  'psychology',
] as const;
export type ExpertField = (typeof EXPERT_FIELDS)[number];
export const FIELD_NAMES: Record<ExpertField, string> = {
  law: '法律',
  land: '土地征收',
  social_security: '社会保障',
  construction: '城乡建设',
  health: '医疗卫生',
  labour: '劳动人事',
  environment: '生态环境',
  psychology: '心理咨询',
};

export const EXPERT_LEVELS = ['province', 'city', 'county'] as const;
export type ExpertLevel = (typeof EXPERT_LEVELS)[number];
export const LEVEL_NAMES: Record<ExpertLevel, string> = { province: '省级', city: '市级', county: '县级' };

export const AVAILABILITIES = ['available', 'busy', 'unavailable'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
export const AVAILABILITY_NAMES: Record<Availability, string> = {
  available: '可接受指派',
  busy: '任务较多',
  unavailable: '暂停指派',
};
/** Who may be assigned: an expert paused (暂停指派) is not. */
export const assignable = (a: Availability) => a !== 'unavailable';

/** 会商研判 on a hard matter, or 积案化解督导 (supervising the resolution of a backlog matter). */
export const ASSIGNMENT_PURPOSES = ['consult', 'backlog_supervision'] as const;
export type AssignmentPurpose = (typeof ASSIGNMENT_PURPOSES)[number];
export const PURPOSE_NAMES: Record<AssignmentPurpose, string> = {
  consult: '疑难事项会商研判',
  backlog_supervision: '积案化解督导',
};

export const ASSIGNMENT_STATUSES = ['assigned', 'opinion_filed', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_STATUS_NAMES: Record<AssignmentStatus, string> = {
  assigned: '待出具意见',
  opinion_filed: '已出具意见',
  withdrawn: '已撤回',
};

/** The units concerned by a matter, and in what role (for the refusal's words). */
export interface ConcernedUnit {
  unitId: number;
  role: 'handling' | 'assigned' | 'responsible' | 'complained';
}
export const CONCERN_NAMES: Record<ConcernedUnit['role'], string> = {
  handling: '当前办理单位',
  assigned: '承办单位',
  responsible: '积案责任单位',
  complained: '被反映单位',
};

/** The concerned unit the expert belongs to, or null when there is no conflict. */
export function conflictOf(
  expertUnitId: number | null,
  concerned: readonly ConcernedUnit[],
): ConcernedUnit | null {
  if (expertUnitId === null) return null;
  return concerned.find((c) => c.unitId === expertUnitId) ?? null;
}

/** The jurisdictions above a code whose experts a bureau may also use: 320106 → 320000, 320100. */
export function ancestorCodes(code: string): string[] {
  const county = countyOf(code);
  return chainOf(county).filter((c) => c !== county);
}

export const EXPERT_EVENTS = {
  assign: { event: 'expert_assigned', label: '专家指派' },
  opinion: { event: 'expert_opinion', label: '专家意见' },
  withdraw: { event: 'expert_withdrawn', label: '撤回专家指派' },
} as const;
export type ExpertStep = keyof typeof EXPERT_EVENTS;
export const EXPERT_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(EXPERT_EVENTS).map((e) => [e.event, e.label]),
);
