// The request bodies of the receptions commands (zod): a reception planned on the calendar, a
// booking, a cancellation, and the record of a held reception. Chinese messages for bad input.
import { z } from 'zod';
import { MAX_BOOKING_PEOPLE, RECEPTION_KINDS } from '../domain/receptions/kinds.ts';
import { zDate, zDateTime, zId, zPersonName, zPhone, zText } from '../domain/validation/fields.ts';

const text = (label: string, max: number) => zText({ label, max, min: 1 });

export const SlotBody = z.object({
  kind: z.enum(RECEPTION_KINDS, { error: '接访方式应为 receive、visit_down、invite 或 video' }),
  leaderUserId: zId('接访领导'),
  leaderTitle: text('领导职务', 40),
  startsAt: zDateTime('开始时间'),
  endsAt: zDateTime('结束时间'),
  place: text('接访地点', 100),
  topics: text('接访主题', 500),
  capacity: z
    .number({ error: '预约名额应为数字' })
    .int()
    .min(1, '预约名额至少1个')
    .max(200, '预约名额最多200个'),
});
export type SlotInput = z.infer<typeof SlotBody>;

export const BookBody = z.object({
  caseId: zId('信访事项').optional().meta({ description: '已有的信访事项（本人的，或工作人员可见的）' }),
  matter: zText({ label: '反映事项', max: 300 }).optional().meta({ description: '新事项的简要描述' }),
  peopleCount: z
    .number()
    .int()
    .min(1, '人数至少1人')
    .max(MAX_BOOKING_PEOPLE, `走访人数超过${MAX_BOOKING_PEOPLE}人的应推选代表`)
    .optional(),
  name: zPersonName().optional().meta({ description: '信访人姓名（工作人员代约时必填）' }),
  phone: zPhone().optional().meta({ description: '手机号（工作人员代约时必填）' }),
});
export type BookInput = z.infer<typeof BookBody>;

export const CancelBody = z.object({ reason: zText({ label: '取消原因', max: 200 }).optional() });

export const RecordBody = z.object({
  batches: z.number({ error: '接待批次应为数字' }).int().min(1, '接待批次至少为1').max(1000),
  persons: z.number({ error: '接待人次应为数字' }).int().min(1, '接待人次至少为1').max(100000),
  decision: text('领导处理意见', 5000),
  matters: z
    .array(
      z.object({
        caseId: zId('信访事项'),
        solvedOnSpot: z.boolean().default(false).meta({ description: '当场解决' }),
        note: zText({ label: '事项说明', max: 1000 }).optional(),
      }),
    )
    .max(200)
    .default([]),
  followUps: z
    .array(
      z.object({
        task: text('后续任务', 500),
        unitId: zId('责任单位').optional(),
        deadline: zDate('完成期限').optional(),
      }),
    )
    .max(50)
    .default([]),
  attendedBookingIds: z.array(zId('预约')).max(200).default([]).meta({ description: '到场的预约' }),
});
export type RecordInput = z.infer<typeof RecordBody>;
