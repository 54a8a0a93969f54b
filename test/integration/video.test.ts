// 视频接访 over HTTP and the signalling WebSocket: an upper bureau's registrar schedules a room on a
// citizen's matter with a county hall; the participants get one-time join tokens; the socket checks
// them server-side (no token, someone else's, a used one: refused); offers are relayed between the
// peers; consent to recording is recorded before a recording is accepted; ending the session puts
// its record on the case; who may not see or do what.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { users, videoRooms } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let base = '';
let caseId = 0;
let roomId = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'nj_registrar',
    'nj_analyst',
    'gl_registrar',
    'gl_handler',
    'js_registrar',
    'nj_leader',
  ]);
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws');
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject: '拆迁补偿款长期未到位',
      content: '拆迁补偿款长期未到位，多次反映未果，请求视频接访。',
      jurisdictionCode: '320106',
    },
  });
  expect(res.statusCode).toBe(201);
  caseId = res.json().caseId;
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload?: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const userId = async (username: string) =>
  (
    await h.ctx.db
      .select({ id: users.id })
      .from(users)
      .where(
        /^1\d{10}$/.test(username)
          ? eq(users.phoneHash, h.ctx.pii.hash(username))
          : eq(users.username, username),
      )
  )[0]?.id;

interface Client {
  ws: WebSocket;
  messages: Record<string, unknown>[];
  next(type: string): Promise<Record<string, unknown>>;
  closed: Promise<number>;
}

/** Opens the signalling socket as `user` (bearer) with `token`; resolves once open or closed. */
function connect(user: string | null, path: string): Client {
  const ws = new WebSocket(`${base}${path}`, { headers: user ? h.as(user) : {} });
  const messages: Record<string, unknown>[] = [];
  const waiters: { type: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  ws.on('message', (raw) => {
    const m = JSON.parse(raw.toString()) as Record<string, unknown>;
    const i = waiters.findIndex((w) => w.type === m.type);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(m);
    else messages.push(m);
  });
  const closed = new Promise<number>((resolve) => {
    ws.on('close', (code) => resolve(code));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? -1));
    ws.on('error', () => resolve(-1));
  });
  return {
    ws,
    messages,
    closed,
    next: (type) => {
      const i = messages.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(messages.splice(i, 1)[0] as Record<string, unknown>);
      return new Promise((resolve) => waiters.push({ type, resolve }));
    },
  };
}

const join = async (user: string) => {
  const res = await post(user, `/video/rooms/${roomId}/join`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; signalUrl: string; iceServers: unknown[]; part: string };
};

