// 评价: the petitioner rates the bureau and the handling unit, once, within the evaluation window.
import { z } from 'zod';
import { conflict } from '../../../errors.ts';
import { evaluable } from '../../anonymity.ts';
import { defineAction, optionsOf, phrase, text } from '../define.ts';
import { RATING_NAMES, RATINGS } from '../vocabulary.ts';
import { optionalText, petitionerVia, viaLabel } from './common.ts';

export const rate = defineAction({
  label: '评价',
  from: ['delivered', 'reviewed', 'closed'],
  to: 'same',
  // The petitioner online or with the query code; for a letter, visit or phone petitioner also the
  // bureau in charge, recording what the petitioner said (代录; the event keeps who recorded it).
  roles: ['citizen', 'registrar'],
  who: 'petitioner',
  onBehalf: 'offline',
  payload: z.object({
    bureauRating: z.enum(RATINGS, { error: '请评价信访部门' }),
    unitRating: z.enum(RATINGS, { error: '请评价责任单位' }),
    comment: optionalText('评价意见', 500),
  }),
  within: { clock: 'evaluation', why: '评价期是信访人的权利期间，届满未评价即记为超期未评价' },
  stops: ['evaluation'],
  public: true,
  blocked: {
    when: (c) => c.ratedAt != null || !evaluable(c),
    error: (c) =>
      evaluable(c)
        ? conflict('already_rated', '您已评价过该事项')
        : conflict('anonymous_not_ratable', '匿名信访事项没有信访人，不作评价'),
  },
  effect: ({ payload: p, actor, now }) => ({
    patch: {
      bureauRating: p.bureauRating,
      unitRating: p.unitRating,
      ratedAt: now,
      evaluationStatus: 'rated',
    },
    detail: {
      bureauRating: RATING_NAMES[p.bureauRating],
      unitRating: RATING_NAMES[p.unitRating],
      comment: p.comment,
      via: petitionerVia(actor),
    },
    auditSummary: { via: petitionerVia(actor) },
  }),
  form: [
    {
      name: 'bureauRating',
      label: '对信访部门',
      kind: 'radio',
      required: true,
      options: optionsOf(RATING_NAMES),
    },
    {
      name: 'unitRating',
      label: '对责任单位',
      kind: 'radio',
      required: true,
      options: optionsOf(RATING_NAMES),
    },
    { name: 'comment', label: '意见建议', kind: 'textarea', max: 500 },
  ],
  eventLabel: (d) => viaLabel('评价', d.via),
  describe: (d) => [
    phrase('您的评价：信访部门{{b}}，责任单位{{u}}', { b: text(d.bureauRating), u: text(d.unitRating) }),
  ],
});
