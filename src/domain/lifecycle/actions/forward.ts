// 转送 (Art 21): the bureau sends a matter it may not handle itself to the competent body.
import { z } from 'zod';
import { badRequest } from '../../../errors.ts';
import { zId } from '../../validation/fields.ts';
import { defineAction, phrase, text } from '../define.ts';
import { note, noteField, STAFF_BUREAU } from './common.ts';

export const forward = defineAction({
  label: '转送',
  from: ['registered'],
  to: 'forwarded',
  roles: STAFF_BUREAU,
  who: 'holder',
  payload: z.object({ targetUnitId: zId('转送单位'), note }),
  starts: ['acceptance', 'objection'],
  public: true,
  async effect({ payload: p, c, ports }) {
    const target = await ports.unit(p.targetUnitId);
    if (!target) throw badRequest('unknown_unit', '转送的单位不存在', 'targetUnitId');
    if (target.id === c.currentUnitId) throw badRequest('same_unit', '不能转送给本单位', 'targetUnitId');
    return {
      patch: {
        currentUnitId: target.id,
        bureauUnitId: target.kind === 'bureau' ? target.id : c.bureauUnitId,
      },
      detail: { targetUnitId: target.id, targetUnit: target.name, note: p.note, fromUnitId: c.currentUnitId },
      targetUnit: target,
    };
  },
  document: {
    kind: 'forward_letter',
    data: (o, base) => ({
      ...base,
      targetUnit: o.effect.targetUnit?.name,
      dueDate: o.c.clocks.handling ? new Date(o.c.clocks.handling.due) : undefined,
      decision: o.payload.note || undefined,
    }),
  },
  sms: { stage: 'forwarded', values: (o) => ({ unit: o.effect.targetUnit?.name ?? '' }) },
  form: [
    { name: 'targetUnitId', label: '转送单位', kind: 'unit', required: true },
    { ...noteField, label: '转送说明' },
  ],
  describe: (d) => [phrase('已转送{{unit}}处理', { unit: text(d.targetUnit) })],
});
