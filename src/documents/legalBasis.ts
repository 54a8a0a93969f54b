// Default legal basis per document kind, from the 2022 《信访工作条例》 (domain.md §3, §6).
import { chineseInteger } from './format.ts';
import type { DocumentData, DocumentKind } from './types.ts';

export const REGULATION = '《信访工作条例》';

export const article = (n: number): string => `${REGULATION}第${chineseInteger(n)}条`;

/** Articles cited in the decision sentence, and those behind the remedy paragraph. */
const KIND_ARTICLES: Record<DocumentKind, { decision: number[]; remedy: number[] }> = {
  acceptance_notice: { decision: [22, 23], remedy: [] },
  non_acceptance_notice: { decision: [23], remedy: [] },
  forward_letter: { decision: [22], remedy: [] },
  assignment_order: { decision: [22], remedy: [] },
  extension_notice: { decision: [34], remedy: [] },
  handling_opinion: { decision: [31, 32], remedy: [35] },
  review_opinion: { decision: [35], remedy: [36] },
  rereview_opinion: { decision: [36], remedy: [] },
  hearing_notice: { decision: [31, 36], remedy: [] },
  hearing_record: { decision: [31, 36], remedy: [] },
};

export interface NonAcceptanceReason {
  article: number;
  final: boolean;
  /** The finding, after 经审查，. */
  finding: string;
  /** Where the petitioner should go instead, if anywhere. */
  guidance?: (competentBody: string | undefined) => string;
}

/** The reasons of domain.md §6, with the same articles as the lifecycle vocabulary. */
export const NON_ACCEPTANCE_REASONS: Record<string, NonAcceptanceReason> = {
  NOT_IN_REMIT: {
    article: 23,
    final: false,
    finding: '你反映的事项不属于本机关职权范围。',
    guidance: (b) => `请你向${b ?? '有权处理的机关、单位'}提出。`,
  },
  LEGAL_CHANNEL: {
    article: 31,
    final: false,
    finding: '你反映的事项依法应当通过诉讼、仲裁、行政复议等法定途径解决。',
    guidance: (b) => `请你依照有关法律、法规规定的程序，向${b ?? '有关机关'}提出。`,
  },
  BEING_HANDLED_SAME_MATTER: {
    article: 19,
    final: false,
    finding: '该信访事项已经受理或者正在办理，你在规定期限内又向受理、办理机关的上级机关提出同一信访事项。',
    guidance: (b) => `请你耐心等待${b ?? '原受理、办理机关'}的办理结果。`,
  },
  SKIPPED_LEVEL_VISIT: {
    article: 20,
    final: false,
    finding: '你采用走访形式提出信访事项，未到有权处理的本级或者上一级机关、单位设立或者指定的接待场所提出。',
    guidance: (b) => `请你到${b ?? '有权处理的机关、单位'}设立或者指定的接待场所反映。`,
  },
  COURT_PROCURATORATE_MATTER: {
    article: 28,
    final: false,
    finding: '你反映的事项涉及诉讼权利救济，应当由有关政法部门依照法律规定的程序处理。',
    guidance: (b) => `请你依法向${b ?? '有关政法部门'}提出。`,
  },
  REREVIEW_DONE_SAME_FACTS: {
    article: 36,
    final: true,
    finding: '该信访事项已经复核机关作出复核意见，你仍然以同一事实和理由提出投诉请求。',
  },
  LITIGATION_MATTER_TERMINATED: {
    article: 31,
    final: true,
    finding: '你反映的涉法涉诉信访事项已经依法终结。',
  },
  REVIEW_WINDOW_LAPSED: {
    article: 35,
    final: true,
    finding: '你未在收到书面答复之日起30日内请求复查（复核），现仍然以同一事实和理由提出投诉请求。',
  },
  NO_REPRESENTATIVES: {
    article: 20,
    final: false,
    finding: '你们多人采用走访形式提出共同的信访事项，未依照规定推选代表（代表人数不得超过5人）。',
    guidance: () => '请你们推选代表后再行反映。',
  },
};

/** 不再受理 when the caller says so, otherwise when the reason is a final one. */
export const isFinalNonAcceptance = (data: Pick<DocumentData, 'final' | 'reasonCode'>): boolean =>
  data.final ?? NON_ACCEPTANCE_REASONS[data.reasonCode ?? '']?.final ?? false;

function decisionArticles(kind: DocumentKind, opts: LegalBasisOptions): number[] {
  if (kind !== 'non_acceptance_notice') return KIND_ARTICLES[kind].decision;
  const reason = NON_ACCEPTANCE_REASONS[opts.reasonCode ?? ''];
  if (reason) return [reason.article];
  return opts.final ? [36] : [23];
}

export interface LegalBasisOptions {
  reasonCode?: string;
  final?: boolean;
}

/** Articles cited in a document's decision sentence (the caller's `legalBasis` replaces these). */
export function decisionBasisFor(kind: DocumentKind, opts: LegalBasisOptions = {}): string[] {
  return decisionArticles(kind, opts).map(article);
}

/** Default articles of 《信访工作条例》(2022) for a kind: its decision and its remedy articles. */
export function legalBasisFor(kind: DocumentKind, opts: LegalBasisOptions = {}): string[] {
  const all = [...decisionArticles(kind, opts), ...KIND_ARTICLES[kind].remedy];
  return [...new Set(all)].sort((a, b) => a - b).map(article);
}
