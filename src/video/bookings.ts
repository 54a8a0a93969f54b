// A video room for each reception booked as 视频接访: the receptions capability publishes
// `reception.booked` inside the booking's transaction; this subscriber opens the booking's room in
// the same transaction (once per booking: createVideoRoom returns the existing room on a repeat).
// The receiving leader hosts; the citizen who booked (or was booked for) is the other party.
import type { EventBus } from '../commands/events.ts';
import type { PlatformEvents } from '../events.ts';
import { createVideoRoom } from './commands.ts';

export function subscribeVideoBookings(events: EventBus<PlatformEvents>): void {
  events.on('reception.booked', 'video.room_for_booking', async (w, e) => {
    if (e.kind !== 'video') return;
    await createVideoRoom(w.tx, {
      title: `视频接访（预约号R${e.bookingId}）`,
      bookingId: e.bookingId,
      caseId: e.caseId,
      unitId: e.unitId,
      jurisdictionCode: e.jurisdictionCode,
      scheduledAt: e.startsAt,
      hostUserId: e.leaderUserId,
      citizenUserId: e.petitionerUserId,
      hallUserId: null,
      createdBy: e.bookedBy,
    });
  });
}
