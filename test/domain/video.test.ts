// 视频接访 rules: the ICE servers handed to browsers (none by default; TURN with coturn's
// time-limited credentials), what each room status allows, and the policy's rule table.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, ROOM_STATUS_RULES } from '../../src/domain/video/rooms.ts';
import type { Actor } from '../../src/policies/actor.ts';
import { partOf, videoPolicy } from '../../src/policies/video.ts';

const none = { stunUrls: [], turnUrls: [] };
const at = new Date('2026-12-05T00:00:00Z');

describe('ICE servers', () => {
  it('none configured: no servers (host candidates on one network)', () => {
    expect(iceServersFor(none, 7, at)).toEqual([]);
  });
  it('TURN with coturn use-auth-secret: expiry:user signed with HMAC-SHA1, valid 12 hours', () => {
    const [stun, turn] = iceServersFor(
      {
        stunUrls: ['stun:turn.example.gov.cn:3478'],
        turnUrls: ['turn:turn.example.gov.cn:3478?transport=udp'],
        turnSecret: 's3cret',
      },
      7,
      at,
    );
    expect(stun).toEqual({ urls: ['stun:turn.example.gov.cn:3478'] });
    const expiry = at.getTime() / 1000 + 12 * 3600;
    expect(turn?.username).toBe(`${expiry}:xf7`);
    expect(turn?.credential).toBe(createHmac('sha1', 's3cret').update(`${expiry}:xf7`).digest('base64'));
  });
  it('a fixed TURN account is handed over as configured', () => {
    const s = iceServersFor(
      { ...none, turnUrls: ['turns:t.example:5349'], turnUsername: 'u', turnPassword: 'p' },
      1,
      at,
    );
    expect(s).toEqual([{ urls: ['turns:t.example:5349'], username: 'u', credential: 'p' }]);
  });
});

describe('room statuses', () => {
  it('only a scheduled or running room can be joined; only a running one ended; only a scheduled one cancelled', () => {
    expect(ROOM_STATUS_RULES.scheduled).toEqual({ join: true, end: false, cancel: true });
    expect(ROOM_STATUS_RULES.in_progress).toEqual({ join: true, end: true, cancel: false });
    expect(ROOM_STATUS_RULES.ended.join).toBe(false);
    expect(ROOM_STATUS_RULES.cancelled.join).toBe(false);
  });
});

const actor = (p: Partial<Actor>): Actor => ({
  userId: 1,
  role: 'registrar',
  displayName: 'x',
  unitId: 10,
  unitKind: 'bureau',
  unitName: null,
  jurisdictionCode: '320100',
  jurisdictionName: null,
  scopePrefix: '3201',
  ...p,
});
const room = { unitId: 10, jurisdictionCode: '320106', hostUserId: 1, citizenUserId: 50, hallUserId: 60 };

describe('video policy', () => {
  it('names each participant’s part; colleagues of the host bureau sit in as host', () => {
    expect(partOf(actor({}), room)).toBe('host');
    expect(partOf(actor({ userId: 2 }), room)).toBe('host');
    expect(
      partOf(actor({ userId: 50, role: 'citizen', unitId: null, unitKind: null, scopePrefix: null }), room),
    ).toBe('citizen');
    expect(partOf(actor({ userId: 60, unitId: 20, scopePrefix: '320106' }), room)).toBe('hall');
    expect(partOf(actor({ userId: 3, role: 'analyst' }), room)).toBeNull();
  });
  it('the citizen joins and consents but neither ends nor downloads; a query-code holder is no participant', () => {
    const citizen = actor({ userId: 50, role: 'citizen', unitId: null, unitKind: null, scopePrefix: null });
    expect(videoPolicy.act(citizen, room, 'join')).toBe(true);
    expect(videoPolicy.act(citizen, room, 'consent')).toBe(true);
    expect(videoPolicy.act(citizen, room, 'end')).toBe(false);
    expect(videoPolicy.act(citizen, room, 'download_recording')).toBe(false);
    expect(videoPolicy.read({ ...citizen, queryCodeCaseId: 5 }, room)).toBe(false);
  });
  it('the hall joins but does not end the session', () => {
    const hall = actor({ userId: 60, unitId: 20, scopePrefix: '320106' });
    expect(videoPolicy.act(hall, room, 'join')).toBe(true);
    expect(videoPolicy.act(hall, room, 'end')).toBe(false);
  });
});
