// 不予受理 (Art 22, 36): with the reason of the table of reasons and the body to turn to.
import { z } from 'zod';
import { defineAction, literal, phrase, text } from '../define.ts';
import { NON_ACCEPTANCE_REASON_CODES, NON_ACCEPTANCE_REASONS } from '../vocabulary.ts';
import { optionalText, requiredText, UNIT_STAFF } from './common.ts';

export const notAccept = defineAction({
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
  public: true,
  effect: ({ payload: p, actorUnit, now }) => ({
    patch: { reasonCode: p.reasonCode, closedAt: now, currentUnitId: null },
    detail: {
      unit: actorUnit?.name,
      reasonCode: p.reasonCode,
      reason: NON_ACCEPTANCE_REASONS[p.reasonCode].name,
      reasonText: p.reasonText,
      competentBody: p.competentBody,
    },
  }),
  document: {
    kind: 'non_acceptance_notice',
    data: ({ payload: p }, base) => {
      const reason = NON_ACCEPTANCE_REASONS[p.reasonCode];
      return {
        ...base,
        reasonCode: p.reasonCode,
        reasonText: p.reasonText || reason.name,
        competentBody: p.competentBody || undefined,
        legalBasis: [reason.basis],
        final: reason.final,
      };
    },
  },
  sms: {
    stage: 'not_accepted',
    values: ({ effect: e }) => ({ unit: text(e.detail.unit), reason: text(e.detail.reason) }),
  },
  form: [
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
  describe: (d) => [
    phrase('不予受理，理由：{{reason}}', { reason: text(d.reason) || text(d.reasonCode) }),
    ...(text(d.reasonText) ? [literal(text(d.reasonText))] : []),
    ...(text(d.competentBody) ? [phrase('请向{{body}}提出', { body: text(d.competentBody) })] : []),
  ],
});
