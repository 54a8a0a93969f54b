import { type Checked, fail, ok } from './result.ts';

/** Mainland China mobile number, normalised to 11 digits. */
export function checkMobile(raw: string, field = 'phone'): Checked<string> {
  let s = raw.replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  // A bare '86' is only a country code when 11 digits follow it.
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  if (!/^1[3-9]\d{9}$/.test(s)) return fail('invalid_phone', field, '请填写正确的11位手机号码');
  return ok(s);
}
