// 责任书 and 问责记录 as data: the statuses of a responsibility letter, the four kinds of
// accountability record with what each must say and its follow-up step.

/** 信访工作责任书: drafted by the issuing level, then signed by both sides' main leaders. */
export const LETTER_STATUSES = ['drafted', 'signed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_STATUS_NAMES: Record<LetterStatus, string> = { drafted: '已起草', signed: '已签订' };
/** 签订人 sides: the issuing jurisdiction's leaders (发放方) and the undertaking one's (责任方). */
export const SIGNATORY_SIDES = ['issuer', 'undertaker'] as const;

export const RECORD_KINDS = ['notice', 'interview', 'special_management', 'accountability'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type Field =
  | 'person'
  | 'interviewer'
  | 'commitments'
  | 'followUpOn'
  | 'periodFrom'
  | 'periodTo'
  | 'measures'
  | 'form'
  | 'decision';

/**
 * One row per kind: its name, the fields it requires besides 事由 (facts), the status it starts in
 * and the follow-up step that closes it (null: none).
 */
export const RECORD_KIND_RULES: Record<
  RecordKind,
  {
    name: string;
    requires: readonly Field[];
    initial: string;
    followUp: { action: 'follow_up' | 'lift'; to: string; name: string } | null;
  }
> = {
  // 通报: published notice of failures, numbered and issued as a Word document.
  notice: { name: '通报', requires: [], initial: 'published', followUp: null },
  // 约谈: who was interviewed by whom, the commitments, and a follow-up on a set date.
  interview: {
    name: '约谈',
    requires: ['person', 'interviewer', 'commitments', 'followUpOn'],
    initial: 'awaiting_follow_up',
    followUp: { action: 'follow_up', to: 'followed_up', name: '回访整改情况' },
  },
  // 重点管理: the unit is managed closely for a period, with the measures; lifted at the end.
  special_management: {
    name: '重点管理',
    requires: ['periodFrom', 'periodTo', 'measures'],
    initial: 'active',
    followUp: { action: 'lift', to: 'lifted', name: '解除重点管理' },
  },
  // 问责: who was held accountable, in what form, and the decision.
  accountability: {
    name: '问责',
    requires: ['person', 'form', 'decision'],
    initial: 'decided',
    followUp: null,
  },
};

export const RECORD_STATUS_NAMES: Record<string, string> = {
  published: '已发布',
  awaiting_follow_up: '待回访',
  followed_up: '已回访',
  active: '重点管理中',
  lifted: '已解除',
  decided: '已决定',
};

export const FIELD_NAMES: Record<Field, string> = {
  person: '对象（姓名、职务）',
  interviewer: '约谈人',
  commitments: '整改承诺',
  followUpOn: '回访日期',
  periodFrom: '管理起始日期',
  periodTo: '管理截止日期',
  measures: '管理措施',
  form: '问责方式',
  decision: '问责决定',
};

/** 问责方式 commonly used (free text is allowed; these are offered in the form). */
export const ACCOUNTABILITY_FORMS = ['通报批评', '诫勉谈话', '责令检查', '组织调整', '党纪政务处分'] as const;

/** 通报 number: 〔2026〕3号 (the issuing bureau's short prefix is added by the document). */
export const noticeNumber = (year: number, seq: number) => `〔${year}〕${seq}号`;

/** The first field a record of `kind` lacks, or null. */
export function missingField(
  kind: RecordKind,
  r: Partial<Record<Field, string | null | undefined>>,
): Field | null {
  for (const f of RECORD_KIND_RULES[kind].requires) if (!r[f] || !String(r[f]).trim()) return f;
  return null;
}
