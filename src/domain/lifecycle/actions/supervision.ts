// 督办 and 积案标识: supervisors and leaders of the jurisdiction mark a matter; internal only.
import { z } from 'zod';
import { defineAction } from '../define.ts';
import { requiredText, textareaField } from './common.ts';

export const supervise = defineAction({
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
  effect: ({ payload: p }) => ({ patch: { supervised: true }, detail: { instructions: p.instructions } }),
  form: [textareaField('instructions', '督办意见', 2000)],
});

export const flagBacklog = defineAction({
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
  effect: ({ payload: p }) => ({ patch: { backlog: true }, detail: { reason: p.reason } }),
  form: [textareaField('reason', '标识理由', 1000)],
});
