// 复查 and 复核 (Art 35): the petitioner asks the body one level up (within 30 days of the decision),
// which decides within 30 days; the re-review decision is final.
import { z } from 'zod';
import { conflict } from '../../../errors.ts';
import { type ActionPorts, defineAction, type FormField, optionsOf, phrase, text } from '../define.ts';
import { REVIEW_OUTCOME_NAMES, REVIEW_OUTCOMES } from '../vocabulary.ts';
import { optionalText, petitionerVia, requiredText, textareaField, viaLabel } from './common.ts';
import { decideAfterHearing } from './hearing.ts';
import { outcomePhrases } from './reply.ts';

const requestPayload = (what: string) => z.object({ reason: requiredText(`${what}理由`, 2000) });

const decidePayload = (what: string) =>
  z
    .object({
      outcome: z.enum(REVIEW_OUTCOMES, { error: `请选择${what}结论（维持、撤销、变更）` }),
      facts: requiredText(`${what}认定的事实`),
      reasons: requiredText(`${what}理由`),
      decision: optionalText('处理意见', 5000),
    })
    // 变更 states the varied opinion (the written opinion cannot be issued without it).
    .refine((p) => p.outcome !== 'vary' || !!p.decision, {
      message: `${what}结论为变更时，请填写变更后的意见`,
      path: ['decision'],
    });

const decideForm = (what: string): FormField[] => [
  {
    name: 'outcome',
    label: `${what}结论`,
    kind: 'radio',
    required: true,
    options: optionsOf(REVIEW_OUTCOME_NAMES),
  },
  textareaField('facts', `${what}认定的事实`),
  textareaField('reasons', `${what}理由`),
  { name: 'decision', label: `${what}意见`, kind: 'textarea', max: 5000 },
];

/** The body one level above the unit whose decision is contested. */
async function reviewBody(ports: ActionPorts, fromUnitId: number | null) {
  const from = await ports.unit(fromUnitId);
  const body = from ? await ports.upperBureau(from) : undefined;
  if (!body) throw conflict('no_review_body', '找不到上一级复查（复核）机关');
  return body;
}

export const requestReview = defineAction({
  label: '申请复查',
  from: ['delivered'],
  to: 'review_requested',
  roles: ['citizen', 'registrar'],
  who: 'petitioner',
  payload: requestPayload('复查'),
  within: { clock: 'review_window', why: '复查申请期是信访人的权利期间（第35条），届满未申请即期满办结' },
  starts: ['review'],
  stops: ['review_window'],
  public: true,
  async effect({ payload: p, c, actor, ports }) {
    const body = await reviewBody(ports, c.assignedUnitId ?? c.bureauUnitId);
    return {
      patch: { reviewUnitId: body.id, currentUnitId: body.id },
      detail: { reason: p.reason, reviewUnit: body.name, via: petitionerVia(actor) },
      targetUnit: body,
      auditSummary: { via: petitionerVia(actor) },
    };
  },
  form: [textareaField('reason', '复查理由', 2000)],
  eventLabel: (d) => viaLabel('申请复查', d.via),
  describe: (d) => [phrase('已申请复查，复查机关：{{unit}}', { unit: text(d.reviewUnit) })],
});

export const requestRereview = defineAction({
  label: '申请复核',
  from: ['reviewed'],
  to: 'rereview_requested',
  roles: ['citizen', 'registrar'],
  who: 'petitioner',
  payload: requestPayload('复核'),
  within: { clock: 'rereview_window', why: '复核申请期是信访人的权利期间（第36条），届满未申请即期满办结' },
  starts: ['rereview'],
  stops: ['rereview_window'],
  public: true,
  async effect({ payload: p, c, actor, ports }) {
    const body = await reviewBody(ports, c.reviewUnitId);
    return {
      patch: { reviewUnitId: body.id, currentUnitId: body.id },
      detail: { reason: p.reason, reviewUnit: body.name, via: petitionerVia(actor) },
      targetUnit: body,
      auditSummary: { via: petitionerVia(actor) },
    };
  },
  form: [textareaField('reason', '复核理由', 2000)],
  eventLabel: (d) => viaLabel('申请复核', d.via),
  describe: (d) => [phrase('已申请复核，复核机关：{{unit}}', { unit: text(d.reviewUnit) })],
});

