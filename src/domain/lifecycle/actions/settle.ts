// 调解和解 (Art 32): the matter ends in a mediation or settlement agreement.
import { z } from 'zod';
import { defineAction, phrase } from '../define.ts';
import { requiredText, textareaField, UNIT_STAFF } from './common.ts';

export const settle = defineAction({
  label: '调解和解',
  from: ['accepted', 'handling'],
  to: 'settled',
  roles: UNIT_STAFF,
  who: 'holder',
  payload: z.object({
    kind: z.enum(['mediation', 'settlement'], { error: '请选择调解或和解' }),
    agreement: requiredText('协议内容'),
  }),
  stops: ['handling', 'rehandling', 'objection'],
  public: true,
  effect: ({ payload: p, now }) => ({
    patch: { outcome: `settled:${p.kind}`, closedAt: now, currentUnitId: null },
    detail: { kind: p.kind, agreement: p.agreement },
  }),
  form: [
    {
      name: 'kind',
      label: '方式',
      kind: 'radio',
      required: true,
      options: [
        { value: 'mediation', label: '调解' },
        { value: 'settlement', label: '和解' },
      ],
    },
    textareaField('agreement', '协议内容'),
  ],
  describe: () => [phrase('已调解和解')],
});
