// 领导接访: the kinds of reception a leader holds, as one table, and the rules on a reception's
// calendar, booking and record as pure functions. The portal publishes the calendar (reception
// times and places, 《信访工作条例》第十八条); citizens book the kinds open to them; staff book any.

/** 接访方式. */
export const RECEPTION_KINDS = ['receive', 'visit_down', 'invite', 'video'] as const;
export type ReceptionKind = (typeof RECEPTION_KINDS)[number];

export interface KindRule {
  /** The Chinese name (接访、下访、约访、视频接访). */
  name: string;
  /** What the portal says of it. */
  description: string;
  /** May a citizen book it on the portal? 约访 is by the leader's invitation: staff book it. */
  citizenBooks: boolean;
  /** Held by video: a booking opens a video room (the video capability subscribes). */
  video: boolean;
}

export const RECEPTION_KIND_RULES: Record<ReceptionKind, KindRule> = {
  receive: {
    name: '接访',
    description: '领导干部在信访接待场所定期接待来访群众',
    citizenBooks: true,
    video: false,
  },
  visit_down: {
    name: '下访',
    description: '领导干部带案下访，到基层、到信访人所在地接待群众',
    citizenBooks: true,
    video: false,
  },
  invite: {
    name: '约访',
    description: '领导干部约请信访人面谈，由工作人员预约',
    citizenBooks: false,
    video: false,
  },
  video: {
    name: '视频接访',
    description: '通过视频信访系统远程接待，信访人可在县级信访接待大厅或网上参加',
    citizenBooks: true,
    video: true,
  },
};

/** 日程状态. */
export const SLOT_STATUSES = ['open', 'held', 'cancelled'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];
export const SLOT_STATUS_NAMES: Record<SlotStatus, string> = {
  open: '待接访',
  held: '已接访',
  cancelled: '已取消',
};

/** 预约状态. */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_NAMES: Record<BookingStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  attended: '已接待',
};

/** 层级 by jurisdiction level (1 省, 2 市, 3 县, 4 乡镇). */
export const LEVEL_NAMES: Record<number, string> = { 1: '省级', 2: '市级', 3: '县级', 4: '乡镇级' };

/** Why a booking is refused, or null: the slot's state, time and room, and who books. */
export function bookingRefusal(
  slot: { kind: ReceptionKind; status: SlotStatus; startsAt: Date; capacity: number },
  booked: number,
  by: 'citizen' | 'staff',
  now: Date,
): { code: string; message: string } | null {
  if (slot.status !== 'open') return { code: 'reception_not_open', message: '该场接访已结束或已取消' };
  if (slot.startsAt.getTime() <= now.getTime())
    return { code: 'reception_started', message: '该场接访已开始，不能再预约' };
  if (by === 'citizen' && !RECEPTION_KIND_RULES[slot.kind].citizenBooks)
    return { code: 'reception_invite_only', message: '约访由工作人员联系预约，不能在网上预约' };
  if (booked >= slot.capacity) return { code: 'reception_full', message: '该场接访预约已满，请选择其他场次' };
  return null;
}

/** Why a booking may not be cancelled, or null. */
export function cancelRefusal(
  booking: { status: BookingStatus },
  slot: { startsAt: Date },
  now: Date,
): { code: string; message: string } | null {
  if (booking.status !== 'booked') return { code: 'booking_not_active', message: '该预约已取消或已接待' };
  if (slot.startsAt.getTime() <= now.getTime())
    return { code: 'reception_started', message: '接访已开始，不能取消预约' };
  return null;
}

/** Why a record is refused, or null: held once, not before it starts, numbers that add up. */
export function recordRefusal(
  slot: { status: SlotStatus; startsAt: Date },
  r: { batches: number; persons: number; matters: number; solved: number },
  now: Date,
): { code: string; message: string; field?: string } | null {
  if (slot.status === 'cancelled') return { code: 'reception_cancelled', message: '该场接访已取消' };
  if (slot.status === 'held') return { code: 'reception_recorded', message: '该场接访已登记接访记录' };
  if (slot.startsAt.getTime() > now.getTime())
    return { code: 'reception_not_started', message: '接访尚未开始，不能登记接访记录' };
  if (r.persons < r.batches)
    return { code: 'reception_counts', message: '接待人次不能少于接待批次', field: 'persons' };
  if (r.solved > r.matters)
    return { code: 'reception_counts', message: '当场解决件数不能多于反映的事项数', field: 'matters' };
  return null;
}

/** The reminder is sent the day before (Asia/Shanghai dates). */
export const isReminderDue = (slotDate: string, today: string): boolean => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10) === slotDate;
};

/**
 * At most this many people come on one booking: more than five visiting together elect
 * representatives (《信访工作条例》第二十条). The server checks it; the booking forms offer it.
 */
export const MAX_BOOKING_PEOPLE = 5;
