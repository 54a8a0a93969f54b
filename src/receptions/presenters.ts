// What a reception looks like to the public (the calendar: no personal data), and to staff (its
// bookings with names masked by role, its record). Times in Asia/Shanghai.
import { z } from 'zod';
import { maskName, maskPhone } from '../domain/masking.ts';
import {
  BOOKING_STATUS_NAMES,
  type BookingStatus,
  LEVEL_NAMES,
  RECEPTION_KIND_RULES,
  type ReceptionKind,
  SLOT_STATUS_NAMES,
  type SlotStatus,
} from '../domain/receptions/kinds.ts';
import type { Actor } from '../policies/actor.ts';
import type { Pii } from '../security/pii.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function shanghaiParts(d: Date) {
  const s = new Date(d.getTime() + 8 * 3600_000);
  return {
    date: s.toISOString().slice(0, 10),
    month: s.getUTCMonth() + 1,
    day: s.getUTCDate(),
    weekday: WEEKDAYS[s.getUTCDay()] ?? '',
    time: s.toISOString().slice(11, 16),
  };
}

/** 12月8日（周一）09:00 — for SMS texts and lists. */
export function slotWhen(s: { startsAt: Date }): string {
  const p = shanghaiParts(s.startsAt);
  return `${p.month}月${p.day}日（周${p.weekday}）${p.time}`;
}

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

export interface SlotView {
  id: number;
  kind: string;
  leaderTitle: string;
  leaderName: string;
  unit: string;
  jurisdictionCode: string;
  jurisdiction: string;
  level: number;
  startsAt: Date;
  endsAt: Date;
  place: string;
  topics: string;
  capacity: number;
  booked: number;
  status: string;
}

export function presentPublic(s: SlotView): PublicSlot {
  const kind = s.kind as ReceptionKind;
  const a = shanghaiParts(s.startsAt);
  const b = shanghaiParts(s.endsAt);
  return {
    id: s.id,
    kind,
    kindName: RECEPTION_KIND_RULES[kind].name,
    citizenBooks: RECEPTION_KIND_RULES[kind].citizenBooks,
    leader: `${s.leaderTitle} ${s.leaderName}`,
    unit: s.unit,
    jurisdictionCode: s.jurisdictionCode,
    jurisdiction: s.jurisdiction,
    level: s.level,
    levelName: LEVEL_NAMES[s.level] ?? '',
    date: a.date,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    time: `${a.time}–${b.time}`,
    place: s.place,
    topics: s.topics,
    capacity: s.capacity,
    seatsLeft: Math.max(0, s.capacity - s.booked),
    status: s.status as SlotStatus,
    statusName: SLOT_STATUS_NAMES[s.status as SlotStatus],
  };
}

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

const FULL_ROLES = ['registrar', 'citizen'];

export interface BookingRow {
  id: number;
  slotId: number;
  nameEnc: string;
  phoneEnc: string | null;
  caseId: number | null;
  caseNumber: string | null;
  matter: string | null;
  peopleCount: number;
  status: string;
  via: string;
  bookedAt: Date;
}

/** A booking: registrars (who call the visitor) and the citizen see name and phone; others masked. */
export function presentBooking(pii: Pii, actor: Actor, b: BookingRow): z.infer<typeof BookingItem> {
  const full = FULL_ROLES.includes(actor.role);
  const name = pii.decrypt(b.nameEnc);
  const phone = b.phoneEnc ? pii.decrypt(b.phoneEnc) : null;
  return {
    id: b.id,
    number: `R${b.id}`,
    slotId: b.slotId,
    name: full ? name : maskName(name),
    phone: phone === null ? null : full ? phone : maskPhone(phone),
    caseId: b.caseId,
    caseNumber: b.caseNumber,
    matter: b.matter,
    peopleCount: b.peopleCount,
    status: b.status,
    statusName: BOOKING_STATUS_NAMES[b.status as BookingStatus] ?? b.status,
    via: b.via,
    bookedAt: b.bookedAt.toISOString(),
  };
}

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

export const SlotDetail = PublicSlot.extend({
  leaderUserId: z.number(),
  bookings: z.array(BookingItem),
  record: RecordView.nullable(),
  cancelReason: z.string().nullable(),
  can: z.object({ book: z.boolean(), cancel: z.boolean(), record: z.boolean() }),
});
