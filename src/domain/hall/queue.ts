// The reception hall's rules as data (接待大厅): the visit statuses and what each allows (排队叫号),
// the group visit's representatives (《信访工作条例》第十八条: 多人采用走访形式提出共同的信访事项的，
// 应当推选代表，代表人数不超过5人), and how the waiting-room display shows a visitor.

export const VISIT_STATUSES = ['waiting', 'called', 'done', 'left'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const VISIT_STATUS_NAMES: Record<VisitStatus, string> = {
  waiting: '等候中',
  called: '已叫号',
  done: '已接待',
  left: '过号离开',
};

/** Which steps each status allows: call (叫号, again when called), finish (接待完毕), mark left (过号). */
export const VISIT_STEPS: Record<VisitStatus, { call: boolean; finish: boolean; leave: boolean }> = {
  waiting: { call: true, finish: false, leave: true },
  called: { call: true, finish: true, leave: true },
  done: { call: false, finish: false, leave: false },
  left: { call: false, finish: false, leave: false },
};

/** At most this many representatives of a group visit (走访代表). */
export const MAX_REPRESENTATIVES = 5;
/** From this many visitors a visit is a group visit (集体访): representatives are required. */
export const GROUP_VISIT_FROM = 5;
export const MAX_VISITORS = 10_000;

export interface GroupCheck {
  ok: boolean;
  code?: string;
  message?: string;
  field?: string;
}

/** A visit's head count and representatives: ≤ 5 representatives, required for a group visit. */
export function checkGroup(visitors: number, representatives: number): GroupCheck {
  if (!Number.isInteger(visitors) || visitors < 1 || visitors > MAX_VISITORS)
    return { ok: false, code: 'hall_visitors_invalid', message: '来访人数应为正整数', field: 'visitors' };
  if (representatives > MAX_REPRESENTATIVES)
    return {
      ok: false,
      code: 'hall_too_many_representatives',
      message: `多人走访应推选代表，代表人数不超过${MAX_REPRESENTATIVES}人`,
      field: 'representatives',
    };
  if (visitors >= GROUP_VISIT_FROM && representatives === 0)
    return {
      ok: false,
      code: 'hall_representatives_required',
      message: `${GROUP_VISIT_FROM}人以上走访，请登记推选的代表（不超过${MAX_REPRESENTATIVES}人）`,
      field: 'representatives',
    };
  if (representatives > visitors)
    return {
      ok: false,
      code: 'hall_representatives_exceed',
      message: '代表人数不能超过来访人数',
      field: 'representatives',
    };
  return { ok: true };
}

/** The queue number as shown and called: three digits, e.g. 007. */
export const queueLabel = (n: number) => String(n).padStart(3, '0');

/** A name on the public display: surname only, e.g. 张** (no personal data beyond that). */
export function displayName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 3)))}`;
}
