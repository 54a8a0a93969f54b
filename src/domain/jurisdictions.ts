// GB/T 2260 jurisdiction codes as the platform stores them: 6 digits for province, city and county
// (320000, 320100, 320106), 9 for towns (320106001). One place for the rules every capability uses.

/** 1 province (省), 2 city (市), 3 county (县、区), 4 town (乡镇、街道). */
export type Level = 1 | 2 | 3 | 4;

export const levelOf = (code: string): Level =>
  code.length > 6 ? 4 : code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;

/** 320106 → '320106'; 320100 → '3201'; 320000 → '32' (the prefix every code of the subtree starts with). */
export const prefixOf = (code: string): string => (code.length > 6 ? code : code.replace(/(00)+$/, ''));

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
