// 交办 (Art 21): the bureau hands an accepted matter to a department of its own jurisdiction.
import { z } from 'zod';
import { badRequest } from '../../../errors.ts';
import { zId } from '../../validation/fields.ts';
import { defineAction, phrase, text } from '../define.ts';
import { optionalText, STAFF_BUREAU } from './common.ts';

export const assign = defineAction({
  label: '交办',
  from: ['accepted'],
  to: 'handling',
  roles: STAFF_BUREAU,
  who: 'holder',
  payload: z.object({ targetUnitId: zId('交办单位'), instructions: optionalText('交办要求', 2000) }),
  starts: ['objection'],
  public: true,
  async effect({ payload: p, actor, ports }) {
    const target = await ports.unit(p.targetUnitId);
    if (!target) throw badRequest('unknown_unit', '交办的单位不存在', 'targetUnitId');
    if (target.id === actor.unitId) throw badRequest('same_unit', '不能交办给本单位', 'targetUnitId');
    if (!ports.inActorSubtree(target.jurisdictionCode)) {
      throw badRequest('unit_out_of_scope', '只能交办给本辖区的单位', 'targetUnitId');
    }
    return {
      patch: { currentUnitId: target.id, assignedUnitId: target.id },
      detail: { targetUnitId: target.id, targetUnit: target.name, instructions: p.instructions },
      targetUnit: target,
    };
  },
  document: {
    kind: 'assignment_order',
    data: (o, base) => ({
      ...base,
      targetUnit: o.effect.targetUnit?.name,
      dueDate: o.c.clocks.handling ? new Date(o.c.clocks.handling.due) : undefined,
      decision: o.payload.instructions || undefined,
    }),
  },
  sms: { stage: 'handling', values: (o) => ({ unit: o.effect.targetUnit?.name ?? '' }) },
  form: [
    { name: 'targetUnitId', label: '承办单位', kind: 'unit', required: true },
    { name: 'instructions', label: '交办意见', kind: 'textarea', max: 2000 },
  ],
  describe: (d) => [phrase('已交{{unit}}办理', { unit: text(d.targetUnit) })],
});
