// The one place for the fields every request carries: free text, ids, dates, jurisdiction codes,
// and the person fields that run the domain validators. Route schemas (src/*/routes.ts, via
// src/server/fields.ts) and the lifecycle action payloads (src/domain/lifecycle/actions.ts) use
// these, so a bad value gets the same field-level Chinese 400 everywhere (src/server/errors.ts
// turns issues into responses) and never reaches the database as something it refuses (a NUL in
// text, an id beyond int4, a year the date functions cannot hold).
import { z } from 'zod';
import { checkIdNumber } from './idNumber.ts';
import { checkPersonName } from './names.ts';
import { checkMobile } from './phone.ts';
import type { Checked } from './result.ts';

/** Database ids are `integer` (int4). */
export const ID_MAX = 2_147_483_647;
/** Dates outside these years are typing mistakes (and beyond what the date functions handle). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// C0 control characters except tab and newline (CR is turned into newline first), and DEL.
// PostgreSQL refuses NUL in text; the others corrupt documents, logs and spreadsheets.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;
// Half of a surrogate pair on its own is no character at all: JSON may carry one (\ud800), but
// UTF-8 cannot, so jsonb and documents would fail on it later (a 500 instead of a 400).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Normalises line breaks; the control character found, if any (for the message). */
export function checkText(raw: string): Checked<string> {
  const text = raw.replace(/\r\n?/g, '\n');
  const bad = CONTROL.exec(text);
  if (bad) {
    const hex = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      ok: false,
      error: { code: 'invalid_text', field: '', message: `含有不允许的控制字符（U+${hex}）` },
    };
  }
  if (LONE_SURROGATE.test(text))
    return { ok: false, error: { code: 'invalid_text', field: '', message: '含有无效的字符编码' } };
  return { ok: true, value: text };
}

/** Length in characters as people count them: 𠀀 is one, not two UTF-16 units. */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const issue = (ctx: z.RefinementCtx, message: string, code = 'invalid_request') =>
  ctx.addIssue({ code: 'custom', message, params: { code } });

/**
 * Free text: no control characters but newline and tab, trimmed unless `trim: false`, between `min`
 * and `max` characters (code points). `label` names the field in messages (`请填写${label}`).
 */
export function zText(opts: {
  label: string;
  max: number;
  min?: number;
  trim?: boolean;
  /** The message when shorter than `min` (default `请填写…` or `…至少N个字`). */
  tooShort?: string;
}) {
  const { label, max, min = 0, trim = true } = opts;
  return z
    .string({ error: (i) => (i.input === undefined ? `请填写${label}` : `${label}应为文本`) })
    .transform((raw, ctx) => {
      // Longer than twice the limit in UTF-16 units is too long in characters too: no more work.
      if (raw.length > 2 * max + 64) {
        issue(ctx, `${label}不能超过${max}字`, 'text_too_long');
        return z.NEVER;
      }
      const r = checkText(trim ? raw.trim() : raw);
      if (!r.ok) {
        issue(ctx, `${label}${r.error.message}`, r.error.code);
        return z.NEVER;
      }
      const n = charCount(r.value);
      if (n < min) {
        const short = opts.tooShort ?? (min <= 1 ? `请填写${label}` : `${label}至少${min}个字`);
        issue(ctx, short, 'text_too_short');
        return z.NEVER;
      }
      if (n > max) {
        issue(ctx, `${label}不能超过${max}字`, 'text_too_long');
        return z.NEVER;
      }
      return r.value;
    })
    .meta({ description: label, maxLength: max, ...(min > 0 ? { minLength: min } : {}) });
}

/** An id in a JSON body: a positive int4. */
export const zId = (label = '编号') =>
  z
    .number({ error: `${label}应为正整数` })
    .int(`${label}应为正整数`)
    .positive(`${label}应为正整数`)
    .max(ID_MAX, `${label}超出范围`);

/** An id in a path or query string (text turned into a number): a positive int4. */
export const zIdParam = (label = '编号') =>
  z.coerce
    .number({ error: `${label}应为正整数` })
    .int(`${label}应为正整数`)
    .positive(`${label}应为正整数`)
    .max(ID_MAX, `${label}超出范围`);

/** A yes/no filter in a query string: 'true'/'1' or 'false'/'0' (not "any text is true"). */
export const zFlag = () =>
  z
    .enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' })
    .transform((v) => v === 'true' || v === '1');

/** A page number: large pages are empty, not an overflow. */
export const zPage = () =>
  z.coerce.number().int('页码应为正整数').min(1, '页码应为正整数').max(100_000, '页码过大');

const yearOk = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;
/** The year as written (an offset does not move 1900-01-01T00:00+08:00 into 1899). */
const yearIssue = (label: string) => ({
  message: `${label}的年份应在${MIN_YEAR}至${MAX_YEAR}年之间`,
  params: { code: 'date_out_of_range' },
});

/** A calendar date 'YYYY-MM-DD' (a real day) within the sane years. */
export const zDate = (label = '日期') =>
  z.iso.date(`${label}格式应为 YYYY-MM-DD`).refine((s) => yearOk(Number(s.slice(0, 4))), yearIssue(label));

/** A month 'YYYY-MM' within the sane years. */
export const zMonth = (label = '月份') =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM`)
    .refine((s) => yearOk(Number(s.slice(0, 4))), yearIssue(label));

/** An ISO date-time with an offset (`2026-03-01T09:30:00+08:00`) within the sane years. */
export const zDateTime = (label = '时间') =>
  z.iso
    .datetime({ offset: true, error: `${label}格式应为 ISO 8601（如 2026-03-01T09:30:00+08:00）` })
    .refine((s) => yearOk(Number(s.slice(0, 4))), yearIssue(label));

/** A jurisdiction code (行政区划代码): 6 digits, or 9 for a town. */
export const zCode = (message = '行政区划代码应为6位或9位数字') =>
  z.string().regex(/^\d{6}(\d{3})?$/, message);

function fromChecker<T>(check: (raw: string) => Checked<T>) {
  return z.string().transform((raw, ctx) => {
    const r = check(raw);
    if (r.ok) return r.value;
    issue(ctx, r.error.message, r.error.code);
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
