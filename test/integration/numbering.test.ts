// 信访件编号 from one sequence per registering jurisdiction and year (src/cases/numbering.ts):
// parallel intakes of one bureau get distinct, increasing numbers; a failed intake leaves a gap
// and nothing else; the bulk seeder and intake continue each other's numbers in either order.
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { letter } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar']);
});
afterAll(async () => {
  await h?.close();
});

async function rows<T>(query: SQL): Promise<T[]> {
  return ((await h.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A letter registered by 鼓楼区's bureau; each with its own petitioner and subject (no repeat link). */
const register = (extra: Record<string, unknown> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('gl_registrar'),
    payload: letter(undefined, extra),
  });
async function registered(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await register(extra);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseNumber as string;
}
const seqOf = (caseNumber: string) => Number(caseNumber.slice(10));
const at = (d: string) => `${d}T10:00:00+08:00`;

describe('case numbers', () => {
  it('gives 30 parallel registrations of one bureau 30 distinct, consecutive numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 30 }, () => registered()));
    const prefix = `320106${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}`;
    for (const c of numbers) expect(c).toMatch(new RegExp(`^${prefix}\\d{7}$`));
    expect(new Set(numbers).size).toBe(30);
    const seqs = numbers.map(seqOf).sort((a, b) => a - b);
    expect((seqs.at(-1) ?? 0) - (seqs[0] ?? 0)).toBe(29); // no gap: nothing failed
    // A later registration comes after all of them.
    expect(seqOf(await registered())).toBe((seqs.at(-1) ?? 0) + 1);
  });

  describe('when a registration fails after taking its number', () => {
    beforeAll(async () => {
      // The case row is refused for one subject, after the number was taken in the transaction.
      await h.ctx.db.execute(sql`CREATE FUNCTION numbering_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.subject = '模拟登记失败' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`);
      await h.ctx.db.execute(sql`CREATE TRIGGER numbering_test_fail BEFORE INSERT ON cases
        FOR EACH ROW EXECUTE FUNCTION numbering_test_fail()`);
    });
    afterAll(async () => {
      await h.ctx.db.execute(sql`DROP TRIGGER numbering_test_fail ON cases`);
      await h.ctx.db.execute(sql`DROP FUNCTION numbering_test_fail()`);
    });

    it('leaves a gap in the numbers, and the next registration succeeds', async () => {
      const receivedAt = at('2025-03-03');
      const before = await registered({ receivedAt });
      const failed = await register({ receivedAt, subject: '模拟登记失败' });
      expect(failed.statusCode).toBe(500);
      const after = await registered({ receivedAt });
      expect(after.slice(0, 10)).toBe(before.slice(0, 10));
      expect(seqOf(after)).toBe(seqOf(before) + 2);
    });

    it('also when it is the first registration of a jurisdiction-year', async () => {
      // The first intake of 2023 creates the year's sequence (in its own transaction), then fails.
      const receivedAt = at('2023-12-29');
      expect((await register({ receivedAt, subject: '模拟登记失败' })).statusCode).toBe(500);
      expect(await registered({ receivedAt })).toBe('32010620230000002');
      expect(await registered({ receivedAt })).toBe('32010620230000003');
    });
  });

  it('never collides between the bulk seeder and intake, in either order', async () => {
    // Intake first: the sequence of 鼓楼区 2024 hands out 1 and 2.
    const receivedAt = at('2024-09-09');
    expect(await registered({ receivedAt })).toBe('32010620240000001');
    expect(await registered({ receivedAt })).toBe('32010620240000002');
    // Then the seeder, over the 24 months up to mid-2026: it numbers above what intake handed out.
    await seedCases(h.ctx.db, h.ctx.pii, { count: 1000, seed: 11, now: new Date('2026-06-15T02:00:00Z') });
    const seeded = (
      await rows<{ n: string }>(
        sql`SELECT case_number AS n FROM cases WHERE case_number LIKE '3201062024%' ORDER BY case_number`,
      )
    ).map((r) => r.n);
    expect(seeded.length).toBeGreaterThan(3);
    expect(seeded.slice(0, 3)).toEqual(['32010620240000001', '32010620240000002', '32010620240000003']);
    // Then intake again: after the seeded numbers, in every year the seeder wrote into (the case
    // of a sequence created only after seeding is in seed.test.ts).
    const last = seqOf(seeded.at(-1) ?? '');
    expect(await registered({ receivedAt })).toBe(`3201062024${String(last + 1).padStart(7, '0')}`);
    const [{ dup } = { dup: -1 }] = await rows<{ dup: number }>(
      sql`SELECT count(*)::int - count(DISTINCT case_number)::int AS dup FROM cases`,
    );
    expect(dup).toBe(0);
    for (const year of ['2025', '2026']) {
      const [{ max } = { max: '' }] = await rows<{ max: string }>(
        sql`SELECT max(case_number) AS max FROM cases WHERE case_number LIKE ${`320106${year}%`}`,
      );
      expect(seqOf(await registered({ receivedAt: at(`${year}-05-06`) }))).toBe(seqOf(max) + 1);
    }
  });
});
