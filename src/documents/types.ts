// Types of the official written documents (法律文书) of the petition process (domain.md §3, §6).

export type DocumentKind =
  | 'acceptance_notice' // 受理告知书
  | 'non_acceptance_notice' // 不予受理告知书 (不再受理告知书 when final)
  | 'forward_letter' // 转送函
  | 'assignment_order' // 交办单
  | 'extension_notice' // 延长办理期限告知书
  | 'handling_opinion' // 信访处理意见书
  | 'review_opinion' // 复查意见书
  | 'rereview_opinion' // 复核意见书
  | 'hearing_notice' // 听证通知书
  | 'hearing_record'; // 听证笔录

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'acceptance_notice',
  'non_acceptance_notice',
  'forward_letter',
  'assignment_order',
  'extension_notice',
  'handling_opinion',
  'review_opinion',
  'rereview_opinion',
  'hearing_notice',
  'hearing_record',
];

/**
 * Wordings of the opinions (处理意见书、复查意见书、复核意见书), chosen per unit (src/drafts): the
 * formal 公文 wording, or the same decision in plain words for citizens who read it on a phone.
 * The decision, its basis and the remedy are the same in both.
 */
export const OPINION_TEMPLATES = ['standard', 'plain'] as const;
export type OpinionTemplate = (typeof OPINION_TEMPLATES)[number];
export const OPINION_TEMPLATE_NAMES: Record<OpinionTemplate, string> = {
  standard: '标准文本（公文体）',
  plain: '通俗文本（简明易懂）',
};

/**
 * Who a document is written to. The petitioner reads the notices and opinions addressed to them;
 * 转送函 and 交办单 go from one office to another and stay inside the offices.
 */
export const DOCUMENT_AUDIENCE: Record<DocumentKind, 'petitioner' | 'offices'> = {
  acceptance_notice: 'petitioner',
  non_acceptance_notice: 'petitioner',
  forward_letter: 'offices',
  assignment_order: 'offices',
  extension_notice: 'petitioner',
  handling_opinion: 'petitioner',
  review_opinion: 'petitioner',
  rereview_opinion: 'petitioner',
  hearing_notice: 'petitioner', // 听证通知书: to the petitioner and the other parties
  hearing_record: 'petitioner', // 听证笔录: the petitioner heard at the hearing reads and signs it
};

export interface DocumentData {
  /** The body that signs, e.g. 南京市鼓楼区信访局. */
  issuingBody: string;
  /** 信访件编号, e.g. 3201062026000123. */
  caseNumber: string;
  /** 文号, e.g. 鼓信受〔2026〕123号; a default is derived from body, kind, year and case sequence. */
  documentNumber?: string;
  /** 成文日期, printed in Chinese numerals (Asia/Shanghai date). Also fixes the file's timestamps. */
  issuedAt: Date;
  /** The petitioner's name only. Never pass ID or phone numbers: the templates add none. */
  petitionerName: string;
  /** When the matter (or the review / re-review request) was received. */
  receivedAt: Date;
  /** 信访事项 in a few words, e.g. 小区加装电梯补贴发放. */
  subject: string;
  request?: string;
  facts?: string;
  reasons?: string;
  /** The concrete decision or measure, printed after the outcome. */
  decision?: string;
  /** handling: 支持 / 解释说明 / 不予支持 (or supported / explained / not_supported);
   *  review and re-review: 维持 / 撤销 / 变更 (or uphold / revoke / vary). */
  outcome?: string;
  /** Overrides the default articles of the decision sentence, e.g. ['《信访工作条例》第三十二条']. */
  legalBasis?: string[];
  /** Forward / assign target (the addressee of 转送函 and 交办单). */
  targetUnit?: string;
  /** Original due date (extension), feedback deadline (assignment) or handling deadline (acceptance). */
  dueDate?: Date;
  newDueDate?: Date;
  extensionReason?: string;
  /** Non-acceptance: NOT_IN_REMIT, LEGAL_CHANNEL, ... (domain.md §6). */
  reasonCode?: string;
  reasonText?: string;
  /** Non-acceptance: the body the petitioner should turn to. */
  competentBody?: string;
  /** The body named for 复查 (after a handling opinion) or 复核 (after a review opinion). */
  reviewBody?: string;
  /** 不再受理 instead of 不予受理. Defaults to whether the reason code is a final one. */
  final?: boolean;
  /** The issuing body's phone, printed as a note under the date. */
  contactPhone?: string;
  /** Review / re-review: the body whose opinion is under review (extension of the brief's API). */
  originalBody?: string;
  /** 听证: when and where, who takes part, and (record) what was heard and the hearing's opinion. */
  hearingAt?: Date;
  hearingPlace?: string;
  participants?: string;
  hearingRecord?: string;
  /** 复查 or 复核: the stage the hearing belongs to. */
  hearingStage?: string;
  /** Opinions: the unit's wording (default standard). */
  template?: OpinionTemplate;
}

/** One block of the body of a document, between the addressee line and the signature. */
export type Block =
  | { type: 'p'; text: string } // paragraph, first line indented 2 characters
  | { type: 'heading'; text: string } // 一、…  (黑体), indented 2 characters
  | { type: 'fields'; rows: readonly (readonly [string, string])[] }; // a bordered label/value table

/** A document as text, before layout: what a template returns. */
export interface DocumentModel {
  title: string;
  /** Without the colon: 张三 or the target unit. */
  addressee: string;
  blocks: Block[];
  /** 特此告知。 / 此函。 */
  closing?: string;
}

export class DocumentDataError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentDataError';
  }
}