describe('视频接访: scheduling a room', () => {
  it('refuses a room without another party, or a hall that is not a lower bureau, with a clear 400', async () => {
    const alone = await post('nj_registrar', '/video/rooms', {
      title: '视频接访',
      scheduledAt: '2026-12-10T09:00:00+08:00',
    });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.code).toBe('video_other_party_required');
    const badHall = await post('nj_registrar', '/video/rooms', {
      title: '视频接访',
      scheduledAt: '2026-12-10T09:00:00+08:00',
      hallUserId: await userId('js_registrar'),
    });
    expect(badHall.statusCode).toBe(400);
    expect(badHall.json().error.code).toBe('video_hall_invalid');
    const badTime = await post('nj_registrar', '/video/rooms', {
      title: '视频接访',
      caseId,
      scheduledAt: '明天上午',
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.field).toBe('scheduledAt');
    const handler = await post('gl_handler', '/video/rooms', {
      title: '视频接访',
      caseId,
      scheduledAt: '2026-12-10T09:00:00+08:00',
    });
    expect(handler.statusCode).toBe(403);
  });

  it('a city registrar schedules a room on the citizen’s matter with the county hall', async () => {
    const res = await post('nj_registrar', '/video/rooms', {
      title: '拆迁补偿视频接访',
      caseId,
      scheduledAt: '2026-12-10T09:00:00+08:00',
      hallUserId: await userId('gl_registrar'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const room = res.json();
    roomId = room.id;
    expect(room).toMatchObject({ status: 'scheduled', withCitizen: true, withHall: true, myPart: 'host' });
    expect(room.can).toMatchObject({ join: true, end: false, cancel: true, record: false });
  });

  it('the citizen sees their room in the portal list; a department handler neither sees nor joins it', async () => {
    const mine = (await get('13900000001', '/video/rooms')).json().items;
    expect(mine.map((r: { id: number }) => r.id)).toContain(roomId);
    expect((await get('gl_handler', '/video/rooms')).statusCode).toBe(403);
    expect((await get('gl_handler', `/video/rooms/${roomId}`)).statusCode).toBe(404);
    expect((await post('gl_handler', `/video/rooms/${roomId}/join`)).statusCode).toBe(404);
    // An analyst of the city reads it but is no participant.
    expect((await get('nj_analyst', `/video/rooms/${roomId}`)).statusCode).toBe(200);
    expect((await post('nj_analyst', `/video/rooms/${roomId}/join`)).statusCode).toBe(403);
  });
});

describe('视频接访: the signalling socket', () => {
  let host: Client;
  let citizen: Client;

  it('refuses a socket without a session, without a token, or with another user’s token', async () => {
    expect(await connect(null, `/api/v1/video/rooms/${roomId}/signal?token=x`).closed).toBe(401);
    const plain = await get('nj_registrar', `/video/rooms/${roomId}/signal`);
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.code).toBe('websocket_required');
    expect(await connect('nj_registrar', `/api/v1/video/rooms/${roomId}/signal`).closed).toBe(4403);
    const theirs = await join('13900000001');
    expect(await connect('nj_registrar', theirs.signalUrl).closed).toBe(4403);
    // The token was used up by that attempt: the citizen cannot use it either.
    expect(await connect('13900000001', theirs.signalUrl).closed).toBe(4403);
  });

  it('relays offers between the host and the citizen, and records who joined', async () => {
    const a = await join('nj_registrar');
    expect(a.iceServers).toEqual([]); // none configured: loopback
    host = connect('nj_registrar', a.signalUrl);
    const welcomeHost = await host.next('welcome');
    expect(welcomeHost.peers).toEqual([]);
    const b = await join('13900000001');
    expect(b.part).toBe('citizen');
    citizen = connect('13900000001', b.signalUrl);
    const welcomeCitizen = await citizen.next('welcome');
    const peers = welcomeCitizen.peers as { peerId: string; part: string }[];
    expect(peers.map((p) => p.part)).toEqual(['host']);
    const joined = (await host.next('peer-joined')).peer as { peerId: string; part: string; name: string };
    expect(joined).toMatchObject({ part: 'citizen', name: '信访人' });
    citizen.ws.send(
      JSON.stringify({ type: 'signal', to: peers[0]?.peerId, data: { sdp: { type: 'offer', sdp: 'v=0' } } }),
    );
    const relayed = await host.next('signal');
    expect(relayed).toEqual({
      type: 'signal',
      from: welcomeCitizen.peerId,
      data: { sdp: { type: 'offer', sdp: 'v=0' } },
    });
    citizen.ws.send('not json');
    expect((await citizen.next('error')).code).toBe('signal_invalid');
    // A used token does not open a second socket.
    expect(await connect('13900000001', b.signalUrl).closed).toBe(4403);
    const room = (await get('nj_registrar', `/video/rooms/${roomId}`)).json();
    expect(room.status).toBe('in_progress');
    expect(room.startedAt).not.toBeNull();
    expect(room.attendance.map((x: { part: string }) => x.part)).toEqual(['host', 'citizen']);
  });

  it('accepts a recording only with the petitioner’s consent recorded, stores it and serves it back', async () => {
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(2048, 7)]);
    const upload = () =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/video/rooms/${roomId}/recordings`,
        headers: { ...h.as('nj_registrar'), 'content-type': 'video/webm;codecs=vp8,opus' },
        payload: webm,
      });
    const refused = await upload();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('video_no_consent');
    const consent = await post('13900000001', `/video/rooms/${roomId}/consent`, { consent: true });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().consentAt).not.toBeNull();
    const notWebm = await h.app.inject({
      method: 'POST',
      url: `/api/v1/video/rooms/${roomId}/recordings`,
      headers: { ...h.as('nj_registrar'), 'content-type': 'application/json' },
      payload: { a: 1 },
    });
    expect(notWebm.statusCode).toBe(400);
    const stored = await upload();
    expect(stored.statusCode, stored.body).toBe(201);
    const recId = stored.json().id;
    const back = await get('nj_registrar', `/video/rooms/${roomId}/recordings/${recId}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(webm)).toBe(true);
    expect((await get('13900000001', `/video/rooms/${roomId}/recordings/${recId}`)).statusCode).toBe(403);
  });

  it('the host ends the session with notes: sockets are closed, the record goes on the case', async () => {
    expect((await post('13900000001', `/video/rooms/${roomId}/end`, { notes: '结束' })).statusCode).toBe(403);
    const empty = await post('nj_registrar', `/video/rooms/${roomId}/end`, { notes: '  ' });
    expect(empty.statusCode).toBe(400);
    const ended = await post('nj_registrar', `/video/rooms/${roomId}/end`, {
      notes: '听取信访人诉求，责成鼓楼区十五日内答复。',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({
      status: 'ended',
      notes: '听取信访人诉求，责成鼓楼区十五日内答复。',
    });
    expect((await citizen.next('ended')).reason).toBe('ended');
    expect(await host.closed).toBe(4000);
    const timeline = (await get('nj_registrar', `/cases/${caseId}`)).json().timeline as { label: string }[];
    const labels = timeline.map((e) => e.label);
    expect(labels).toContain('视频接访');
    expect(labels).toContain('视频接访录像存档');
    const again = await post('13900000001', `/video/rooms/${roomId}/join`);
    expect(again.statusCode).toBe(409);
    // The citizen's own timeline does not show the internal record.
    const theirs = (await get('13900000001', `/cases/${caseId}`)).json().timeline as { label: string }[];
    expect(theirs.map((e) => e.label)).not.toContain('视频接访');
  });
});

describe('视频接访: a booked video reception makes its room', () => {
  it('a citizen books a 视频接访 of 南京市 on the portal → the room exists, hosted by the leader, with the matter', async () => {
    const leaderId = (await userId('nj_leader')) as number;
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const planned = await post('nj_registrar', '/receptions', {
      kind: 'video',
      leaderUserId: leaderId,
      leaderTitle: '副市长',
      startsAt: `${day}T09:00:00+08:00`,
      endsAt: `${day}T11:00:00+08:00`,
      place: '南京市信访局视频接访室',
      topics: '征地拆迁',
      capacity: 2,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const slotId = planned.json().id as number;
    const other = await post('nj_registrar', '/receptions', {
      kind: 'receive',
      leaderUserId: leaderId,
      leaderTitle: '副市长',
      startsAt: `${day}T14:00:00+08:00`,
      endsAt: `${day}T16:00:00+08:00`,
      place: '南京市人民来访接待中心',
      topics: '征地拆迁',
      capacity: 2,
    });
    expect(other.statusCode, other.body).toBe(201);

    const booking = await post('13900000001', '/my/receptions', { slotId, caseId });
    expect(booking.statusCode, booking.body).toBe(201);
    const bookingId = booking.json().bookingId as number;
    const inPerson = await post('13900000001', '/my/receptions', { slotId: other.json().id, caseId });
    expect(inPerson.statusCode, inPerson.body).toBe(201);

    const rooms = await h.ctx.db.select().from(videoRooms).where(eq(videoRooms.bookingId, bookingId));
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({
      status: 'scheduled',
      caseId,
      hostUserId: leaderId,
      citizenUserId: await userId('13900000001'),
    });
    // Only the video kind opens a room.
    const byInPerson = await h.ctx.db
      .select()
      .from(videoRooms)
      .where(eq(videoRooms.bookingId, inPerson.json().bookingId as number));
    expect(byInPerson).toHaveLength(0);
  });
});
