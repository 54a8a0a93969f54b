// zod fields that run the domain validators, so a bad value gets the domain's error code and
// Chinese message (see src/server/errors.ts for how issues become responses).
import { z } from 'zod';
import { checkIdNumber, checkMobile, checkPersonName } from '../domain/validation/index.ts';
import type { Checked } from '../domain/validation/result.ts';

function fromChecker<T>(check: (raw: string) => Checked<T>) {
  return z.string().transform((raw, ctx) => {
    const r = check(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.error.message, params: { code: r.error.code } });
    return z.NEVER;
  });
}

export const zPhone = () =>
  fromChecker((raw) => checkMobile(raw)).meta({ description: '手机号码', example: '13812345678' });
export const zIdNumber = () =>
  fromChecker((raw) => {
    const r = checkIdNumber(raw);
    return r.ok ? { ok: true, value: r.value.idNumber } : r;
  }).meta({ description: '18位居民身份证号码' });
export const zPersonName = () => fromChecker((raw) => checkPersonName(raw)).meta({ description: '姓名' });
