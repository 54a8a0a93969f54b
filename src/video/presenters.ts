// What the API returns for a video room: schedule, status, participants' parts, the session record
// and whether the caller may join, end or record. The citizen is named only by their part.
import { PART_NAMES, ROOM_STATUS_NAMES, type RoomStatus } from '../domain/video/rooms.ts';
import type { Actor } from '../policies/actor.ts';
import { partOf, videoPolicy } from '../policies/video.ts';
import type { Attendance } from './commands.ts';
import type { RoomDetail, RoomItem } from './contract.ts';
import type { RoomRow } from './queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentItem(
  r: RoomRow,
  names: { caseNumber: string | null; unit: string; host: string },
): RoomItem {
  return {
    id: r.id,
    title: r.title,
    caseId: r.caseId,
    caseNumber: names.caseNumber,
    bookingId: r.bookingId,
    unit: names.unit,
    host: names.host,
    scheduledAt: r.scheduledAt.toISOString(),
    status: r.status,
    statusName: ROOM_STATUS_NAMES[r.status as RoomStatus] ?? r.status,
    withCitizen: r.citizenUserId !== null,
    withHall: r.hallUserId !== null,
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
  };
}

export function presentDetail(
  actor: Actor,
  r: RoomRow,
  names: {
    caseNumber: string | null;
    host: { name: string; unit: string | null } | null;
    hall: { name: string; unit: string | null } | null;
  },
  recordings: { id: number; mime: string; size: number; sha256: string; createdAt: Date }[],
): RoomDetail {
  const open = r.status === 'scheduled' || r.status === 'in_progress';
  const citizen = videoPolicy.citizenView(actor);
  return {
    ...presentItem(r, {
      caseNumber: names.caseNumber,
      unit: names.host?.unit ?? '',
      host: names.host?.name ?? '',
    }),
    hall: names.hall,
    myPart: partOf(actor, r),
    recordingConsent: r.recordingConsent,
    consentAt: iso(r.consentAt),
    notes: citizen ? null : r.notes,
    attendance: (r.attendance as Attendance[]).map((a) => ({
      part: a.part,
      partName: PART_NAMES[a.part],
      name: a.name,
      joinedAt: a.joinedAt,
      leftAt: a.leftAt,
    })),
    recordings: citizen ? [] : recordings.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    can: {
      join: open && videoPolicy.act(actor, r, 'join'),
      end: r.status === 'in_progress' && videoPolicy.act(actor, r, 'end'),
      cancel: r.status === 'scheduled' && videoPolicy.act(actor, r, 'cancel'),
      consent: open && videoPolicy.act(actor, r, 'consent'),
      record:
        r.recordingConsent && r.status === 'in_progress' && videoPolicy.act(actor, r, 'upload_recording'),
    },
  };
}
