// 视频接访 in two real Chromium instances on loopback, with fake camera and microphone: a city
// registrar's console and the citizen's portal join the same room through the platform's
// signalling socket; media flows both ways (RTCPeerConnection.getStats: bytes received on each
// side); the host records (the citizen consented in the portal), ends the session with notes, and
// the session record, the recording and the case timeline entry exist afterwards.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, videoRecordings, videoRooms } from '../../src/db/schema.ts';
import { WEB_DIST, webBuilt } from '../../src/server/web.ts';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { expectNoTofu, launchBrowser, type Server, saveScreenshot, startServer } from './browser.ts';

const MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

let staffBrowser: Browser;
let citizenBrowser: Browser;
let server: Server;
let caseId = 0;
let roomId = 0;

beforeAll(async () => {
  if (!webBuilt())
    throw new Error(
      `The web apps are not built: ${WEB_DIST}. Run \`npm run build:web\` before the browser tests.`,
    );
  // Two separate Chromium processes: two machines' worth of WebRTC stacks.
  // WebRTC between two full browsers, as the bureau and the citizen have them (test/e2e/browser.ts).
  staffBrowser = await launchBrowser({ args: MEDIA_ARGS, full: true });
  citizenBrowser = await launchBrowser({ args: MEDIA_ARGS, full: true });
  server = await startServer();
  const { h } = server;
  await h.loginAll(['13900000001', 'nj_registrar', 'gl_registrar']);
  const c = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('13900000001'),
    payload: {
      form: 'online',
      purpose: 'claim',
      subject: '征地补偿标准争议',
      content: '村里征地补偿标准低于公示标准，多次反映未果，申请视频接访。',
      jurisdictionCode: '320106',
    },
  });
  expect(c.statusCode).toBe(201);
  caseId = c.json().caseId;
  const r = await h.app.inject({
    method: 'POST',
    url: '/api/v1/video/rooms',
    headers: h.as('nj_registrar'),
    payload: { title: '征地补偿视频接访', caseId, scheduledAt: new Date().toISOString() },
  });
  expect(r.statusCode, r.body).toBe(201);
  roomId = r.json().id;
}, 120_000);

afterAll(async () => {
  await staffBrowser?.close();
  await citizenBrowser?.close();
  await server?.close();
});

