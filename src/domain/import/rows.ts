// The rules a source row must pass to become a matter (历史数据导入): dates that parse and come in
// the order of the process (登记 ≤ 受理 ≤ 答复 ≤ 办结, none in the future), a valid 18-digit ID
// number (GB 11643 check digit), a known place and category, known coded values, a state that fits
// the dates. Pure: places come in as a lookup. Every failing rule of a row is reported, not just the
// first, so one pass over the spreadsheet fixes it.
import { CONTENT_CATEGORIES, isCategoryCode } from '../categories.ts';
import {
  FORM_NAMES,
  FORMS,
  NON_ACCEPTANCE_REASONS,
  OUTCOME_NAMES,
  OUTCOMES,
  PURPOSE_NAMES,
  PURPOSES,
} from '../lifecycle/vocabulary.ts';
import { checkIdNumber } from '../validation/idNumber.ts';
import type { FieldError } from '../validation/result.ts';
import { type DateOnly, isBefore, parseSourceDate } from './dates.ts';
import { type CodedField, fieldsOf, type ImportMapping } from './mapping.ts';

/** The states a historical matter can be imported in (the bureau handled it itself). */
export const IMPORT_STATES = ['registered', 'accepted', 'replied', 'closed', 'not_accepted'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
const IMPORT_STATE_NAMES: Record<ImportState, string[]> = {
  registered: ['待受理', '已登记', '登记'],
  accepted: ['已受理', '受理', '办理中', '正在办理'],
  replied: ['已答复', '答复', '已出具意见'],
  closed: ['已办结', '办结', '结案', '已结案'],
  not_accepted: ['不予受理', '不受理'],
};

/** A row that passed: what the import writes (dates as instants, codes as the platform's). */
export interface ImportRow {
  rowNo: number;
  sourceNo: string;
  receivedAt: Date;
  acceptedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  state: ImportState;
  form: (typeof FORMS)[number];
  purpose: (typeof PURPOSES)[number];
  categoryCode: string | null;
  placeCode: string;
  subject: string;
  content: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  peopleCount: number;
  outcome: (typeof OUTCOMES)[number] | null;
  reasonCode: keyof typeof NON_ACCEPTANCE_REASONS | null;
}

export type RowCheck = { ok: true; row: ImportRow } | { ok: false; sourceNo: string; errors: FieldError[] };

export interface RowContext {
  /** The place's jurisdiction code for a code, name or full name; undefined when unknown. */
  place(value: string): string | undefined;
  today: Date;
}

/** Registrations before this date are typing errors (as at intake). */
const EARLIEST = '2000-01-01';
const MAX_TEXT = 20_000;

const err = (code: string, field: string, message: string): FieldError => ({ code, field, message });

/** Platform code of a coded value: the mapping's spelling, the code itself, or the platform's name. */
function codeOf<C extends string>(
  mapping: ImportMapping,
  field: CodedField,
  raw: string,
  codes: readonly C[],
  names: Partial<Record<C, string | readonly string[]>>,
): C | undefined {
  const mapped = mapping.values[field]?.[raw] ?? raw;
  if ((codes as readonly string[]).includes(mapped)) return mapped as C;
  for (const c of codes) {
    const n = names[c];
    if (n && (Array.isArray(n) ? n.includes(mapped) : n === mapped)) return c;
  }
  return undefined;
}

const REASON_CODES = Object.keys(NON_ACCEPTANCE_REASONS) as (keyof typeof NON_ACCEPTANCE_REASONS)[];
const REASON_NAMES = Object.fromEntries(Object.entries(NON_ACCEPTANCE_REASONS).map(([k, v]) => [k, v.name]));

/** The state a row without a state column is in: the last step it has a date for. */
function stateFromDates(d: { acceptedAt?: unknown; repliedAt?: unknown; closedAt?: unknown }): ImportState {
  return d.closedAt ? 'closed' : d.repliedAt ? 'replied' : d.acceptedAt ? 'accepted' : 'registered';
}

const DATE_LABELS = {
  receivedAt: '登记日期',
  acceptedAt: '受理日期',
  repliedAt: '答复日期',
  closedAt: '办结日期',
} as const;
type DateField = keyof typeof DATE_LABELS;

/** Checks one source row (1-based spreadsheet row number, header = row 1). */
export function checkRow(
  mapping: ImportMapping,
  rowNo: number,
  cells: Readonly<Record<string, string>>,
  ctx: RowContext,
): RowCheck {
  const f = fieldsOf(mapping, cells);
  const errors: FieldError[] = [];
  const sourceNo = f.sourceNo ?? '';
  if (!sourceNo) errors.push(err('missing_source_no', 'sourceNo', '缺少原信访件编号'));
  if (!f.subject) errors.push(err('missing_subject', 'subject', '缺少标题（信访事由）'));
  if ((f.subject?.length ?? 0) > 200) errors.push(err('subject_too_long', 'subject', '标题超过200字'));
  if ((f.content?.length ?? 0) > MAX_TEXT)
    errors.push(err('content_too_long', 'content', '主要内容超过2万字'));

  // Dates: each parses; then their order, and none after today.
  const dates: Partial<Record<DateField, DateOnly>> = {};
  for (const k of Object.keys(DATE_LABELS) as DateField[]) {
    const raw = f[k];
    if (!raw) continue;
    const d = parseSourceDate(raw);
    if (d) dates[k] = d;
    else errors.push(err('invalid_date', k, `${DATE_LABELS[k]}“${raw}”无法识别，应为 YYYY-MM-DD`));
  }
  if (!f.receivedAt) errors.push(err('missing_received_at', 'receivedAt', '缺少登记日期'));
  const todayKey = shanghaiDay(ctx.today);
  for (const k of Object.keys(dates) as DateField[]) {
    const d = dates[k] as DateOnly;
    if (d.date > todayKey) errors.push(err('future_date', k, `${DATE_LABELS[k]}（${d.date}）晚于今天`));
  }
  if (dates.receivedAt && dates.receivedAt.date < EARLIEST)
    errors.push(err('invalid_date', 'receivedAt', '登记日期不能早于2000年1月1日'));
  const order: DateField[] = ['receivedAt', 'acceptedAt', 'repliedAt', 'closedAt'];
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const a = dates[order[i] as DateField];
      const b = dates[order[j] as DateField];
      if (a && b && isBefore(b, a)) {
        errors.push(
          err(
            'date_order',
            order[j] as string,
            `${DATE_LABELS[order[j] as DateField]}（${b.date}）早于${DATE_LABELS[order[i] as DateField]}（${a.date}）`,
          ),
        );
      }
    }
  }

  // Coded values.
  const form = f.form ? codeOf(mapping, 'form', f.form, FORMS, FORM_NAMES) : 'letter';
  if (!form) errors.push(err('unknown_form', 'form', `信访形式“${f.form}”不存在`));
  const purpose = f.purpose ? codeOf(mapping, 'purpose', f.purpose, PURPOSES, PURPOSE_NAMES) : 'claim';
  if (!purpose) errors.push(err('unknown_purpose', 'purpose', `信访目的“${f.purpose}”不存在`));
  let categoryCode: string | null = null;
  if (f.category) {
    const mapped = mapping.values.category?.[f.category] ?? f.category;
    categoryCode =
      (isCategoryCode(mapped) ? mapped : undefined) ??
      CONTENT_CATEGORIES.find((c) => c.name === mapped)?.code ??
      null;
    if (!categoryCode) errors.push(err('unknown_category', 'category', `内容分类“${f.category}”不存在`));
  }
  const outcome = f.outcome ? codeOf(mapping, 'outcome', f.outcome, OUTCOMES, OUTCOME_NAMES) : null;
  if (f.outcome && !outcome) errors.push(err('unknown_outcome', 'outcome', `处理结果“${f.outcome}”不存在`));
  const reason = f.reason ? codeOf(mapping, 'reason', f.reason, REASON_CODES, REASON_NAMES) : null;
  if (f.reason && !reason) errors.push(err('unknown_reason', 'reason', `不予受理理由“${f.reason}”不存在`));
  let state: ImportState | undefined = f.state
    ? codeOf(mapping, 'state', f.state, IMPORT_STATES, IMPORT_STATE_NAMES)
    : stateFromDates(dates);
  if (!state)
    errors.push(
      err(
        'unknown_state',
        'state',
        `办理状态“${f.state}”不能导入（可导入：待受理、已受理、已答复、已办结、不予受理）`,
      ),
    );
  else errors.push(...stateRules(state, dates));
  state ??= 'registered';

  // Place.
  const placeCode = f.place ? ctx.place(f.place) : undefined;
  if (f.place && !placeCode) errors.push(err('unknown_place', 'place', `问题属地“${f.place}”不在行政区划中`));
  if (!f.place) errors.push(err('missing_place', 'place', '缺少问题属地'));

  // Petitioner: a given ID number must be a valid one (its check digit above all).
  let idNumber: string | null = null;
  if (f.idNumber) {
    const r = checkIdNumber(f.idNumber, 'idNumber', { today: ctx.today });
    if (r.ok) idNumber = r.value.idNumber;
    else errors.push(r.error);
  }
  const peopleCount = f.peopleCount ? Number(f.peopleCount) : 1;
  if (!Number.isInteger(peopleCount) || peopleCount < 1 || peopleCount > 10_000)
    errors.push(err('invalid_people_count', 'peopleCount', `人数“${f.peopleCount}”应为正整数`));

  if (errors.length) return { ok: false, sourceNo, errors };
  const at = (k: DateField) => (dates[k] ? toInstant(dates[k] as DateOnly) : null);
  const receivedAt = at('receivedAt') as Date;
  // A past step without its own date happened with the next step that has one (a sheet with only
  // 登记 and 办结 dates): 受理 on the registration day, 答复 on the closing day.
  const closedAt =
    state === 'closed' || state === 'not_accepted' ? (at('closedAt') ?? at('acceptedAt')) : null;
  const repliedAt = state === 'replied' || state === 'closed' ? (at('repliedAt') ?? closedAt) : null;
  const acceptedAt =
    state === 'not_accepted' ? null : state === 'registered' ? null : (at('acceptedAt') ?? receivedAt);
  return {
    ok: true,
    row: {
      rowNo,
      sourceNo,
      receivedAt,
      acceptedAt,
      repliedAt,
      closedAt,
      state,
      form: form as ImportRow['form'],
      purpose: purpose as ImportRow['purpose'],
      categoryCode,
      placeCode: placeCode as string,
      subject: f.subject as string,
      content: f.content ?? (f.subject as string),
      name: f.name ?? null,
      idNumber,
      phone: f.phone ?? null,
      address: f.address ?? null,
      peopleCount,
      outcome: outcome ?? null,
      reasonCode: state === 'not_accepted' ? (reason ?? 'NOT_IN_REMIT') : null,
    },
  };
}

