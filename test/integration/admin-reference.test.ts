// Reference data behind the console's admin pages: the holiday calendar the deadlines use, and the
// content categories with the routing table an administrator edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};
const get = (user: string, url: string) => h.app.inject({ url, headers: bearer(t[user] ?? '') });

beforeAll(async () => {
  h = await startHarness();
  for (const u of ['admin', 'gl_admin', 'gl_registrar', '13900000001']) t[u] = await h.login(u);
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/v1/calendar/holidays', () => {
  it('lists 2026’s statutory holidays and make-up workdays in date order', async () => {
    const res = await get('admin', '/api/v1/calendar/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    expect(body.covered).toBe(true);
    const days = body.days as { date: string; kind: string; label: string }[];
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days).toContainEqual({ date: '2026-10-01', kind: 'holiday', label: '国庆节' });
    expect(days).toContainEqual({ date: '2026-02-17', kind: 'holiday', label: '春节' });
    expect(days).toContainEqual({ date: '2026-10-10', kind: 'makeup_workday', label: '调休上班（国庆节）' });
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(days.filter((d) => d.kind === 'makeup_workday')).toHaveLength(6);
  });

  it('says when a year is not covered, and refuses bad input and citizens', async () => {
    const far = (await get('gl_registrar', '/api/v1/calendar/holidays?year=2090')).json();
    expect(far.covered).toBe(false);
    expect(far.days).toEqual([]);
    expect(far.coverage.lastYear).toBeGreaterThanOrEqual(2026);
    const bad = await get('admin', '/api/v1/calendar/holidays?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/年份/);
    expect((await get('13900000001', '/api/v1/calendar/holidays')).statusCode).toBe(403);
  });
});

describe('categories and routing', () => {
  it('lists the 16 categories (15 suggested, and 其他) with keywords and the departments to route to', async () => {
    const body = (await get('admin', '/api/v1/classify/categories')).json();
    expect(body.categories).toHaveLength(16);
    expect(body.categories.filter((c: { suggested: boolean }) => c.suggested)).toHaveLength(15);
    const env = body.categories.find((c: { name: string }) => c.name === '环境保护');
    expect(env).toMatchObject({ code: '130000', defaultDepartment: 'shengtai' });
    expect(env.keywords).toContain('污染');
    expect(body.departments).toContainEqual({ key: 'zhujian', name: '住建局' });
    expect((await get('13900000001', '/api/v1/classify/categories')).statusCode).toBe(403);
  });

  it('lets a county administrator route a category for the county, not for the city', async () => {
    const put = (user: string, code: string, payload: Record<string, string>) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/v1/classify/routing/${code}`,
        headers: bearer(t[user] ?? ''),
        payload,
      });
    const ok = await put('gl_admin', '320106', { 环境保护: 'chengguan' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().routing.环境保护).toBe('chengguan');
    expect((await get('gl_registrar', '/api/v1/classify/routing/320106')).json().routing.环境保护).toBe(
      'chengguan',
    );
    expect((await get('admin', '/api/v1/classify/routing/320100')).json().routing.环境保护).toBe('shengtai');
    expect((await put('gl_admin', '320100', { 环境保护: 'chengguan' })).statusCode).toBe(403);
    const unknown = await put('gl_admin', '320106', { 环境保护: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/未知部门/);
  });
});
