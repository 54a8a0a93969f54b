// GB/T 2260 jurisdiction codes as the platform stores them: 6 digits for province, city and county
// (320000, 320100, 320106), 9 for towns (320106001). One place for the rules every capability uses.

/** 1 province (省), 2 city (市), 3 county (县、区), 4 town (乡镇、街道). */
export type Level = 1 | 2 | 3 | 4;

export const levelOf = (code: string): Level =>
  code.length > 6 ? 4 : code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;

/** 320106 → '320106'; 320100 → '3201'; 320000 → '32' (the prefix every code of the subtree starts with). */
export const prefixOf = (code: string): string => (code.length > 6 ? code : code.replace(/(00)+$/, ''));

/** Whether a place (or a unit's seat) lies in a scope's subtree: 320106001 within 320100. */
export const isWithin = (code: string, scopeCode: string): boolean => code.startsWith(prefixOf(scopeCode));

/** The county-level code of a place (towns belong to their county). */
export const countyOf = (code: string): string => (code.length > 6 ? code.slice(0, 6) : code);

/** The city a place lies in: 320106001 → 320100 (a city is its own; the province stays 320000). */
export const cityOf = (code: string): string => `${code.slice(0, 4)}00`;

/** The province a place lies in: 320106001 → 320000. */
export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`;

/** 320106001 → ['320000', '320100', '320106', '320106001'] (province first, no repeats). */
export function chainOf(code: string): string[] {
  const chain = [provinceOf(code), cityOf(code), countyOf(code)];
  if (code.length > 6) chain.push(code);
  return [...new Set(chain)];
}

/** A place's name without the province's own (江苏省南京市鼓楼区 → 南京市鼓楼区), as staff say it. */
export const placeLabel = (fullName: string, provinceName: string): string =>
  fullName.startsWith(provinceName) && fullName.length > provinceName.length
    ? fullName.slice(provinceName.length)
    : fullName;

/**
 * A place's overdue units, told apart from the upper bureaus that hold some of its matters (a 复查 at
 * the city): those are the upper bureau's to answer for, so a place's report or 通报 names only its
 * own units (and proposes only them for 挂牌督办) and counts the rest in one figure.
 */
export function ownUnitsAndAbove<T extends { unitJurisdictionCode: string; overdue: number }>(
  rows: readonly T[],
  scopeCode: string,
): { own: T[]; overdueAbove: number } {
  const own = rows.filter((u) => isWithin(u.unitJurisdictionCode, scopeCode));
  const overdueAbove = rows.reduce(
    (n, u) => (isWithin(u.unitJurisdictionCode, scopeCode) ? n : n + u.overdue),
    0,
  );
  return { own, overdueAbove };
}
