// 站内消息 of the roles that handle no matters (issue 18): administrators hear of a staff account
// locked by failed logins (those of its place and the level above, not the account itself, once per
// lock) and, at the province, of a year missing from the holiday calendar (once per year, however
// often the daily check runs); a bureau's leaders and analysts hear that today's 日监测晨报 is
// ready (not its registrars). Each item leads to the page where it is dealt with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCalendarCoverage, missingYears } from '../../src/calendar/coverage.ts';
import { runMonitoringDigests } from '../../src/monitoring/daily.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    'admin',
    'nj_admin',
    'gl_admin',
    'gl_registrar',
    'gl_analyst',
    'gl_leader',
    'nj_analyst',
  ]);
});
afterAll(async () => {
  await h?.close();
});

interface Item {
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  link: string | null;
}
const inbox = async (user: string): Promise<Item[]> =>
  (await h.app.inject({ url: '/api/v1/inbox', headers: h.as(user) })).json().items;
const ofKind = async (user: string, kind: string) => (await inbox(user)).filter((i) => i.kind === kind);

describe('messages to administrators and analysts', () => {
  it('tells the administrators of its place and the level above when a staff account is locked', async () => {
    const attempt = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'gl_registrar', password: '不是这个密码' },
        remoteAddress: '203.0.113.77',
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(429); // locked: refused before it counts
    for (const admin of ['gl_admin', 'nj_admin']) {
      const items = await ofKind(admin, 'account_locked');
      expect(items, admin).toHaveLength(1);
      expect(items[0]).toMatchObject({ kindLabel: '账号锁定', link: '/admin/users' });
      expect(items[0]?.title).toContain('gl_registrar');
      expect(items[0]?.body).toContain('连续5次登录失败（来自 203.0.113.77）');
    }
    expect(await ofKind('admin', 'account_locked')).toHaveLength(0); // the province: two levels up
    expect(await ofKind('gl_registrar', 'account_locked')).toHaveLength(0);
  });

  it('tells the province administrator once a year is missing from the holiday calendar', async () => {
    // June: the current year only; November: next year's too (a year no calendar ships).
    expect(missingYears('2035-06-01')).toEqual([{ year: 2035, reason: 'current' }]);
    expect(missingYears('2035-11-15').map((m) => m.year)).toEqual([2035, 2036]);
    const at = new Date('2035-11-15T01:00:00Z');
    expect((await checkCalendarCoverage(h.ctx, at)).missing).toEqual([2035, 2036]);
    await checkCalendarCoverage(h.ctx, at);
    const items = await ofKind('admin', 'calendar_gap');
    expect(items.map((i) => i.title).sort()).toEqual([
      '2035年节假日安排尚未录入',
      '2036年节假日安排尚未录入',
    ]);
    expect(items[0]).toMatchObject({ kindLabel: '节假日安排待录入', link: '/admin/holidays' });
    // The calendar is one for the province: other administrators do not edit it.
    expect(await ofKind('nj_admin', 'calendar_gap')).toHaveLength(0);
  });

  it("tells a bureau's leaders and analysts that today's 日监测晨报 is ready", async () => {
    const r = await runMonitoringDigests(h.ctx);
    expect(r.written).toBeGreaterThan(0);
    await runMonitoringDigests(h.ctx); // today's exists: nothing new
    for (const user of ['gl_analyst', 'gl_leader', 'nj_analyst']) {
      const items = await ofKind(user, 'monitoring_digest');
      expect(items, user).toHaveLength(1);
      expect(items[0]).toMatchObject({ kindLabel: '日监测晨报', link: '/monitoring' });
      expect(items[0]?.title).toMatch(/^日监测晨报（\d{4}-\d{2}-\d{2}）$/);
    }
    expect((await ofKind('gl_analyst', 'monitoring_digest'))[0]?.body).toContain('鼓楼区');
    expect(await ofKind('gl_registrar', 'monitoring_digest')).toHaveLength(0);
  });
});
