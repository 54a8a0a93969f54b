// 导入法定途径 (Art 31): matters for courts, arbitration, reconsideration… go to their legal channel.
import { z } from 'zod';
import { defineAction, literal, optionsOf, phrase, text } from '../define.ts';
import { LEGAL_CHANNEL_CODES, LEGAL_CHANNELS } from '../vocabulary.ts';
import { requiredText, UNIT_STAFF } from './common.ts';

export const referChannel = defineAction({
  label: '导入法定途径',
  from: ['registered', 'forwarded', 'accepted'],
  to: 'channelled',
  roles: UNIT_STAFF,
  who: 'holder',
  payload: z.object({
    channel: z.enum(LEGAL_CHANNEL_CODES, { error: '请选择法定途径' }),
    competentBody: requiredText('受理机关', 100),
    reasonText: requiredText('导入理由', 2000),
  }),
  stops: ['acceptance', 'handling'],
  public: true,
  effect: ({ payload: p, now }) => ({
    patch: {
      reasonCode: 'LEGAL_CHANNEL',
      outcome: `channel:${p.channel}`,
      closedAt: now,
      currentUnitId: null,
    },
    detail: {
      channel: p.channel,
      channelName: LEGAL_CHANNELS[p.channel],
      competentBody: p.competentBody,
      reasonText: p.reasonText,
    },
  }),
  document: {
    kind: 'non_acceptance_notice',
    data: ({ payload: p }, base) => ({
      ...base,
      reasonCode: 'LEGAL_CHANNEL',
      reasonText: `${p.reasonText}（法定途径：${LEGAL_CHANNELS[p.channel]}）`,
      competentBody: p.competentBody,
    }),
  },
  sms: {
    stage: 'channelled',
    values: ({ payload: p, effect: e }) => ({ unit: p.competentBody, reason: text(e.detail.channelName) }),
  },
  form: [
    {
      name: 'channel',
      label: '法定途径',
      kind: 'select',
      required: true,
      options: optionsOf(LEGAL_CHANNELS),
    },
    { name: 'competentBody', label: '受理机关', kind: 'text', required: true, max: 100 },
    { name: 'reasonText', label: '导入理由', kind: 'textarea', required: true, max: 2000 },
  ],
  describe: (d) => [
    phrase('请通过法定途径解决：{{channel}}', { channel: text(d.channelName) }),
    ...(text(d.competentBody) ? [phrase('请向{{body}}提出', { body: text(d.competentBody) })] : []),
    ...(text(d.reasonText) ? [literal(text(d.reasonText))] : []),
  ],
});
