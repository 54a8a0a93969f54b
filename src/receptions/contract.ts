// The receptions API's answers (领导接访 slots, bookings, records; server–web contract,
// docs/architecture.md). Only zod here: the console and the portal import the types with `import type`.
import { z } from 'zod';

export const PublicSlot = z.object({
  id: z.number(),
  kind: z.enum(['receive', 'visit_down', 'invite', 'video']),
  kindName: z.string(),
  citizenBooks: z.boolean().meta({ description: '可在网上预约（约访由工作人员预约）' }),
  leader: z.string().meta({ description: '接访领导（职务 姓名）' }),
  unit: z.string(),
  jurisdictionCode: z.string(),
  jurisdiction: z.string(),
  level: z.number(),
  levelName: z.string(),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  time: z.string().meta({ description: '09:00–11:30' }),
  place: z.string(),
  topics: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  status: z.enum(['open', 'held', 'cancelled']),
  statusName: z.string(),
});
export type PublicSlot = z.infer<typeof PublicSlot>;

export const BookingItem = z.object({
  id: z.number(),
  number: z.string().meta({ description: '预约号 R123' }),
  slotId: z.number(),
  name: z.string(),
  phone: z.string().nullable(),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  matter: z.string().nullable(),
  peopleCount: z.number(),
  status: z.string(),
  statusName: z.string(),
  via: z.string(),
  bookedAt: z.string(),
});
export type BookingItem = z.infer<typeof BookingItem>;

export const RecordView = z.object({
  heldAt: z.string(),
  batches: z.number(),
  persons: z.number(),
  decision: z.string(),
  followUps: z.array(
    z.object({
      task: z.string(),
      unitId: z.number().nullable(),
      unit: z.string().nullable(),
      deadline: z.string().nullable(),
    }),
  ),
  matters: z.array(
    z.object({
      caseId: z.number(),
      caseNumber: z.string(),
      subject: z.string(),
      solvedOnSpot: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  solvedOnSpot: z.number(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type RecordView = z.infer<typeof RecordView>;

export const SlotDetail = PublicSlot.extend({
  leaderUserId: z.number(),
  bookings: z.array(BookingItem),
  record: RecordView.nullable(),
  cancelReason: z.string().nullable(),
  can: z.object({ book: z.boolean(), cancel: z.boolean(), record: z.boolean() }),
});
export type SlotDetail = z.infer<typeof SlotDetail>;

export const ReceptionIndicator = z.object({
  receptions: z.number(),
  batches: z.number().meta({ description: '接待批次' }),
  persons: z.number().meta({ description: '接待人次' }),
  matters: z.number(),
  solvedOnSpot: z.number().meta({ description: '当场解决件数' }),
});
export type ReceptionIndicator = z.infer<typeof ReceptionIndicator>;

export const ReceptionIndicators = z.object({
  total: ReceptionIndicator,
  byLeader: z.array(ReceptionIndicator.extend({ leaderUserId: z.number(), leader: z.string() })),
  byLevel: z.array(ReceptionIndicator.extend({ level: z.number(), levelName: z.string() })),
});
export type ReceptionIndicators = z.infer<typeof ReceptionIndicators>;

/** A citizen's own booking (GET /receptions/my-bookings), with its slot. */
export const MyBooking = BookingItem.extend({ slot: PublicSlot });
export type MyBooking = z.infer<typeof MyBooking>;

/** GET /receptions/leaders: the leaders who may hold a reception day. */
export const LeadersAnswer = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), unit: z.string() })),
});
export type LeadersAnswer = z.infer<typeof LeadersAnswer>;
