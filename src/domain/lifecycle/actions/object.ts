// 异议退回 (Art 21 ¶3): a unit that is not competent returns the matter within the objection window,
// to whoever sent it: the forwarding unit (转送) or the bureau in charge (交办).
import { z } from 'zod';
import { defineAction } from '../define.ts';
import { requiredText, textareaField, UNIT_STAFF } from './common.ts';

export const object = defineAction({
  label: '异议退回',
  from: ['handling', 'forwarded'],
  to: 'registered',
  alsoTo: ['accepted'],
  roles: UNIT_STAFF,
  who: 'holder',
  payload: z.object({ reason: requiredText('退回理由', 2000) }),
  within: {
    clock: 'objection',
    why: '异议须在收到之日起5个工作日内提出（第23条）；届满未提出的，由收到的单位依法办理',
  },
  stops: ['objection'],
  public: false,
  async effect({ payload: p, c, actorUnit, ports }) {
    const forwarded = c.state === 'forwarded';
    const lastForward = forwarded ? await ports.lastEventDetail('forward') : undefined;
    const back = forwarded
      ? ((lastForward as { fromUnitId?: number } | undefined)?.fromUnitId ?? c.registeringUnitId)
      : c.bureauUnitId;
    return {
      patch: {
        currentUnitId: back,
        assignedUnitId: c.state === 'handling' ? null : c.assignedUnitId,
        bureauUnitId: forwarded ? back : c.bureauUnitId,
      },
      state: forwarded ? 'registered' : 'accepted',
      detail: { reason: p.reason, unit: actorUnit?.name },
    };
  },
  form: [textareaField('reason', '退回理由', 2000)],
});
