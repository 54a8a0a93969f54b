// 超期未评价: the petitioner let the evaluation window lapse without rating. Taken by the daily sweep
// through the engine's transition; recorded as a `deadline` event, internal.
import { z } from 'zod';
import { defineAction } from '../define.ts';

export const expireEvaluation = defineAction({
  label: '超期未评价',
  from: ['delivered', 'review_requested', 'reviewed', 'rereview_requested', 'final', 'closed'],
  to: 'same',
  roles: ['system'],
  who: 'system',
  payload: z.object({}),
  stops: ['evaluation'],
  public: false,
  records: 'deadline',
  effect: ({ c }) => ({
    patch: { evaluationStatus: 'expired' },
    detail: { kind: 'evaluation_expired', clock: 'evaluation', due: c.clocks.evaluation?.due },
  }),
  form: [],
});
