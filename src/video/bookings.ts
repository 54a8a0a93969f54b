// A video room for each reception booked as 视频接访: the receptions capability (src/receptions/,
// built in parallel) publishes `reception.booked`; this subscriber makes the booking's room in the
// same transaction (once per booking: createVideoRoom returns the existing room on a repeat).
//
// NOT WIRED YET. The event's shape below is assumed; at merge, align `ReceptionBooked` with the
// receptions capability's event type and add to src/capabilities.ts:
//     subscribeVideoBookings(events);
// (and `reception.booked` to PlatformEvents through that capability's events map).
import type { EventBus } from '../commands/events.ts';
import { createVideoRoom } from './commands.ts';

/** The fields of `reception.booked` this subscriber reads (assumed). */
export interface ReceptionBooked {
  bookingId: number;
  /** 接访方式: only '视频接访' (or 'video') makes a room. */
  kind: string;
  /** The receiving bureau (its unit and place) and the leader or staff receiving. */
  unitId: number;
  jurisdictionCode: string;
  hostUserId: number;
  startsAt: Date | string;
  caseId?: number | null;
  citizenUserId?: number | null;
  hallUserId?: number | null;
  topic?: string | null;
  bookedBy: number;
}

export const isVideoBooking = (kind: string) => kind === '视频接访' || kind === 'video';

export function subscribeVideoBookings(events: EventBus<{ 'reception.booked': ReceptionBooked }>): void {
  events.on('reception.booked', 'video.room_for_booking', async (w, e) => {
    if (!isVideoBooking(e.kind)) return;
    await createVideoRoom(w.tx, {
      title: e.topic ? `视频接访：${e.topic}` : '视频接访',
      bookingId: e.bookingId,
      caseId: e.caseId ?? null,
      unitId: e.unitId,
      jurisdictionCode: e.jurisdictionCode,
      scheduledAt: new Date(e.startsAt),
      hostUserId: e.hostUserId,
      citizenUserId: e.citizenUserId ?? null,
      hallUserId: e.hallUserId ?? null,
      createdBy: e.bookedBy,
    });
  });
}
