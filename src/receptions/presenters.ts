// What a reception looks like to the public (the calendar: no personal data), and to staff (its
// bookings with names masked by role, its record). Times in Asia/Shanghai. Pure: booking names and
// phones arrive decrypted from queries.ts.
import type { z } from 'zod';
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
import { receptionPolicy } from '../policies/receptions.ts';
import type { BookingItem, PublicSlot } from './contract.ts';

export { BookingItem, PublicSlot, RecordView, SlotDetail } from './contract.ts';

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

export interface BookingRow {
  id: number;
  slotId: number;
  name: string;
  phone: string | null;
  caseId: number | null;
  caseNumber: string | null;
  matter: string | null;
  peopleCount: number;
  status: string;
  via: string;
  bookedAt: Date;
}

/** A booking: registrars (who call the visitor) and the citizen see name and phone; others masked. */
export function presentBooking(actor: Actor, b: BookingRow): z.infer<typeof BookingItem> {
  const full = receptionPolicy.viewBookingInFull(actor);
  const { name, phone } = b;
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
