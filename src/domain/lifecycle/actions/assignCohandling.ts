// 会办交办 (issue 11 item 5): the bureau hands an accepted matter involving several units to a lead
// unit (牵头单位, the responsible unit: it handles and replies) and co-handling units (会办单位: each
// files its part, src/cohandling). A matter crossing county-level jurisdictions is handed out so only
// by a bureau whose subtree holds every unit — their common superior coordinates it (三跨三分离).
import { z } from 'zod';
import { badRequest } from '../../../errors.ts';
import {
  CROSS_TYPE_NAMES,
  CROSS_TYPES,
  type CrossType,
  commonSuperior,
  crossTypesOf,
  MAX_CO_UNITS,
} from '../../cohandling.ts';
import { zId } from '../../validation/fields.ts';
import { defineAction, optionsOf, phrase, text, type UnitFacts } from '../define.ts';
import { optionalText, STAFF_BUREAU } from './common.ts';

export interface CohandlingDetail {
  targetUnitId: number;
  targetUnit: string;
  coUnits: { id: number; name: string; jurisdictionCode: string }[];
  crossTypes: CrossType[];
  /** The common superior jurisdiction of all the units (where the matter is coordinated). */
  commonJurisdiction: string;
  instructions?: string;
}

export const assignCohandling = defineAction({
  label: '会办交办',
  from: ['accepted'],
  to: 'handling',
  roles: STAFF_BUREAU,
  who: 'holder',
  payload: z.object({
    targetUnitId: zId('牵头单位'),
    coUnitIds: z
      .array(zId('会办单位'))
      .min(1, '请至少选择一个会办单位')
      .max(MAX_CO_UNITS, `会办单位不超过${MAX_CO_UNITS}个`),
    crossTypes: z
      .array(z.enum(CROSS_TYPES, { error: '三跨三分离类型不正确' }))
      .max(CROSS_TYPES.length)
      .optional(),
    instructions: optionalText('会办要求', 2000),
  }),
  starts: ['objection'],
  public: true,
  async effect({ payload: p, actor, ports }) {
    const lead = await ports.unit(p.targetUnitId);
    if (!lead) throw badRequest('unknown_unit', '牵头单位不存在', 'targetUnitId');
    if (lead.id === actor.unitId) throw badRequest('same_unit', '不能交本单位牵头', 'targetUnitId');
    if (new Set(p.coUnitIds).size !== p.coUnitIds.length || p.coUnitIds.includes(lead.id))
      throw badRequest('cohandling_duplicate', '会办单位不能重复，也不能与牵头单位相同', 'coUnitIds');
    const co: UnitFacts[] = [];
    for (const id of p.coUnitIds) {
      const u = await ports.unit(id);
      if (!u) throw badRequest('unknown_unit', '会办单位不存在', 'coUnitIds');
      co.push(u);
    }
    const all = [lead, ...co];
    const common = commonSuperior(all.map((u) => u.jurisdictionCode));
    if (!all.every((u) => ports.inActorSubtree(u.jurisdictionCode)))
      throw badRequest(
        'cohandling_needs_superior',
        `会办单位跨越本辖区，须由其共同的上级信访部门（行政区划${common}）协调交办，请转送或报请上级`,
        'coUnitIds',
      );
    const detail: CohandlingDetail = {
      targetUnitId: lead.id,
      targetUnit: lead.name,
      coUnits: co.map((u) => ({ id: u.id, name: u.name, jurisdictionCode: u.jurisdictionCode })),
      crossTypes: crossTypesOf(
        all.map((u) => u.jurisdictionCode),
        p.crossTypes,
      ),
      commonJurisdiction: common,
      instructions: p.instructions,
    };
    return {
      patch: { currentUnitId: lead.id, assignedUnitId: lead.id, coUnitIds: co.map((u) => u.id) },
      detail,
      targetUnit: lead,
    };
  },
  document: {
    kind: 'assignment_order',
    data: (o, base) => ({
      ...base,
      targetUnit: `${o.effect.targetUnit?.name ?? ''}（牵头），会办单位：${o.effect.detail.coUnits.map((u) => u.name).join('、')}`,
      dueDate: o.c.clocks.handling ? new Date(o.c.clocks.handling.due) : undefined,
      decision: o.payload.instructions || undefined,
    }),
  },
  sms: { stage: 'handling', values: (o) => ({ unit: o.effect.targetUnit?.name ?? '' }) },
  form: [
    { name: 'targetUnitId', label: '牵头单位', kind: 'unit', required: true },
    { name: 'coUnitIds', label: '会办单位', kind: 'units', required: true },
    { name: 'crossTypes', label: '三跨三分离', kind: 'multiselect', options: optionsOf(CROSS_TYPE_NAMES) },
    { name: 'instructions', label: '会办要求', kind: 'textarea', max: 2000 },
  ],
  eventLabel: () => '会办交办',
  describe: (d) => [
    phrase('已交{{unit}}牵头办理，{{co}}会办', {
      unit: text(d.targetUnit),
      co: Array.isArray(d.coUnits) ? d.coUnits.map((u) => text(u?.name)).join('、') : '',
    }),
  ],
});
