// 送达: the decision reaches the petitioner; the review and evaluation windows open.
import { z } from 'zod';
import { evaluable } from '../../anonymity.ts';
import { defineAction, optionsOf, phrase } from '../define.ts';
import { UNIT_STAFF } from './common.ts';

export const deliver = defineAction({
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
  public: true,
  // A decision made again after the review revoked or varied the first (重新办理) is delivered with
  // the same review rights; the petitioner's evaluation of the matter stays as it was (rated, lapsed
  // or still open), so a matter is rated, or counted unrated, once.
  // An anonymous letter's decision is kept on file (存档) instead: the review window runs (so the
  // matter closes by lapse as any other) but the evaluation never opens, as nobody can rate.
  effect: ({ payload: p, c, now }) => {
    const again = c.evaluationStatus !== null && c.evaluationStatus !== 'pending';
    const rated = evaluable(c);
    return {
      patch: { deliveredAt: now, evaluationStatus: rated ? (again ? c.evaluationStatus : 'pending') : null },
      starts: again || !rated ? ['review_window'] : undefined,
      detail: { method: p.method, receipt: p.receipt, petitionerView: p.petitionerView },
    };
  },
  sms: { stage: 'result' },
  form: [
    {
      name: 'method',
      label: '送达方式',
      kind: 'radio',
      required: true,
      options: optionsOf({ in_person: '直接送达', post: '邮寄送达', online: '网上送达', other: '其他' }),
    },
    {
      name: 'receipt',
      label: '送达回证',
      kind: 'radio',
      initial: 'none',
      options: optionsOf({ signed: '已签收', refused: '拒绝签收', none: '无' }),
    },
    {
      name: 'petitionerView',
      label: '信访人意见',
      kind: 'radio',
      initial: 'none',
      options: optionsOf({ agree: '同意', disagree: '不同意', none: '未表态' }),
    },
  ],
  describe: () => [phrase('处理意见书已送达')],
});
