// 会办与三跨三分离 (issue 11 item 5): a matter involving several units or jurisdictions is handed to a
// lead unit (牵头单位) with co-handling units (会办单位). Each co-unit files its part; the lead unit
// replies once all have (the reply is refused while any part is missing). A matter crossing
// jurisdictions is coordinated by their common superior petition bureau: only a bureau whose
// subtree holds every unit may hand it out so.

/** 三跨三分离: 跨地区、跨部门、跨行业; 人事分离、人户分离、人事户分离. */
export const CROSS_TYPES = [
  'cross_region',
  'cross_department',
  'cross_industry',
  'separated_person_matter',
  'separated_person_household',
  'separated_all',
] as const;
export type CrossType = (typeof CROSS_TYPES)[number];

export const CROSS_TYPE_NAMES: Record<CrossType, string> = {
  cross_region: '跨地区',
  cross_department: '跨部门',
  cross_industry: '跨行业',
  separated_person_matter: '人事分离',
  separated_person_household: '人户分离',
  separated_all: '人事户分离',
};

/** At most this many co-handling units beside the lead. */
export const MAX_CO_UNITS = 8;

/** The jurisdiction levels' code lengths: province 2, city 4, county 6, town 9. */
const LEVELS = [9, 6, 4, 2] as const;
const significant = (code: string) => (code.length > 6 ? code : code.replace(/(00)+$/, ''));

/**
 * The common superior jurisdiction of several (a GB/T 2260 code, six digits or nine for a town): the
 * deepest level whose prefix all share. '320106' and '320102' → '320100'; '320106' and '320205'
 * → '320000'; one code → itself.
 */
export function commonSuperior(codes: readonly string[]): string {
  const [first, ...rest] = codes.map(significant);
  if (first === undefined) throw new Error('commonSuperior of nothing');
  for (const len of LEVELS) {
    if (first.length < len) continue;
    const p = first.slice(0, len);
    if (rest.every((c) => c.startsWith(p))) return len >= 9 ? p : p.padEnd(6, '0');
  }
  return `${first.slice(0, 2)}0000`;
}

/**
 * The 三跨 marks the platform derives from the units (跨地区 when they lie in more than one
 * county-level jurisdiction, 跨部门 when more than one unit), with those the staff add (跨行业, the
 * three separations), once each in table order.
 */
export function crossTypesOf(unitCodes: readonly string[], given: readonly CrossType[] = []): CrossType[] {
  const counties = new Set(unitCodes.map((c) => c.slice(0, 6)));
  const derived: CrossType[] = [];
  if (counties.size > 1) derived.push('cross_region');
  if (unitCodes.length > 1) derived.push('cross_department');
  const all = new Set<CrossType>([...derived, ...given]);
  return CROSS_TYPES.filter((t) => all.has(t));
}

/** The co-units whose part is still missing (the lead may not reply before they file). */
export const pendingCoUnits = <T extends { feedbackAt: Date | null }>(rows: readonly T[]): T[] =>
  rows.filter((r) => r.feedbackAt === null);
