// 受理 (Art 22): the holder decides to accept; a department's acceptance puts it straight into handling.
import { z } from 'zod';
import { defineAction, phrase, text } from '../define.ts';
import { note, noteField, UNIT_STAFF } from './common.ts';

export const accept = defineAction({
  label: '受理',
  from: ['registered', 'forwarded'],
  to: 'by_unit',
  roles: UNIT_STAFF,
  who: 'holder',
  payload: z.object({ note }),
  starts: ['handling'],
  stops: ['acceptance'],
  public: true,
  effect: ({ payload: p, c, actorUnit, now }) => ({
    patch: {
      acceptedAt: now,
      currentUnitId: actorUnit?.id,
      assignedUnitId: actorUnit?.kind === 'department' ? actorUnit.id : c.assignedUnitId,
    },
    detail: { unit: actorUnit?.name, note: p.note },
  }),
  document: { kind: 'acceptance_notice', data: (_o, base) => base },
  sms: { stage: 'accepted', values: (o) => ({ unit: text(o.effect.detail.unit) }) },
  form: [noteField],
  describe: (d) => (text(d.unit) ? [phrase('{{unit}}已受理', { unit: text(d.unit) })] : [phrase('已受理')]),
});