/** A page logged in through the API (the context keeps the session and CSRF cookies). */
async function pageAs(
  browser: Browser,
  login: Record<string, string>,
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
  context.setDefaultTimeout(30_000);
  const res = await context.request.post(`${server.url}/api/v1/auth/login`, {
    data: { ...login, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return context.newPage();
}

/** Bytes received over the page's peer connections (inbound RTP: audio and video), and their states. */
async function inbound(page: Page): Promise<{ bytes: number; states: string[] }> {
  return page.evaluate<{ bytes: number; states: string[] }>(`(async () => {
    const v = window.__xfVideo;
    if (!v) return { bytes: 0, states: [] };
    let bytes = 0;
    const states = [];
    for (const pc of v.pcs.values()) {
      states.push(pc.connectionState);
      const stats = await pc.getStats();
      stats.forEach((s) => { if (s.type === 'inbound-rtp') bytes += s.bytesReceived || 0; });
    }
    return { bytes, states };
  })()`);
}

async function untilMediaFlows(page: Page): Promise<number> {
  for (let i = 0; i < 120; i++) {
    const s = await inbound(page);
    if (s.bytes > 0 && s.states.includes('connected')) return s.bytes;
    await page.waitForTimeout(500);
  }
  throw new Error(`no media received: ${JSON.stringify(await inbound(page))}`);
}

describe('视频接访 between two Chromium instances', () => {
  let staff: Page;
  let citizen: Page;

  it('the staff console and the citizen portal connect and media flows both ways', async () => {
    staff = await pageAs(staffBrowser, { username: 'nj_registrar' }, { width: 1440, height: 900 });
    citizen = await pageAs(citizenBrowser, { phone: '13900000001' }, { width: 390, height: 844 });

    await staff.goto(`${server.url}/console/video/${roomId}`);
    await staff.getByRole('heading', { name: '视频接访：征地补偿视频接访' }).waitFor();
    await staff.getByTestId('case-file').getByText('征地补偿标准争议').waitFor(); // the case beside the video
    await staff.getByRole('button', { name: '进入视频接访' }).click();
    await staff.getByText('已进入视频接访，等待对方进入').waitFor();

    await citizen.goto(`${server.url}/portal/video`);
    await citizen.getByRole('link', { name: '进入' }).click();
    await citizen.getByRole('heading', { name: '征地补偿视频接访' }).waitFor();
    await citizen.getByRole('button', { name: '同意录音录像' }).click();
    await citizen.getByText('您已同意本次接访录音录像').waitFor();
    await citizen.getByRole('button', { name: '进入视频接访' }).click();

    const citizenBytes = await untilMediaFlows(citizen);
    const staffBytes = await untilMediaFlows(staff);
    expect(citizenBytes).toBeGreaterThan(0);
    expect(staffBytes).toBeGreaterThan(0);
    await staff.getByText('已连接').first().waitFor();
    await staff.getByText('信访人已同意').waitFor(); // the consent given in the portal
    await citizen.getByText('已连接').first().waitFor();
    await expectNoTofu(staff);
    await saveScreenshot(staff, 'console-video-room');
    await saveScreenshot(citizen, 'portal-video-room');
  });

  it('the host records with the consent on file, ends the session, and its record is on the case', async () => {
    await staff.reload();
    await staff.getByRole('button', { name: '进入视频接访' }).click();
    await untilMediaFlows(staff); // the citizen's browser answered the new offer
    await staff.getByRole('button', { name: '开始录像' }).click();
    await staff.waitForTimeout(2500);
    await staff.getByRole('button', { name: '停止录像并存档' }).click();
    await staff.getByText('录像已存档到信访事项').waitFor();
    await staff.getByRole('button', { name: '结束接访' }).click();
    await staff
      .getByLabel('接访记录')
      .fill('听取信访人关于征地补偿标准的诉求，责成鼓楼区核实公示标准，十五日内答复。');
    await staff.getByRole('button', { name: '结束并记入办理过程' }).click();
    await staff.getByText('接访已结束，记录已记入信访事项').waitFor();
    await citizen.getByText('接访已结束').first().waitFor();
    await staff.getByText('已结束').first().waitFor();
    await staff.getByRole('dialog').waitFor({ state: 'hidden' });
    await saveScreenshot(staff, 'console-video-ended');
    // The case page lists its video receptions.
    await staff.getByRole('link', { name: /^3201/ }).first().click();
    await staff.getByText('视频接访', { exact: true }).first().waitFor();
    await staff.getByRole('link', { name: '征地补偿视频接访' }).waitFor();

    const db = server.h.ctx.db;
    const [room] = await db.select().from(videoRooms).where(eq(videoRooms.id, roomId));
    expect(room?.status).toBe('ended');
    expect(room?.startedAt).not.toBeNull();
    expect(room?.endedAt).not.toBeNull();
    expect(room?.recordingConsent).toBe(true);
    const parts = ((room?.attendance ?? []) as { part: string }[]).map((a) => a.part);
    expect(parts).toContain('host');
    expect(parts).toContain('citizen');
    const recs = await db.select().from(videoRecordings).where(eq(videoRecordings.roomId, roomId));
    expect(recs).toHaveLength(1);
    expect(recs[0]?.size).toBeGreaterThan(1000);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    const held = events.find((e) => e.action === 'video_reception_held');
    expect(held?.detail).toMatchObject({ videoRoomId: roomId, recordingConsent: true });
    expect(events.some((e) => e.action === 'video_recording_stored')).toBe(true);
  });
});
