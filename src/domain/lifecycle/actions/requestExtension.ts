// 申请延期 (Art 34): the handler asks the bureau in charge for more time, at most the limit in all.
import { z } from 'zod';
import { badRequest, conflict } from '../../../errors.ts';
import { defineAction } from '../define.ts';
import { requiredText, textareaField, UNIT_STAFF } from './common.ts';

export const requestExtension = defineAction({
  label: '申请延期',
  from: ['handling', 'accepted'],
  to: 'extension_pending',
  roles: UNIT_STAFF,
  who: 'holder',
  payload: z.object({
    days: z.number().int().min(1, '延期天数至少1天'),
    reason: requiredText('延期理由', 1000),
  }),
  within: {
    clock: 'handling',
    why: '延期是延长尚未届满的办理期限（第34条），期限届满后不能再延；仍须出具处理意见书，逾期办结并说明逾期原因',
  },
  public: false,
  effect({ payload: p, c, limits }) {
    if (p.days > limits.maxExtensionDays) {
      throw badRequest('extension_too_long', `延长期限不得超过${limits.maxExtensionDays}日`, 'days');
    }
    const already = c.clocks.handling?.extendedBy ?? 0;
    if (already + p.days > limits.maxExtensionDays) {
      throw conflict(
        'extension_exhausted',
        `办理期限累计延长不得超过${limits.maxExtensionDays}日，已延长${already}日`,
      );
    }
    return { patch: {}, detail: { days: p.days, reason: p.reason } };
  },
  form: [
    {
      name: 'days',
      label: '延期天数',
      kind: 'number',
      required: true,
      min: 1,
      maxFromLimit: 'maxExtensionDays',
    },
    textareaField('reason', '延期理由', 1000),
  ],
});
