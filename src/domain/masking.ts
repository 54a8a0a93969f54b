// How personal data is shown to someone who may not see it in full.

/** 320106199001011234 → 3201**********1234 (keeps region-of-province-and-city and last four). */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 张三丰 → 张** ; 买买提·艾力 → 买***** */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

// ---- Numbers inside free text (content, notes, event details, SMS texts) ---------------------
// A petitioner types their ID and phone number into the content as often as into the form; a
// role that sees parties masked must see those masked too (casePolicy.viewFullPii decides who).

/** Replaces every digit of `s` with '*' except the first `keepStart` and last `keepEnd` (and 'X'). */
function maskDigits(s: string, keepStart: number, keepEnd: number): string {
  const total = s.replace(/[^\dXx]/g, '').length;
  let i = 0;
  return s.replace(/[\dXx]/g, (d) => {
    const pos = i++;
    return pos < keepStart || pos >= total - keepEnd ? d : '*';
  });
}

function plausibleDate(y: number, m: number, d: number, today: Date): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return y >= 1900 && date.getTime() <= today.getTime() + 86_400_000;
}

// 18 characters (17 digits and a digit or X) or the old 15 digits, not inside a longer run: case
// numbers (16–19 digits) are not ID numbers. The birth date must be a real date, so that an
// 18-digit case number (region, year, sequence) is not taken for one; a wrong check digit is still
// masked (a mistyped ID number is still someone's).
const ID_18 = /(?<![0-9A-Za-z])(\d{6})(\d{4})(\d{2})(\d{2})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const ID_15 = /(?<![0-9A-Za-z])(\d{6})(\d{2})(\d{2})(\d{2})(\d{3})(?![0-9A-Za-z])/g;
// Mobile numbers, also written 138 1234 5678 / 138-1234-5678 or with +86 / 0086 / 86 in front.
const MOBILE = /(?<![\d+])((?:\+86|0086|86)[- ]?)?(1[3-9]\d(?:[- ]?\d{4}){2})(?!\d)/g;
// Landlines with their area code: 025-83201234, (025)83201234, 0516 8765432.
const LANDLINE = /(?<!\d)(\(?0\d{2,3}\)?[- ]?)(\d{7,8})(?!\d)/g;

/**
 * The text with ID numbers (3201**********1234), mobile numbers (138****5678) and landlines
 * (025-****1234) masked, everything else unchanged.
 */
export function maskNumbersInText(text: string, today = new Date()): string {
  if (!/\d{7}|\d[- ]\d{4}[- ]\d{4}/.test(text)) return text; // most texts: nothing to do
  return text
    .replace(ID_18, (m, _r, y, mo, d) =>
      plausibleDate(Number(y), Number(mo), Number(d), today) ? maskDigits(m, 4, 4) : m,
    )
    .replace(ID_15, (m, _r, yy, mo, d) =>
      plausibleDate(1900 + Number(yy), Number(mo), Number(d), today) ? maskDigits(m, 4, 3) : m,
    )
    .replace(
      MOBILE,
      (_m, prefix: string | undefined, number: string) => (prefix ?? '') + maskDigits(number, 3, 4),
    )
    .replace(LANDLINE, (_m, area: string, number: string) => area + maskDigits(number, 0, 4));
}

/** Query codes (查询码) are 6 characters of this alphabet (src/cases/numbering.ts). */
const QUERY_CODE_CANDIDATE = /(?<![0-9A-Za-z])[2-9A-HJ-NP-Z]{6}(?![0-9A-Za-z])/g;

/**
 * The text with the case's query code replaced by ******. `isCode` says whether a 6-character
 * candidate is the code (the platform keeps only its keyed hash, so it checks each candidate).
 */
export function maskQueryCode(text: string, isCode: (candidate: string) => boolean): string {
  return text.replace(QUERY_CODE_CANDIDATE, (m) => (isCode(m) ? '******' : m));
}

/** Applies `mask` to every string inside a JSON value (event details), keeping its shape. */
export function maskStringsDeep<T>(value: T, mask: (s: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskStringsDeep(v, mask)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskStringsDeep(v, mask);
    return out as T;
  }
  return value;
}
