// The lifecycle as one table (办理流程). Every action: the states it may start from, the state it
// leads to, who may take it, what it requires, which clocks it starts or stops, which written
// notice (文书) and which SMS it produces. The engine (src/cases/engine.ts), the API's
// `availableActions`, the UI's buttons and docs/lifecycle.md all read this table.
import { z } from 'zod';
import type { Role } from '../roles.ts';
import { zId, zText } from '../validation/fields.ts';
import type { ClockName } from './limits.ts';
import {
  type CaseState,
  LEGAL_CHANNEL_CODES,
  NON_ACCEPTANCE_REASON_CODES,
  OUTCOMES,
  RATINGS,
  REVIEW_OUTCOMES,
} from './vocabulary.ts';

/** Whose turn it is, beyond the role. */
export type Who =
  | 'holder' // staff of the unit currently holding the matter (current unit)
  | 'bureau' // staff of the petition bureau in charge (second signature, closing)
  | 'petitioner' // the petitioner (online), or the bureau in charge recording for them
  | 'in_scope'; // staff of the role who can see the matter (supervision)

export type DocumentKind =
  | 'acceptance_notice'
  | 'non_acceptance_notice'
  | 'forward_letter'
  | 'assignment_order'
  | 'extension_notice'
  | 'handling_opinion'
  | 'review_opinion'
  | 'rereview_opinion';

/** SMS stages (短信节点); texts are templates in notices.ts, editable per installation. */
export type SmsStage =
  | 'registered'
  | 'accepted'
  | 'handling'
  | 'result'
  | 'not_accepted'
  | 'forwarded'
  | 'extended'
  | 'review_decided'
  | 'rereview_decided'
  | 'channelled';

export interface ActionDef {
  label: string;
  from: readonly CaseState[];
  /** Next state; 'same' keeps it; 'by_unit' → handling when a department takes it, accepted for a bureau. */
  to: CaseState | 'same' | 'by_unit';
  roles: readonly Role[];
  who: Who;
  payload: z.ZodObject;
  /** Only while this clock runs (e.g. review must be requested within the review window). */
  within?: ClockName;
  /** Clocks started at the action's time, and clocks that stop. */
  starts?: readonly ClockName[];
  stops?: readonly ClockName[];
  document?: DocumentKind;
  sms?: SmsStage;
  /** Shown on the petitioner's timeline. */
  public: boolean;
}

const note = zText({ label: '备注', max: 2000 }).optional();
const requiredText = (label: string, max = 5000) => zText({ label, max, min: 1 });
const optionalText = (label: string, max: number) => zText({ label, max }).optional();

const STAFF_BUREAU: readonly Role[] = ['registrar'];
const UNIT_STAFF: readonly Role[] = ['registrar', 'handler'];

