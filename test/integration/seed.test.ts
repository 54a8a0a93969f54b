// Synthetic data (`xinfang seed --cases N`): deterministic, spread over states, forms and cities,
// consistent with the engine's clocks, inside the access scopes, and continued by real intake.
import { asc, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.ts';
import { activeDue, type Clocks } from '../../src/domain/lifecycle/clocks.ts';
import { FORMS, STATES, TERMINAL_STATES } from '../../src/domain/lifecycle/vocabulary.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

const N = 2000;
const NOW = new Date('2026-06-15T02:00:00Z');
let a: Harness;
let b: Harness;

const snapshot = (h: Harness) =>
  h.ctx.db
    .select({
      caseNumber: cases.caseNumber,
      state: cases.state,
      form: cases.form,
      receivedAt: cases.receivedAt,
      dueAt: cases.dueAt,
      closedAt: cases.closedAt,
      subject: cases.subject,
    })
    .from(cases)
    .orderBy(asc(cases.id));

beforeAll(async () => {
  [a, b] = await Promise.all([startHarness(), startHarness()]);
  for (const h of [a, b]) {
    const n = await seedCases(h.ctx.db, h.ctx.pii, { count: N, seed: 42, now: NOW });
    expect(n).toBe(N);
  }
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('seedCases', () => {
  it('is deterministic: the same seed gives the same numbers, states and dates', async () => {
    const [x, y] = await Promise.all([snapshot(a), snapshot(b)]);
    expect(x).toHaveLength(N);
    expect(y).toEqual(x);
  });

  it('covers the states, forms and cities, within the 24 months up to now', async () => {
    const rows = await snapshot(a);
    const states = new Set(rows.map((r) => r.state));
    // extension_pending lasts a few days in a few cases: too rare to be sure of in 2,000.
    for (const s of STATES.filter((x) => x !== 'extension_pending')) expect(states, s).toContain(s);
    const forms = new Set(rows.map((r) => r.form));
    // 12345 work orders arrive only through the hotline adapter (src/hotline), never from the seed.
    for (const f of FORMS.filter((x) => x !== 'hotline')) expect(forms, f).toContain(f);
    expect(forms).not.toContain('hotline');
    const online = rows.filter((r) => r.form === 'online').length / N;
    expect(online).toBeGreaterThan(0.4);
    expect(online).toBeLessThan(0.6);
    const cities = new Set(rows.map((r) => r.caseNumber.slice(0, 4)));
    expect(cities.size).toBe(13);
    const earliest = NOW.getTime() - 731 * 86_400_000;
    for (const r of rows) {
      expect(r.receivedAt.getTime()).toBeGreaterThanOrEqual(earliest);
      expect(r.receivedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    // Old matters are mostly finished; open ones are mostly recent.
    const old = rows.filter((r) => NOW.getTime() - r.receivedAt.getTime() > 365 * 86_400_000);
    const finished = old.filter((r) => TERMINAL_STATES.includes(r.state as never)).length;
    expect(finished / old.length).toBeGreaterThan(0.9);
  });

  it('stores due_at = activeDue(clocks), and closes terminal cases', async () => {
    const all = await a.ctx.db
      .select({ state: cases.state, clocks: cases.clocks, dueAt: cases.dueAt, closedAt: cases.closedAt })
      .from(cases);
    let overdue = 0;
    for (const r of all) {
      const due = activeDue(r.clocks as Clocks);
      expect(r.dueAt?.toISOString() ?? null).toBe(due?.toISOString() ?? null);
      if (TERMINAL_STATES.includes(r.state as never)) {
        expect(r.dueAt).toBeNull();
        expect(r.closedAt).not.toBeNull();
      } else if (r.state !== 'delivered' && r.state !== 'reviewed' && r.state !== 'replied') {
        expect(r.dueAt, r.state).not.toBeNull();
      }
      if (r.dueAt && r.dueAt < NOW) overdue++;
    }
    expect(overdue).toBeGreaterThan(0);
    const [extra] = await rows<Record<string, number>>(
      a,
      sql`SELECT count(*) FILTER (WHERE repeat_count > 0)::int AS repeats,
                 count(*) FILTER (WHERE is_group)::int AS groups,
                 count(*) FILTER (WHERE bureau_rating IS NOT NULL)::int AS rated,
                 (SELECT count(*)::int FROM case_parties WHERE role = 'representative') AS reps,
                 (SELECT count(*)::int FROM case_parties WHERE role = 'petitioner') AS petitioners,
                 (SELECT count(DISTINCT case_id)::int FROM case_events) AS with_events,
                 (SELECT count(*)::int FROM case_events WHERE action = 'approve_extension') AS extensions
          FROM cases`,
    );
    expect(extra).toMatchObject({ petitioners: N, with_events: N });
    for (const k of ['repeats', 'groups', 'rated', 'reps', 'extensions'])
      expect(extra?.[k], k).toBeGreaterThan(0);
  });

  it('gives unique case numbers in the 6-digit code + year + 7-digit format', async () => {
    const numbers = (await snapshot(a)).map((r) => r.caseNumber);
    expect(new Set(numbers).size).toBe(N);
    for (const n of numbers) expect(n).toMatch(/^32\d{4}20(24|25|26)\d{7}$/);
  });

  it('keeps the scopes: the registrar of 鼓楼区 lists only 320106 cases', async () => {
    const token = await a.login('gl_registrar');
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      a,
      sql`SELECT count(*)::int AS n FROM cases WHERE jurisdiction_code = '320106'`,
    );
    expect(n).toBeGreaterThan(0);
    const res = await a.app.inject({ url: '/api/v1/cases?pageSize=200', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: { jurisdictionCode: string }[] };
    expect(body.total).toBe(n);
    expect(body.items.length).toBe(Math.min(n, 200));
    for (const c of body.items) expect(c.jurisdictionCode).toBe('320106');
  });

  it('lets a later intake continue the sequence without collision', async () => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const prefix = `320106${year}`;
    const [{ last } = { last: 0 }] = await rows<{ last: number }>(
      a,
      sql`SELECT coalesce(max(substr(case_number, 11)::int), 0)::int AS last FROM cases
          WHERE case_number LIKE ${`${prefix}%`}`,
    );
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: bearer(await a.login('13900000001')),
      payload: {
        form: 'online',
        purpose: 'claim',
        subject: '小区门口路灯损坏',
        content: '小区门口路灯损坏一个多月，夜间出行不安全，请求尽快维修。',
        jurisdictionCode: '320106',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().caseNumber).toBe(`${prefix}${String(last + 1).padStart(7, '0')}`);
  });
});

async function rows<T>(h: Harness, query: SQL): Promise<T[]> {
  return ((await h.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}