/** Dates a state needs, and dates it cannot have. */
function stateRules(state: ImportState, d: Partial<Record<DateField, DateOnly>>): FieldError[] {
  const out: FieldError[] = [];
  const mismatch = (field: DateField, message: string) =>
    out.push(err('state_date_mismatch', field, message));
  if (state === 'registered') {
    for (const k of ['acceptedAt', 'repliedAt', 'closedAt'] as const)
      if (d[k]) mismatch(k, `办理状态为待受理，但填写了${DATE_LABELS[k]}`);
  }
  if (state === 'accepted') {
    for (const k of ['repliedAt', 'closedAt'] as const)
      if (d[k]) mismatch(k, `办理状态为已受理，但填写了${DATE_LABELS[k]}`);
  }
  if (state === 'replied') {
    if (!d.repliedAt) mismatch('repliedAt', '办理状态为已答复，但缺少答复日期');
    if (d.closedAt) mismatch('closedAt', '办理状态为已答复，但填写了办结日期');
  }
  if (state === 'closed' && !d.closedAt) mismatch('closedAt', '办理状态为已办结，但缺少办结日期');
  if (state === 'not_accepted') {
    if (!d.closedAt && !d.acceptedAt) mismatch('closedAt', '办理状态为不予受理，但缺少告知日期（办结日期）');
    if (d.repliedAt) mismatch('repliedAt', '办理状态为不予受理，但填写了答复日期');
  }
  return out;
}

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The instant of a source date, Asia/Shanghai (fixed UTC+8): its time when given, else the start
 * of the office day (09:00), so a date-only registration falls on its own day in every count.
 */
export function toInstant(d: DateOnly): Date {
  return new Date(`${d.date}T${d.time ?? '09:00:00'}+08:00`);
}
