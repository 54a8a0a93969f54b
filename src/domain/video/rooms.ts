// 视频接访: the rules of a video room as data — its statuses and what each allows, who takes part,
// how long a join token lasts, the STUN/TURN list handed to browsers, and the timeline events.
import { createHmac } from 'node:crypto';

export const ROOM_STATUSES = ['scheduled', 'in_progress', 'ended', 'cancelled'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

export const ROOM_STATUS_NAMES: Record<RoomStatus, string> = {
  scheduled: '待接访',
  in_progress: '接访中',
  ended: '已结束',
  cancelled: '已取消',
};

/** What each status allows: joining the call, ending it (with notes), cancelling it. */
export const ROOM_STATUS_RULES: Record<RoomStatus, { join: boolean; end: boolean; cancel: boolean }> = {
  scheduled: { join: true, end: false, cancel: true },
  in_progress: { join: true, end: true, cancel: false },
  ended: { join: false, end: false, cancel: false },
  cancelled: { join: false, end: false, cancel: false },
};

/** A participant's part in the room (参加人). */
export type ParticipantPart = 'host' | 'citizen' | 'hall';
export const PART_NAMES: Record<ParticipantPart, string> = {
  host: '接访人',
  citizen: '信访人',
  hall: '县级接待大厅',
};

/** A join token is good for this long after it is issued, and once. */
export const JOIN_TOKEN_TTL_MS = 2 * 60 * 1000;
/** Peers at once in one room (a mesh of browsers: host, citizen, hall, one more staff). */
export const MAX_PEERS = 4;
/** A signalling message larger than this is dropped (an SDP offer is a few KB). */
export const MAX_SIGNAL_BYTES = 64 * 1024;
/** Time-limited TURN credentials last this long (TURN REST API, coturn `use-auth-secret`). */
export const TURN_CREDENTIAL_TTL_S = 12 * 3600;

export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface IceSettings {
  stunUrls: string[];
  turnUrls: string[];
  turnSecret?: string;
  turnUsername?: string;
  turnPassword?: string;
}

/**
 * The ICE servers for one user's browser: STUN as configured, TURN with a time-limited credential
 * (`expiry:user`, HMAC-SHA1 with coturn's static-auth-secret) or the fixed account. None configured:
 * an empty list — host candidates only, enough on one network (loopback, a LAN).
 */
export function iceServersFor(s: IceSettings, userId: number, now: Date): IceServer[] {
  const out: IceServer[] = [];
  if (s.stunUrls.length) out.push({ urls: s.stunUrls });
  if (s.turnUrls.length) {
    if (s.turnSecret) {
      const username = `${Math.floor(now.getTime() / 1000) + TURN_CREDENTIAL_TTL_S}:xf${userId}`;
      const credential = createHmac('sha1', s.turnSecret).update(username).digest('base64');
      out.push({ urls: s.turnUrls, username, credential });
    } else out.push({ urls: s.turnUrls, username: s.turnUsername, credential: s.turnPassword });
  }
  return out;
}

/** Recording formats accepted (MediaRecorder in Chromium and Firefox). */
export const RECORDING_MIME = /^video\/webm(;.*)?$/;
