// 批准延期 (Art 34): the bureau in charge approves the last request; the handling clock is extended.
import { z } from 'zod';
import { conflict } from '../../../errors.ts';
import { defineAction, phrase, text } from '../define.ts';
import { note, noteField } from './common.ts';

export const approveExtension = defineAction({
  label: '批准延期',
  from: ['extension_pending'],
  to: 'handling',
  roles: ['reviewer'],
  who: 'bureau',
  payload: z.object({ note }),
  public: true,
  async effect({ payload: p, c, ports }) {
    const req = await ports.lastEventDetail('request_extension');
    const { days = 0, reason = '' } = (req ?? {}) as { days?: number; reason?: string };
    if (!c.clocks.handling) throw conflict('no_handling_clock', '该事项没有办理期限，无法延期');
    // The engine extends the handling clock and adds its new due instant to the detail (newDue).
    return { patch: {}, extendHandlingBy: days, detail: { days, reason, note: p.note } };
  },
  document: {
    kind: 'extension_notice',
    data: (o, base) => ({
      ...base,
      extensionReason: o.effect.detail.reason,
      newDueDate: o.c.clocks.handling ? new Date(o.c.clocks.handling.due) : undefined,
    }),
  },
  sms: {
    stage: 'extended',
    values: (o) => ({ reason: o.effect.detail.reason, date: (o.c.clocks.handling?.due ?? '').slice(0, 10) }),
  },
  form: [noteField],
  describe: (d) => [
    phrase('办理期限延长{{days}}日，原因：{{reason}}', { days: d.days ?? '', reason: text(d.reason) }),
  ],
});
