// 平台间交换格式 v1 (docs/interop.md, "Platform-to-platform exchange"; JSON Schema in
// docs/schemas/exchange-v1.schema.json, which a test keeps in step with this file). One message
// is one step of a matter between two installations: the matter goes down (转送 transfer,
// 交办 assign) with its history; acceptance (签收), objection (异议), progress reports (报送) and the
// result (办理结果) come back up. Free text is checked as every client's (zText): a peer is a client.
import { z } from 'zod';
import { zCode, zPersonName, zPhone, zText } from '../validation/fields.ts';

export const EXCHANGE_FORMAT = 'xinfang-exchange';
export const EXCHANGE_VERSION = 1;

/** The message types, and the words staff read for each on a matter's timeline. */
export const MESSAGE_TYPES = [
  'matter.transfer',
  'matter.assign',
  'matter.accept',
  'matter.object',
  'matter.report',
  'matter.result',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const MESSAGE_TYPE_NAMES: Record<MessageType, string> = {
  'matter.transfer': '转送',
  'matter.assign': '交办',
  'matter.accept': '签收',
  'matter.object': '异议（退回）',
  'matter.report': '报送办理情况',
  'matter.result': '报送办理结果',
};

/** Messages that carry a whole matter down (and open a matter on the receiving side). */
export const DOWN_TYPES: readonly MessageType[] = ['matter.transfer', 'matter.assign'];

const platformId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '平台标识应为2–40位小写字母、数字或连字符');
const caseNumber = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '编号应为1–40位字母、数字或连字符');
const isoTime = z.iso.datetime({ offset: true, error: '时间应为 ISO 8601 格式' });

/** One step of the matter's history on the sending platform (no personal data: labels and units). */
export const HistoryStep = z.object({
  at: isoTime,
  label: zText({ label: '办理环节', min: 1, max: 100 }),
  unit: zText({ label: '办理单位', max: 100 }).optional(),
});

export const MatterBody = z.object({
  caseNumber,
  form: z.string().regex(/^[a-z_]{1,20}$/),
  formName: zText({ label: '信访形式', max: 20 }).optional(),
  purpose: z.string().regex(/^[a-z_]{1,20}$/),
  categoryCode: z
    .string()
    .regex(/^\d{6}$/, '内容分类代码应为6位数字')
    .optional(),
  subject: zText({ label: '信访事项标题', min: 2, max: 200 }),
  content: zText({ label: '信访内容', min: 5, max: 10000 }),
  jurisdictionCode: zCode(),
  receivedAt: isoTime,
  peopleCount: z.number().int().min(1).max(100000).optional(),
  petitioner: z
    .object({
      name: zPersonName(),
      phone: zPhone().optional(),
      address: zText({ label: '住址', max: 200 }).optional(),
    })
    .optional(),
  history: z.array(HistoryStep).max(200).default([]),
});

const base = {
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '消息编号应为8–64位字母、数字、下划线或连字符'),
  from: platformId,
  to: platformId,
  sentAt: isoTime,
};

/** The origin's matter a reply is about, and the handler's own number for it. */
const replyRef = {
  ref: z.object({ caseNumber }),
  handlerCaseNumber: caseNumber.optional(),
};

export const ExchangeMessage = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('matter.transfer'),
    note: zText({ label: '转送意见', max: 2000 }).optional(),
    matter: MatterBody,
  }),
  z.object({
    ...base,
    type: z.literal('matter.assign'),
    note: zText({ label: '交办意见', max: 2000 }).optional(),
    matter: MatterBody,
  }),
  z.object({
    ...base,
    ...replyRef,
    type: z.literal('matter.accept'),
    note: zText({ label: '签收意见', max: 2000 }).optional(),
  }),
  z.object({
    ...base,
    ...replyRef,
    type: z.literal('matter.object'),
    reason: zText({ label: '异议理由', min: 2, max: 2000 }),
  }),
  z.object({
    ...base,
    ...replyRef,
    type: z.literal('matter.report'),
    text: zText({ label: '办理情况', min: 2, max: 5000 }),
    stateName: zText({ label: '办理状态', max: 20 }).optional(),
  }),
  z.object({
    ...base,
    ...replyRef,
    type: z.literal('matter.result'),
    state: z.string().regex(/^[a-z_]{1,30}$/),
    stateName: zText({ label: '办理状态', max: 20 }),
    outcomeName: zText({ label: '处理结果', max: 20 }).optional(),
    opinion: zText({ label: '处理意见', max: 10000 }).optional(),
    closedAt: isoTime.optional(),
  }),
]);
export type ExchangeMessage = z.infer<typeof ExchangeMessage>;
export type MatterBody = z.infer<typeof MatterBody>;
/** A message as written by the sender, before `zText` normalises it (same shape). */
export type ExchangeMessageInput = z.input<typeof ExchangeMessage>;
