// What the receptions capability publishes inside the transaction of a booking: a petitioner's
// place in a leader's reception was booked. The video capability subscribes to the bookings of
// kind 'video' (视频接访) to open a room for `bookingId`.
import type { ReceptionKind } from '../domain/receptions/kinds.ts';

export interface ReceptionBooked {
  bookingId: number;
  slotId: number;
  /** 接访方式: receive, visit_down, invite, video (视频接访). */
  kind: ReceptionKind;
  /** The matter the booking is about, if linked. */
  caseId: number | null;
  jurisdictionCode: string;
  /** The hosting bureau and the receiving leader. */
  unitId: number;
  leaderUserId: number;
  startsAt: Date;
  endsAt: Date;
  /** The citizen's account, when booked by or for one. */
  petitionerUserId: number | null;
  via: 'portal' | 'staff';
  /** Who booked: the citizen on the portal, or the staff member for them. */
  bookedBy: number;
  at: Date;
}

export interface ReceptionEvents {
  'reception.booked': ReceptionBooked;
}
