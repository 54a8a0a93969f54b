// 办理进展: a note on the timeline, internal (staff only) unless the handler marks it 对信访人公开:
// a working note names people and steps the petitioner should not read by default.
import { z } from 'zod';
import { defineAction, literal, phrase, text } from '../define.ts';
import { requiredText } from './common.ts';

export const addProgress = defineAction({
  label: '办理进展',
  from: ['accepted', 'handling', 'extension_pending', 'review_requested', 'rereview_requested'],
  to: 'same',
  roles: ['registrar', 'handler', 'reviewer'],
  who: 'holder',
  payload: z.object({ note: requiredText('办理进展'), public: z.boolean().default(false) }),
  public: (p) => p.public === true,
  effect: ({ payload: p }) => ({ patch: {}, detail: { note: p.note } }),
  form: [
    { name: 'note', label: '办理进展', kind: 'textarea', required: true, max: 5000 },
    { name: 'public', label: '对信访人公开', kind: 'switch', initial: false },
  ],
  describe: (d) => (text(d.note) ? [literal(text(d.note))] : [phrase('正在办理')]),
});
