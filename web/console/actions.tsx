// The fields of every lifecycle action's form, by action name, mirroring the payloads in
// src/domain/lifecycle/actions.ts. Which actions a user may take comes from the server only
// (CaseDetail.availableActions); this table just says what to ask for.
import {
  LEGAL_CHANNELS,
  NON_ACCEPTANCE_REASONS,
  OUTCOME_NAMES,
  REVIEW_OUTCOME_NAMES,
} from '../../src/domain/lifecycle/vocabulary.ts';

/** 'relatedCase' picks one of the case's own `related` matters (重复件 → 原事项). */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'radio'
  | 'number'
  | 'unit'
  | 'switch'
  | 'relatedCase';

export interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: string }[];
  initial?: unknown;
  max?: number;
  min?: number;
  placeholder?: string;
}

const opts = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label }));
const note: Field = { name: 'note', label: '备注', kind: 'textarea', max: 2000 };

const decideFields = (what: string): Field[] => [
  {
    name: 'outcome',
    label: `${what}结论`,
    kind: 'radio',
    required: true,
    options: opts(REVIEW_OUTCOME_NAMES),
  },
  { name: 'facts', label: `${what}认定的事实`, kind: 'textarea', required: true, max: 5000 },
  { name: 'reasons', label: `${what}理由`, kind: 'textarea', required: true, max: 5000 },
  { name: 'decision', label: `${what}意见`, kind: 'textarea', max: 5000 },
];

export const ACTION_FIELDS: Record<string, Field[]> = {
  forward: [
    { name: 'targetUnitId', label: '转送单位', kind: 'unit', required: true },
    { ...note, label: '转送说明' },
  ],
  accept: [note],
  not_accept: [
    {
      name: 'reasonCode',
      label: '不予受理理由',
      kind: 'select',
      required: true,
      options: Object.entries(NON_ACCEPTANCE_REASONS).map(([value, r]) => ({
        value,
        label: `${r.name}（${r.basis}）`,
      })),
    },
    { name: 'reasonText', label: '具体理由', kind: 'textarea', required: true, max: 2000 },
    {
      name: 'competentBody',
      label: '有权处理的机关',
      kind: 'text',
      max: 100,
      placeholder: '如：鼓楼区人民法院',
    },
  ],
  link_repeat: [
    { name: 'targetCaseId', label: '关联到的信访事项', kind: 'relatedCase', required: true },
    { ...note, label: '关联说明' },
  ],
  refer_channel: [
    { name: 'channel', label: '法定途径', kind: 'select', required: true, options: opts(LEGAL_CHANNELS) },
    { name: 'competentBody', label: '受理机关', kind: 'text', required: true, max: 100 },
    { name: 'reasonText', label: '导入理由', kind: 'textarea', required: true, max: 2000 },
  ],
  assign: [
    { name: 'targetUnitId', label: '承办单位', kind: 'unit', required: true },
    { name: 'instructions', label: '交办意见', kind: 'textarea', max: 2000 },
  ],
  object: [{ name: 'reason', label: '退回理由', kind: 'textarea', required: true, max: 2000 }],
  add_progress: [
    { name: 'note', label: '办理进展', kind: 'textarea', required: true, max: 5000 },
    { name: 'public', label: '信访人可见', kind: 'switch', initial: true },
  ],
  request_extension: [
    { name: 'days', label: '延期天数', kind: 'number', required: true, min: 1, max: 30 },
    { name: 'reason', label: '延期理由', kind: 'textarea', required: true, max: 1000 },
  ],
  approve_extension: [note],
  reject_extension: [{ name: 'reason', label: '不批准理由', kind: 'textarea', required: true, max: 1000 }],
  settle: [
    {
      name: 'kind',
      label: '方式',
      kind: 'radio',
      required: true,
      options: [
        { value: 'mediation', label: '调解' },
        { value: 'settlement', label: '和解' },
      ],
    },
    { name: 'agreement', label: '协议内容', kind: 'textarea', required: true, max: 5000 },
  ],
  reply: [
    { name: 'outcome', label: '处理结果', kind: 'radio', required: true, options: opts(OUTCOME_NAMES) },
    { name: 'request', label: '信访请求', kind: 'textarea', required: true, max: 2000 },
    { name: 'facts', label: '查明的事实', kind: 'textarea', required: true, max: 5000 },
    { name: 'reasons', label: '处理理由与依据', kind: 'textarea', required: true, max: 5000 },
    { name: 'decision', label: '处理意见', kind: 'textarea', required: true, max: 5000 },
  ],
  deliver: [
    {
      name: 'method',
      label: '送达方式',
      kind: 'radio',
      required: true,
      options: opts({ in_person: '直接送达', post: '邮寄送达', online: '网上送达', other: '其他' }),
    },
    {
      name: 'receipt',
      label: '送达回证',
      kind: 'radio',
      initial: 'none',
      options: opts({ signed: '已签收', refused: '拒绝签收', none: '无' }),
    },
    {
      name: 'petitionerView',
      label: '信访人意见',
      kind: 'radio',
      initial: 'none',
      options: opts({ agree: '同意', disagree: '不同意', none: '未表态' }),
    },
  ],
  request_review: [{ name: 'reason', label: '复查理由', kind: 'textarea', required: true, max: 2000 }],
  decide_review: decideFields('复查'),
  request_rereview: [{ name: 'reason', label: '复核理由', kind: 'textarea', required: true, max: 2000 }],
  decide_rereview: decideFields('复核'),
  close: [note],
  supervise: [{ name: 'instructions', label: '督办意见', kind: 'textarea', required: true, max: 2000 }],
  flag_backlog: [{ name: 'reason', label: '标识理由', kind: 'textarea', required: true, max: 1000 }],
};

/** Keyboard shortcuts on the case page (only when no input has the focus). */
export const SHORTCUTS: Record<string, string> = {
  a: 'accept',
  n: 'not_accept',
  f: 'forward',
  g: 'assign',
  r: 'reply',
  d: 'deliver',
};

/** Drops empty optional values so the server's defaults apply. */
export function cleanPayload(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim() === '') continue;
      out[k] = v.trim();
    } else out[k] = v;
  }
  return out;
}
