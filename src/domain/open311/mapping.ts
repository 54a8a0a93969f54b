// Open311 GeoReport v2 (docs/interop.md): how the platform's words map to the standard's.
//   - services (service_code) are the first-level content categories (信访内容分类);
//   - jurisdiction_id is the GB/T 2260 code of the matter's place (问题属地), a subtree filter;
//   - a matter's state is `open` until it is in a terminal state (办结、终结、不予受理…), then `closed`;
//   - status_notes are the latest handling opinion (处理意见) or review decision, else the state's name;
//   - nothing personal leaves: no parties, no content; the title and notes with the parties' names
//     and every ID, mobile and landline number masked.
import { CONTENT_CATEGORIES, categoryByCode, OTHER_CATEGORY_CODE } from '../categories.ts';
import { type CaseState, isOpen, STATE_NAMES } from '../lifecycle/vocabulary.ts';
import { maskName, maskNumbersInText } from '../masking.ts';

export type Open311Status = 'open' | 'closed';
export const OPEN311_STATUSES = ['open', 'closed'] as const;

/** The status of a matter in a state. */
export function statusOf(state: CaseState): Open311Status {
  return isOpen(state) ? 'open' : 'closed';
}

/** The states behind each status (for the `status` filter). */
export function statesOf(status: Open311Status, all: readonly CaseState[]): CaseState[] {
  return all.filter((s) => statusOf(s) === status);
}

/** Category groups (`group`): the kind of matter, for clients that group services. */
const GROUP_OF: Record<string, string> = {
  '010000': '城乡建设与资源环境',
  '040000': '城乡建设与资源环境',
  '130000': '城乡建设与资源环境',
  '030000': '城乡建设与资源环境',
  '020000': '民生保障',
  '050000': '民生保障',
  '060000': '民生保障',
  '070000': '民生保障',
  '080000': '政法与监督',
  '140000': '政法与监督',
  '160000': '政法与监督',
  '090000': '经济与市场',
  '100000': '经济与市场',
  '110000': '经济与市场',
  '120000': '经济与市场',
};

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

/**
 * The service list. `realtime`: a POST answers the new request's id at once. `metadata` false: a
 * service asks for no attributes beyond the standard fields.
 */
export const OPEN311_SERVICES: readonly Open311Service[] = CONTENT_CATEGORIES.map((c) => ({
  service_code: c.code,
  service_name: c.name,
  description: c.description,
  metadata: false,
  type: 'realtime',
  keywords: c.description.replace(/[、与]/g, ',').replace(/,+/g, ','),
  group: GROUP_OF[c.code] ?? '其他',
}));

export const serviceByCode = (code: string) => OPEN311_SERVICES.find((s) => s.service_code === code);

/** The service of a matter's category (a matter without one is 其他). */
export function serviceOf(categoryCode: string | null): { code: string; name: string } {
  const c = categoryByCode(categoryCode ?? '') ?? categoryByCode(OTHER_CATEGORY_CODE);
  return { code: c?.code ?? OTHER_CATEGORY_CODE, name: c?.name ?? '其他' };
}

/**
 * Text for the outside: every known party name replaced by its mask (张三 → 张*) and every ID,
 * mobile and landline number masked. Names shorter than two characters are not searched for.
 */
export function redactForPublic(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    if ([...n].length >= 2) out = out.split(n).join(maskName(n));
  }
  return maskNumbersInText(out);
}

/** The latest decision worth telling: a handling opinion (答复) or a review (复查/复核). */
export interface DecisionNote {
  action: string;
  outcomeName?: string;
  decision?: string;
}

const DECISION_LABEL: Record<string, string> = {
  reply: '处理意见',
  decide_review: '复查意见',
  decide_rereview: '复核意见',
};

/** `status_notes`: the latest decision, redacted, or the state's name. */
export function statusNotes(
  state: CaseState,
  note: DecisionNote | undefined,
  names: readonly string[],
): string {
  if (!note) return STATE_NAMES[state];
  const label = DECISION_LABEL[note.action] ?? '处理意见';
  const parts = [`${STATE_NAMES[state]}。`];
  if (note.outcomeName) parts.push(`处理结果：${note.outcomeName}。`);
  if (note.decision) parts.push(`${label}：${note.decision}`);
  return redactForPublic(parts.join(''), names).slice(0, 2000);
}

/** W3C datetime on the Asia/Shanghai clock, as GeoReport v2 writes them: 2026-03-01T09:30:00+08:00. */
export function w3cDateTime(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** The subject (title) of a request posted without one: its first clause, at most 40 characters. */
export function subjectFrom(description: string, serviceName: string): string {
  const first =
    description
      .trim()
      .split(/[。！？!?\n；;]/)[0]
      ?.trim() ?? '';
  const s = first.length >= 2 ? first : serviceName;
  return [...s].slice(0, 40).join('');
}

// ---- XML -----------------------------------------------------------------------------------------

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<root><item><field>…</field>…</item>…</root>`, the shape of every GeoReport v2 XML answer. */
export function toXml(root: string, item: string, rows: readonly Record<string, unknown>[]): string {
  const field = (k: string, v: unknown): string => {
    if (v === null || v === undefined) return `<${k}/>`;
    if (Array.isArray(v)) return `<${k}>${v.map((x) => field(k.replace(/s$/, ''), x)).join('')}</${k}>`;
    if (typeof v === 'object')
      return `<${k}>${Object.entries(v as Record<string, unknown>)
        .map(([kk, vv]) => field(kk, vv))
        .join('')}</${k}>`;
    return `<${k}>${esc(String(v))}</${k}>`;
  };
  const body = rows
    .map(
      (r) =>
        `<${item}>${Object.entries(r)
          .map(([k, v]) => field(k, v))
          .join('')}</${item}>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}
