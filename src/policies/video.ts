// 视频接访: who may do what with a video room (one rule table), and which rooms each caller sees.
//   - create a room: receiving staff of a petition bureau (registrars to leaders);
//   - read a room: its participants (host, citizen, hall), staff of bureaus whose subtree holds it;
//   - join the call: its participants, and receiving staff of the host bureau (a colleague sits in);
//   - record the petitioner's consent: the host side, or the citizen themselves;
//   - end (with notes), cancel, upload a recording: receiving staff of the host bureau;
//   - download a recording: staff who read the room (not the citizen: an internal record).
import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import { videoRooms } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import type { ParticipantPart } from '../domain/video/rooms.ts';
import { type Actor, inSubtree } from './actor.ts';

/** What the rules need to know about a room. */
export interface RoomRef {
  unitId: number;
  jurisdictionCode: string;
  hostUserId: number;
  citizenUserId: number | null;
  hallUserId: number | null;
}

export type RoomAction = 'join' | 'consent' | 'end' | 'cancel' | 'upload_recording' | 'download_recording';

type Who =
  /** Anyone taking part: host, citizen, hall, receiving staff of the host bureau. */
  | 'participant'
  /** The host side: the host bureau's receiving staff. */
  | 'host_bureau'
  /** The host side or the citizen. */
  | 'host_or_citizen'
  /** Staff who read the room. */
  | 'staff_reader';

const RECEIVERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];
const READERS: readonly Role[] = [...RECEIVERS, 'analyst', 'admin'];

/** The rule table: one line per action on a room. */
export const VIDEO_RULES: Record<RoomAction, { roles: readonly Role[]; who: Who }> = {
  join: { roles: [...RECEIVERS, 'citizen'], who: 'participant' },
  consent: { roles: [...RECEIVERS, 'citizen'], who: 'host_or_citizen' },
  end: { roles: RECEIVERS, who: 'host_bureau' },
  cancel: { roles: RECEIVERS, who: 'host_bureau' },
  upload_recording: { roles: RECEIVERS, who: 'host_bureau' },
  download_recording: { roles: READERS, who: 'staff_reader' },
};

const hostBureau = (a: Actor, r: RoomRef) =>
  a.userId === r.hostUserId || (a.unitId !== null && a.unitId === r.unitId && RECEIVERS.includes(a.role));

/** The caller's part in the room, if any (null: not a participant). */
export function partOf(a: Actor, r: RoomRef): ParticipantPart | null {
  if (a.role === 'citizen')
    return r.citizenUserId === a.userId && a.queryCodeCaseId === undefined ? 'citizen' : null;
  if (hostBureau(a, r)) return 'host';
  if (r.hallUserId === a.userId) return 'hall';
  return null;
}

export const videoPolicy = {
  /** May open the video reception area of the console (list, create)? */
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitKind === 'bureau',
  /** The room list: a citizen's own rooms (videoScope), or the console's area. */
  list: (a: Actor): boolean => a.role === 'citizen' || videoPolicy.use(a),
  /** The citizen's view of a room (no host notes, the consent asked of them). */
  citizenView: (a: Actor): boolean => a.role === 'citizen',
  /** May create a room hosted by their own bureau? */
  create: (a: Actor): boolean => RECEIVERS.includes(a.role) && a.unitKind === 'bureau',
  read: (a: Actor, r: RoomRef): boolean =>
    partOf(a, r) !== null ||
    (READERS.includes(a.role) && a.unitKind === 'bureau' && inSubtree(a, r.jurisdictionCode)),
  act: (a: Actor, r: RoomRef, action: RoomAction): boolean => {
    const rule = VIDEO_RULES[action];
    if (!rule.roles.includes(a.role) || !videoPolicy.read(a, r)) return false;
    const part = partOf(a, r);
    switch (rule.who) {
      case 'participant':
        return part !== null;
      case 'host_bureau':
        return part === 'host';
      case 'host_or_citizen':
        return part === 'host' || part === 'citizen';
      case 'staff_reader':
        return a.role !== 'citizen';
    }
  },
  /** The county hall joining must be a staff user of a bureau inside the host's subtree. */
  hallAllowed: (a: Actor, hallJurisdictionCode: string, hallUnitKind: string): boolean =>
    hallUnitKind === 'bureau' && inSubtree(a, hallJurisdictionCode),
};

/** WHERE condition restricting `video_rooms` to what the caller may see. */
export function videoScope(a: Actor): SQL {
  if (a.role === 'citizen')
    return a.queryCodeCaseId === undefined ? eq(videoRooms.citizenUserId, a.userId) : sql`false`;
  if (!READERS.includes(a.role)) return sql`false`;
  const mine = or(eq(videoRooms.hostUserId, a.userId), eq(videoRooms.hallUserId, a.userId));
  if (a.unitKind === 'bureau' && a.scopePrefix !== null)
    return or(like(videoRooms.jurisdictionCode, `${a.scopePrefix}%`), mine) as SQL;
  return mine as SQL;
}
