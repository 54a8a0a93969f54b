// 18-digit PRC resident identity number, GB 11643-1999.
import { type Checked, fail, ok } from './result.ts';

export interface IdNumberInfo {
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
  /** First 6 digits (administrative division code). */
  regionCode: string;
}

export interface IdNumberOptions {
  today?: Date;
  knownRegion?: (code6: string) => boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// Provinces and equivalents, plus 71 Taiwan, 81 Hong Kong, 82 Macao.
const PROVINCES = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  71,
  81,
  82,
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idNumberCheckDigit expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

// China has had no DST since 1991, so Asia/Shanghai is a fixed UTC+8.
function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function checkIdNumber(
  raw: string,
  field = 'idNumber',
  opts: IdNumberOptions = {},
): Checked<IdNumberInfo> {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('invalid_id_number', field, '身份证号码应为18位（最后一位可为X）');
  }

  const regionCode = id.slice(0, 6);
  if (!PROVINCES.has(Number(id.slice(0, 2))) || (opts.knownRegion && !opts.knownRegion(regionCode))) {
    return fail('invalid_id_number_region', field, '身份证号码的地区码无效');
  }

  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)];
  const birthDate = `${y}-${m}-${d}`;
  // ISO date strings compare correctly as plain strings.
  if (
    !isCalendarDate(Number(y), Number(m), Number(d)) ||
    birthDate < '1900-01-01' ||
    birthDate > shanghaiDate(opts.today ?? new Date())
  ) {
    return fail('invalid_id_number_birthdate', field, '身份证号码中的出生日期无效');
  }

  if (idNumberCheckDigit(id.slice(0, 17)) !== id[17]) {
    return fail('invalid_id_number_checksum', field, '身份证号码校验位不正确，请核对');
  }

  return ok({ idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F', regionCode });
}