export const ACTIONS = {
  forward: {
    label: '转送',
    from: ['registered'],
    to: 'forwarded',
    roles: STAFF_BUREAU,
    who: 'holder',
    payload: z.object({ targetUnitId: zId('转送单位'), note }),
    starts: ['acceptance', 'objection'],
    document: 'forward_letter',
    sms: 'forwarded',
    public: true,
  },
  accept: {
    label: '受理',
    from: ['registered', 'forwarded'],
    to: 'by_unit',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({ note }),
    within: 'acceptance',
    starts: ['handling'],
    stops: ['acceptance'],
    document: 'acceptance_notice',
    sms: 'accepted',
    public: true,
  },
  not_accept: {
    label: '不予受理',
    from: ['registered', 'forwarded'],
    to: 'not_accepted',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({
      reasonCode: z.enum(NON_ACCEPTANCE_REASON_CODES, { error: '请选择不予受理的理由' }),
      reasonText: requiredText('不予受理的具体理由', 2000),
      competentBody: optionalText('有权处理的机关', 100),
    }),
    stops: ['acceptance'],
    document: 'non_acceptance_notice',
    sms: 'not_accepted',
    public: true,
  },
  refer_channel: {
    label: '导入法定途径',
    from: ['registered', 'forwarded', 'accepted'],
    to: 'channelled',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({
      channel: z.enum(LEGAL_CHANNEL_CODES, { error: '请选择法定途径' }),
      competentBody: requiredText('受理机关', 100),
      reasonText: requiredText('导入理由', 2000),
    }),
    stops: ['acceptance', 'handling'],
    document: 'non_acceptance_notice',
    sms: 'channelled',
    public: true,
  },
  assign: {
    label: '交办',
    from: ['accepted'],
    to: 'handling',
    roles: STAFF_BUREAU,
    who: 'holder',
    payload: z.object({ targetUnitId: zId('交办单位'), instructions: optionalText('交办要求', 2000) }),
    starts: ['objection'],
    document: 'assignment_order',
    sms: 'handling',
    public: true,
  },
  object: {
    label: '异议退回',
    from: ['handling', 'forwarded'],
    to: 'registered',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({ reason: requiredText('退回理由', 2000) }),
    within: 'objection',
    stops: ['objection'],
    public: false,
  },
  add_progress: {
    label: '办理进展',
    from: ['accepted', 'handling', 'extension_pending', 'review_requested', 'rereview_requested'],
    to: 'same',
    roles: ['registrar', 'handler', 'reviewer'],
    who: 'holder',
    payload: z.object({ note: requiredText('办理进展'), public: z.boolean().default(true) }),
    public: true,
  },
  request_extension: {
    label: '申请延期',
    from: ['handling', 'accepted'],
    to: 'extension_pending',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({
      days: z.number().int().min(1, '延期天数至少1天'),
      reason: requiredText('延期理由', 1000),
    }),
    within: 'handling',
    public: false,
  },
  approve_extension: {
    label: '批准延期',
    from: ['extension_pending'],
    to: 'handling',
    roles: ['reviewer'],
    who: 'bureau',
    payload: z.object({ note }),
    document: 'extension_notice',
    sms: 'extended',
    public: true,
  },
  reject_extension: {
    label: '不批准延期',
    from: ['extension_pending'],
    to: 'handling',
    roles: ['reviewer'],
    who: 'bureau',
    payload: z.object({ reason: requiredText('不批准理由', 1000) }),
    public: false,
  },
  settle: {
    label: '调解和解',
    from: ['accepted', 'handling'],
    to: 'settled',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({
      kind: z.enum(['mediation', 'settlement'], { error: '请选择调解或和解' }),
      agreement: requiredText('协议内容'),
    }),
    stops: ['handling', 'objection'],
    public: true,
  },
  reply: {
    label: '出具处理意见书',
    from: ['accepted', 'handling'],
    to: 'replied',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({
      outcome: z.enum(OUTCOMES, { error: '请选择处理结果（支持、解释说明、不予支持）' }),
      request: requiredText('信访请求', 2000),
      facts: requiredText('查明的事实'),
      reasons: requiredText('处理理由与依据'),
      decision: requiredText('处理意见'),
    }),
    stops: ['handling', 'objection'],
    document: 'handling_opinion',
    public: true,
  },
  deliver: {
    label: '送达',
    from: ['replied'],
    to: 'delivered',
    roles: UNIT_STAFF,
    who: 'holder',
    payload: z.object({
      method: z.enum(['in_person', 'post', 'online', 'other'], { error: '请选择送达方式' }),
      receipt: z.enum(['signed', 'refused', 'none']).default('none'),
      petitionerView: z.enum(['agree', 'disagree', 'none']).default('none'),
    }),
    starts: ['review_window', 'evaluation'],
    sms: 'result',
    public: true,
  },
  rate: {
    label: '评价',
    from: ['delivered', 'reviewed', 'closed'],
    to: 'same',
    roles: ['citizen'],
    who: 'petitioner',
    payload: z.object({
      bureauRating: z.enum(RATINGS, { error: '请评价信访部门' }),
      unitRating: z.enum(RATINGS, { error: '请评价责任单位' }),
      comment: optionalText('评价意见', 500),
    }),
    within: 'evaluation',
    stops: ['evaluation'],
    public: true,
  },
  request_review: {
    label: '申请复查',
    from: ['delivered'],
    to: 'review_requested',
    roles: ['citizen', 'registrar'],
    who: 'petitioner',
    payload: z.object({ reason: requiredText('复查理由', 2000) }),
    within: 'review_window',
    starts: ['review'],
    stops: ['review_window'],
    public: true,
  },
  decide_review: {
    label: '出具复查意见',
    from: ['review_requested'],
    to: 'reviewed',
    roles: ['reviewer'],
    who: 'holder',
    payload: z.object({
      outcome: z.enum(REVIEW_OUTCOMES, { error: '请选择复查结论（维持、撤销、变更）' }),
      facts: requiredText('复查认定的事实'),
      reasons: requiredText('复查理由'),
      decision: optionalText('处理意见', 5000),
    }),
    within: 'review',
    starts: ['rereview_window'],
    stops: ['review'],
    document: 'review_opinion',
    sms: 'review_decided',
    public: true,
  },
  request_rereview: {
    label: '申请复核',
    from: ['reviewed'],
    to: 'rereview_requested',
    roles: ['citizen', 'registrar'],
    who: 'petitioner',
    payload: z.object({ reason: requiredText('复核理由', 2000) }),
    within: 'rereview_window',
    starts: ['rereview'],
    stops: ['rereview_window'],
    public: true,
  },
  decide_rereview: {
    label: '出具复核意见',
    from: ['rereview_requested'],
    to: 'final',
    roles: ['reviewer'],
    who: 'holder',
    payload: z.object({
      outcome: z.enum(REVIEW_OUTCOMES, { error: '请选择复核结论（维持、撤销、变更）' }),
      facts: requiredText('复核认定的事实'),
      reasons: requiredText('复核理由'),
      decision: optionalText('处理意见', 5000),
    }),
    within: 'rereview',
    stops: ['rereview'],
    document: 'rereview_opinion',
    sms: 'rereview_decided',
    public: true,
  },
  close: {
    label: '办结',
    from: ['delivered', 'reviewed'],
    to: 'closed',
    roles: ['registrar', 'reviewer'],
    who: 'bureau',
    payload: z.object({ note }),
    stops: ['review_window', 'rereview_window'],
    public: true,
  },
  // 重复信访 found after registration (e.g. from `related`): not accepted, linked to the open matter.
  link_repeat: {
    label: '关联重复件',
    from: ['registered', 'forwarded'],
    to: 'not_accepted',
    roles: STAFF_BUREAU,
    who: 'holder',
    payload: z.object({
      targetCaseId: zId('要关联的信访事项'),
      note,
    }),
    stops: ['acceptance', 'objection'],
    public: true,
  },
  supervise: {
    label: '督办',
    from: [
      'registered',
      'forwarded',
      'accepted',
      'handling',
      'extension_pending',
      'replied',
      'review_requested',
      'rereview_requested',
    ],
    to: 'same',
    roles: ['supervisor', 'leader'],
    who: 'in_scope',
    payload: z.object({ instructions: requiredText('督办意见', 2000) }),
    public: false,
  },
  flag_backlog: {
    label: '积案标识',
    from: [
      'accepted',
      'handling',
      'extension_pending',
      'replied',
      'delivered',
      'review_requested',
      'reviewed',
      'rereview_requested',
    ],
    to: 'same',
    roles: ['supervisor', 'reviewer', 'leader'],
    who: 'in_scope',
    payload: z.object({ reason: requiredText('标识理由', 1000) }),
    public: false,
  },
} as const satisfies Record<string, ActionDef>;

export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as [ActionName, ...ActionName[]];
// Own keys only: `'toString' in ACTIONS` is true (Object.prototype).
export const isActionName = (s: string): s is ActionName => Object.hasOwn(ACTIONS, s);
export type ActionPayload<A extends ActionName> = z.output<(typeof ACTIONS)[A]['payload']>;

/** The states an action can lead to (for diagrams and reachability checks). */
export function possibleTargets(name: ActionName): CaseState[] {
  const def: ActionDef = ACTIONS[name];
  if (def.to === 'same') return [];
  if (def.to === 'by_unit') return ['accepted', 'handling'];
  // An objection returns a forwarded matter to registration, an assigned one to the bureau.
  if (name === 'object') return ['registered', 'accepted'];
  return [def.to];
}
