// Shared wording and checks of the templates.
import { chineseDate, joinLegalBasis } from '../format.ts';
import { decisionBasisFor } from '../legalBasis.ts';
import { type DocumentData, DocumentDataError, type DocumentKind } from '../types.ts';

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  acceptance_notice: '信访事项受理告知书',
  non_acceptance_notice: '信访事项不予受理告知书',
  forward_letter: '信访事项转送函',
  assignment_order: '信访事项交办单',
  extension_notice: '信访事项延长办理期限告知书',
  handling_opinion: '信访处理意见书',
  review_opinion: '信访事项复查意见书',
  rereview_opinion: '信访事项复核意见书',
  hearing_notice: '信访事项听证通知书',
  hearing_record: '信访事项听证笔录',
};
/** The title of a non-acceptance notice when the matter is refused for good. */
export const FINAL_NON_ACCEPTANCE_TITLE = '信访事项不再受理告知书';

export const cd = chineseDate;

/** Caller text as a sentence: trimmed, ending with 。 unless it already ends with a stop. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；…]$|[。！？]”$/.test(t) ? t : `${t.replace(/[，、,;：:]+$/, '')}。`;
}

/**
 * Caller text of a finding without its own lead-in (经调查，/经调查核实，/经查明：…): the template
 * says 经调查核实， (or 经复查查明，) itself, and staff often start the facts the same way, which
 * printed 经调查核实，经调查，… . Only a lead-in ending in a comma or colon is taken off, so
 * 经查阅档案 stays.
 */
export function withoutLeadIn(text: string): string {
  const lead =
    /^\s*经(?:过)?(?:调查核实|调查了解|调查|核实|核查|查明|查|复查查明|复查|复核查明|复核|审查)[，,：:]\s*/;
  let t = text;
  while (lead.test(t)) t = t.replace(lead, '');
  return t.trim() === '' ? text : t;
}

/** Caller text inside a sentence: no final stop. */
export const clause = (text: string) => text.trim().replace(/[。！？；，、,;.]+$/, '');

export function required<K extends keyof DocumentData>(
  data: DocumentData,
  field: K,
  label: string,
): NonNullable<DocumentData[K]> {
  const v = data[field];
  const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  const badDate = v instanceof Date && Number.isNaN(v.getTime());
  if (empty || badDate) throw new DocumentDataError(String(field), `缺少${label}（${String(field)}）`);
  return v as NonNullable<DocumentData[K]>;
}

/** 你于二〇二六年十一月二十日反映的“…”信访事项（信访件编号：…） */
export const matterOf = (d: DocumentData) =>
  `你于${cd(d.receivedAt)}反映的“${d.subject.trim()}”信访事项（信访件编号：${d.caseNumber.trim()}）`;

/** The articles of the decision sentence: the caller's, or the kind's defaults. */
export function basisOf(d: DocumentData, kind: DocumentKind, final = false): string {
  const list = d.legalBasis?.filter((s) => s.trim() !== '') ?? [];
  return joinLegalBasis(list.length > 0 ? list : decisionBasisFor(kind, { reasonCode: d.reasonCode, final }));
}

export const QUERY_PARAGRAPH =
  '你可以凭信访件编号和查询码，通过网上信访信息系统查询办理进展和结果，并对办理情况进行评价。';

export const SYSTEM_PARAGRAPH =
  '信访事项材料已通过信访信息系统推送，信访人联系方式请在系统中查阅。请及时签收办理，并将告知、办理情况录入信访信息系统。';
