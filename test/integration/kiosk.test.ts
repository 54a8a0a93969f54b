// 大屏展示令牌 over HTTP: the city admin creates a display token for the hall's big screen; it is
// answered once and stored hashed; with it the screen reads the big screen's data of its city and
// nothing else (no cases, no forecast, no other city, no writes); it keeps working after a staff
// login would have expired (12 h); a county admin can neither make one for the city nor revoke it;
// once revoked the screen is refused (401, back to the login page). Create and revoke are audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, kioskTokens } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['nj_admin', 'gl_admin', 'nj_analyst']);
});
afterAll(async () => {
  vi.useRealTimers();
  await h?.close();
});

const staff = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), payload });
const screen = (token: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: { 'x-kiosk-token': token }, payload });

const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const monthStart = `${day.slice(0, 8)}01`;

describe('大屏展示令牌', () => {
  let token = '';
  let id = 0;

  it('the city admin creates one: answered once with the screen address, stored hashed, audited', async () => {
    const res = await staff('nj_admin', 'POST', '/kiosk/tokens', { name: '一楼接待大厅' });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();
    token = made.token;
    id = made.id;
    expect(token).toMatch(/^xfs_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(made.path).toBe(`/screen/?kiosk=${token}`);
    const [row] = await h.ctx.db.select().from(kioskTokens).where(eq(kioskTokens.id, id));
    expect(row?.jurisdictionCode).toBe('320100');
    expect(row?.secretHash).not.toContain(token.slice(15));
    const list = (await staff('nj_admin', 'GET', '/kiosk/tokens')).json().items;
    expect(list.map((t: { name: string }) => t.name)).toContain('一楼接待大厅');
    expect(JSON.stringify(list)).not.toContain(token.slice(15));
    const audit = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'kiosk.create'), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token.slice(15));
  });

  it('only admins, and only for their own jurisdiction and below', async () => {
    const county = await staff('gl_admin', 'POST', '/kiosk/tokens', {
      name: '市局大厅',
      jurisdictionCode: '320100',
    });
    expect(county.statusCode).toBe(403);
    expect((await staff('nj_analyst', 'POST', '/kiosk/tokens', { name: '大厅' })).statusCode).toBe(403);
    expect((await staff('nj_analyst', 'GET', '/kiosk/tokens')).statusCode).toBe(403);
    const seen = (await staff('gl_admin', 'GET', '/kiosk/tokens')).json().items;
    expect(seen.map((t: { id: number }) => t.id)).not.toContain(id);
    expect((await staff('gl_admin', 'POST', `/kiosk/tokens/${id}/revoke`)).statusCode).toBe(404);
    // The city admin may set one up for a county of the city.
    const below = await staff('nj_admin', 'POST', '/kiosk/tokens', {
      name: '鼓楼区接待大厅',
      jurisdictionCode: '320106',
    });
    expect(below.statusCode, below.body).toBe(201);
  });

  it('reads what the big screen shows, for its city', async () => {
    const me = await screen(token, '/kiosk/screen');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toEqual({ name: '一楼接待大厅', jurisdiction: { code: '320100', name: '南京市' } });
    for (const url of [
      `/analytics/indicators?from=${monthStart}&to=${day}&groupBy=none`,
      `/analytics/indicators?from=${monthStart}&to=${day}&groupBy=jurisdiction`,
      `/analytics/indicators?from=${monthStart}&to=${day}&scope=320106&groupBy=jurisdiction`,
      `/analytics/trend?from=${monthStart}&to=${day}&interval=month`,
      `/analytics/hotspots?from=${monthStart}&to=${day}&limit=8`,
      '/warnings?status=open',
    ]) {
      const res = await screen(token, url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    }
    const totals = (await screen(token, `/analytics/indicators?from=${monthStart}&to=${day}`)).json();
    expect(totals.scope.code).toBe('320100');
  });

  it('cannot read anything else, nor write, nor another city', async () => {
    const refused = async (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) => {
      const res = await screen(token, url, method, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      return res.json().error.code;
    };
    expect(await refused('/cases')).toBe('kiosk_route_not_allowed');
    expect(await refused('/analytics/forecast')).toBe('kiosk_route_not_allowed');
    expect(await refused('/analytics/cases?from=2026-01-01&to=2026-01-31&metric=total')).toBe(
      'kiosk_route_not_allowed',
    );
    expect(await refused('/auth/me')).toBe('kiosk_route_not_allowed');
    expect(await refused('/kiosk/tokens')).toBe('kiosk_route_not_allowed');
    expect(await refused('/kiosk/tokens', 'POST', { name: '再来一个' })).toBe('kiosk_route_not_allowed');
    expect(await refused('/warnings/1/acknowledge', 'POST', { note: '' })).toBe('kiosk_route_not_allowed');
    expect(await refused(`/analytics/indicators?from=${monthStart}&to=${day}&scope=320200`)).toBe(
      'forbidden_scope',
    );
  });

  it('keeps working when a staff login of the same moment has expired (12 hours later)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 13 * 3600_000);
    try {
      expect((await staff('nj_analyst', 'GET', '/analytics/trend')).statusCode).toBe(401);
      expect((await screen(token, '/kiosk/screen')).statusCode).toBe(200);
      expect((await screen(token, `/analytics/trend?from=${monthStart}&to=${day}`)).statusCode).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops at once when revoked: the screen is refused (and shows the login page), audited', async () => {
    await h.loginAll(['nj_admin']);
    const res = await staff('nj_admin', 'POST', `/kiosk/tokens/${id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    const after = await screen(token, '/kiosk/screen');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('kiosk_token_invalid');
    expect((await screen(token, `/analytics/trend?from=${monthStart}&to=${day}`)).statusCode).toBe(401);
    expect((await staff('nj_admin', 'POST', `/kiosk/tokens/${id}/revoke`)).statusCode).toBe(409);
    const audit = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'kiosk.revoke'), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
    const listed = (await staff('nj_admin', 'GET', '/kiosk/tokens')).json().items;
    expect(listed.find((t: { id: number }) => t.id === id).revokedAt).not.toBeNull();
  });

  it('a made-up token is refused like a revoked one', async () => {
    const fake = `xfs_abcdefghij_${'A'.repeat(43)}`;
    expect((await screen(fake, '/kiosk/screen')).statusCode).toBe(401);
    expect((await screen('nonsense', '/kiosk/screen')).statusCode).toBe(401);
  });
});