const decisionDetail = (p: z.output<ReturnType<typeof decidePayload>>) => ({
  outcome: p.outcome,
  outcomeName: REVIEW_OUTCOME_NAMES[p.outcome],
  facts: p.facts,
  reasons: p.reasons,
  decision: p.decision,
});

/** Review outcomes that send the matter back to the original body to decide again (撤销、变更). */
export const REOPENING_OUTCOMES: readonly string[] = ['revoke', 'vary'];

export const decideReview = defineAction({
  label: '出具复查意见',
  from: ['review_requested'],
  to: 'reviewed',
  // 撤销 or 变更: the original handling unit decides again (重新办理) under a new clock, issues a new
  // 处理意见书 and delivers it; the petitioner has the same review rights against it.
  alsoTo: ['handling'],
  roles: ['reviewer'],
  who: 'holder',
  payload: decidePayload('复查'),
  blocked: decideAfterHearing,
  starts: ['rereview_window'],
  alsoStarts: ['rehandling'],
  stops: ['review'],
  public: true,
  async effect({ payload: p, c, ports }) {
    if (!REOPENING_OUTCOMES.includes(p.outcome)) {
      return { patch: {}, detail: { ...decisionDetail(p), reopened: false, originalUnit: undefined } };
    }
    const original = await ports.unit(c.assignedUnitId ?? c.bureauUnitId);
    if (!original) throw conflict('no_original_body', '找不到原办理机关，无法退回重新办理');
    return {
      patch: { currentUnitId: original.id },
      state: 'handling',
      starts: ['rehandling'],
      detail: { ...decisionDetail(p), reopened: true, originalUnit: original.name as string | undefined },
      targetUnit: original,
    };
  },
  document: {
    kind: 'review_opinion',
    async data({ payload: p, c, actorUnit, ports }, base) {
      const next = actorUnit ? await ports.upperBureau(actorUnit) : undefined;
      const prior = await ports.unit(c.assignedUnitId ?? c.bureauUnitId);
      const clocks = c.clocks;
      const requested = clocks.review?.trigger;
      // Sent back to decide again (撤销、变更): the opinion names the new limit (重新办理期限).
      const redo = REOPENING_OUTCOMES.includes(p.outcome) ? clocks.rehandling?.due : undefined;
      return {
        ...base,
        receivedAt: requested ? new Date(requested) : base.receivedAt,
        dueDate: redo ? new Date(redo) : undefined,
        originalBody: prior?.name,
        facts: p.facts,
        reasons: p.reasons,
        decision: p.decision || undefined,
        outcome: REVIEW_OUTCOME_NAMES[p.outcome],
        reviewBody: next?.name,
        final: false,
      };
    },
  },
  sms: { stage: 'review_decided' },
  form: decideForm('复查'),
  eventLabel: (d) => (d.reopened ? `出具复查意见（${text(d.outcomeName)}，退回重新办理）` : '出具复查意见'),
  describe: (d) => [
    ...outcomePhrases(d),
    ...(d.reopened ? [phrase('由{{unit}}重新作出处理意见', { unit: text(d.originalUnit) })] : []),
  ],
});

export const decideRereview = defineAction({
  label: '出具复核意见',
  from: ['rereview_requested'],
  to: 'final',
  roles: ['reviewer'],
  who: 'holder',
  payload: decidePayload('复核'),
  blocked: decideAfterHearing,
  stops: ['rereview'],
  public: true,
  effect: ({ payload: p, now }) => ({
    patch: { closedAt: now, currentUnitId: null },
    detail: decisionDetail(p),
  }),
  document: {
    kind: 'rereview_opinion',
    data({ payload: p, c }, base) {
      const requested = c.clocks.rereview?.trigger;
      return {
        ...base,
        receivedAt: requested ? new Date(requested) : base.receivedAt,
        originalBody: undefined,
        facts: p.facts,
        reasons: p.reasons,
        decision: p.decision || undefined,
        outcome: REVIEW_OUTCOME_NAMES[p.outcome],
        reviewBody: undefined,
        final: true,
      };
    },
  },
  sms: { stage: 'rereview_decided' },
  form: decideForm('复核'),
  describe: (d) => outcomePhrases(d),
});
