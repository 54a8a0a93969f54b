// 不批准延期: the handling clock runs on as before.
import { z } from 'zod';
import { defineAction } from '../define.ts';
import { requiredText, textareaField } from './common.ts';

export const rejectExtension = defineAction({
  label: '不批准延期',
  from: ['extension_pending'],
  to: 'handling',
  roles: ['reviewer'],
  who: 'bureau',
  payload: z.object({ reason: requiredText('不批准理由', 1000) }),
  public: false,
  effect: ({ payload: p }) => ({ patch: {}, detail: { reason: p.reason } }),
  form: [textareaField('reason', '不批准理由', 1000)],
});
