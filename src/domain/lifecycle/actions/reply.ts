// 出具处理意见书 (Art 32–33): the written decision, with the review body named in it.
import { z } from 'zod';
import { defineAction, literal, optionsOf, phrase, text } from '../define.ts';
import { OUTCOME_NAMES, OUTCOMES } from '../vocabulary.ts';
import { requiredText, textareaField, UNIT_STAFF } from './common.ts';

export const reply = defineAction({
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
  stops: ['handling', 'rehandling', 'objection'],
  public: true,
  effect: ({ payload: p }) => ({
    patch: { outcome: p.outcome },
    detail: {
      outcome: p.outcome,
      outcomeName: OUTCOME_NAMES[p.outcome],
      request: p.request,
      facts: p.facts,
      reasons: p.reasons,
      decision: p.decision,
    },
  }),
  document: {
    kind: 'handling_opinion',
    async data({ payload: p, actorUnit, ports }, base) {
      const review = actorUnit ? await ports.upperBureau(actorUnit) : undefined;
      return {
        ...base,
        request: p.request,
        facts: p.facts,
        reasons: p.reasons,
        decision: p.decision,
        outcome: OUTCOME_NAMES[p.outcome],
        reviewBody: review?.name,
      };
    },
  },
  form: [
    { name: 'outcome', label: '处理结果', kind: 'radio', required: true, options: optionsOf(OUTCOME_NAMES) },
    textareaField('request', '信访请求', 2000),
    textareaField('facts', '查明的事实'),
    textareaField('reasons', '处理理由与依据'),
    textareaField('decision', '处理意见'),
  ],
  describe: (d) => outcomePhrases(d),
});

/** The petitioner reads the conclusion and the decision of a reply, review or re-review. */
export function outcomePhrases(d: { outcomeName?: unknown; decision?: unknown }) {
  return [
    ...(text(d.outcomeName) ? [phrase('结论：{{o}}', { o: text(d.outcomeName) })] : []),
    ...(text(d.decision) ? [literal(text(d.decision))] : []),
  ];
}
