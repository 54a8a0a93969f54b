// The write path at scale (issue 20, docs/performance.md "Write path at scale"): the repeat lookup
// at intake is bounded by the petitioner's own history — it still finds the earlier matter (the
// same subject up to spaces and case, unusual characters included, the named case, a registrar's
// recorded ID number), and on a database of seeded cases its plan reads the indexes that hold its
// predicates, never the whole table. The embedded database's planner statistics are kept by hand.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repeatLookupSql } from '../../src/cases/intake.ts';
import { keepStatistics, StatisticsKeeper } from '../../src/db/statistics.ts';
import { nearestBucketHits } from '../../src/duplicates/group.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const C = '13900000001'; // the demo citizen
const SEEDED = 1500;

const petition = (subject: string, extra: Record<string, unknown> = {}) => ({
  form: 'online',
  purpose: 'claim',
  jurisdictionCode: '320106',
  subject,
  content: '小区路灯损坏一个多月，夜间出行不安全，多次反映无人处理，请求尽快维修。',
  ...extra,
});

async function submit(user: string, body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as(user),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { caseId: number; caseNumber: string; linkedTo?: { caseId: number } };
}

const plan = async (q: ReturnType<typeof repeatLookupSql> | ReturnType<typeof sql>) => {
  if (!q) throw new Error('no lookup');
  const r = (await h.ctx.db.execute(sql`EXPLAIN ${q}`)) as unknown as { rows: Record<string, string>[] };
  return r.rows.map((x) => Object.values(x)[0]).join('\n');
};

async function citizenId(): Promise<number> {
  const r = (await h.ctx.db.execute(
    sql`SELECT id FROM users WHERE role = 'citizen' ORDER BY id LIMIT 1`,
  )) as unknown as { rows: { id: number }[] };
  return Number(r.rows[0]?.id);
}

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([C, 'gl_registrar']);
  // Stored matters of other petitioners (with parties), so that a lookup reading the table shows.
  await seedCases(h.ctx.db, h.ctx.pii, { count: SEEDED, seed: 7 });
}, 300_000);
afterAll(() => h?.close());

describe('repeat lookup at intake', () => {
  it("links a citizen's petition to their open matter with the same subject up to spaces and case", async () => {
    const first = await submit(C, petition('小区 路灯 损坏 Repair'));
    expect(first.linkedTo).toBeUndefined();
    const again = await submit(C, petition('小区路灯损坏　repair')); // U+3000 ideographic space
    expect(again.linkedTo?.caseId).toBe(first.caseId);
  });

  it('links subjects with unusual characters, compared as before (JS rules)', async () => {
    const first = await submit(C, petition('Lärm über der Straße — 噪音'));
    const again = await submit(C, petition('lärm  über der straße — 噪音'));
    expect(again.linkedTo?.caseId).toBe(first.caseId);
    const other = await submit(C, petition('Lärm über der Gasse — 噪音'));
    expect(other.linkedTo).toBeUndefined();
  });

  it('links to the case the petition names, even with another subject', async () => {
    const first = await submit(C, petition('楼道堆放杂物存在消防隐患'));
    const again = await submit(
      C,
      petition('再次反映：消防通道被占用', { previousCaseNumber: first.caseNumber }),
    );
    expect(again.linkedTo?.caseId).toBe(first.caseId);
  });

  it("links a registrar's letter by the recorded ID number", async () => {
    const letter = (subject: string) => ({
      form: 'letter',
      purpose: 'claim',
      jurisdictionCode: '320106',
      subject,
      content: '来信反映某公司拖欠工资三个月，请求督促支付。',
      petitioner: { name: '王五', idNumber: '32010619850315201X' },
    });
    const first = await submit('gl_registrar', letter('来信反映拖欠工资'));
    const again = await submit('gl_registrar', letter('来信 反映 拖欠工资'));
    expect(again.linkedTo?.caseId).toBe(first.caseId);
  });

  it('reads the indexes that hold its predicates, not the table', async () => {
    const userId = await citizenId();
    const citizen = await plan(repeatLookupSql({ subject: '小区路灯损坏' }, { userId }));
    expect(citizen).toContain('cases_repeat_user_idx');
    expect(citizen).toContain('cases_repeat_unusual_idx');
    expect(citizen).not.toMatch(/Seq Scan on cases|Index Scan using cases_pkey/);

    const named = await plan(
      repeatLookupSql({ subject: '小区路灯损坏', previousCaseNumber: 'X' }, { userId }),
    );
    // By its unique number, or among the petitioner's own cases: either way a bounded read.
    expect(named).toMatch(/cases_number_uq|cases_repeat_user_idx/);
    expect(named).not.toMatch(/Seq Scan on cases|Index Scan using cases_pkey/);

    const registrar = await plan(
      repeatLookupSql({ subject: '来信反映拖欠工资' }, { idHash: h.ctx.pii.hash('32010619850315201X') }),
    );
    expect(registrar).toContain('case_parties_id_hash_idx');
    // The cases are read by the ids of that person's parties (`= ANY`), never by walking the table.
    expect(registrar).toMatch(/Index Cond: \(id = ANY/);
    expect(registrar).not.toMatch(/Seq Scan on cases/);
  });
});

describe('group check at intake', () => {
  it('reads at most its bound of band entries per bucket, from the band index', async () => {
    const r = (await h.ctx.db.execute(
      sql`SELECT bands, received_at AS "receivedAt" FROM case_signatures ORDER BY case_id DESC LIMIT 1`,
    )) as unknown as { rows: { bands: number[]; receivedAt: string }[] };
    const sig = r.rows[0];
    if (!sig) throw new Error('no signature');
    const at = new Date(sig.receivedAt);
    const from = new Date(at.getTime() - 7 * 86_400_000);
    const to = new Date(at.getTime() + 7 * 86_400_000);
    const hits = (await h.ctx.db.execute(nearestBucketHits(sig.bands, from, to, 3))) as unknown as {
      rows: { case_id: number }[];
    };
    // The case itself is among them; never more than 3 per bucket.
    expect(hits.rows.length).toBeGreaterThan(0);
    expect(hits.rows.length).toBeLessThanOrEqual(3 * sig.bands.length);
    const explained = await plan(nearestBucketHits(sig.bands, from, to, 3));
    expect(explained).toContain('case_sig_bands_bucket_idx');
    expect(explained).toMatch(/Limit/);
    expect(explained).not.toMatch(/Seq Scan on case_sig_bands/);
  });
});

describe('planner statistics upkeep', () => {
  it('after a bulk load the planner knows the sizes; with nothing changed it does nothing', async () => {
    const r = (await h.ctx.db.execute(
      sql`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'cases'`,
    )) as unknown as { rows: { n: number }[] };
    // seedCases analyzed what it loaded (the embedded database has no autovacuum).
    expect(Number(r.rows[0]?.n)).toBeGreaterThanOrEqual(SEEDED);
    await keepStatistics(h.ctx.db);
    expect(await keepStatistics(h.ctx.db)).toEqual([]);
  });

  it('re-analyzes a table once enough of it changed', async () => {
    await h.ctx.db.execute(sql`CREATE TABLE wp_stats_probe (id int PRIMARY KEY, v int)`);
    await h.ctx.db.execute(sql`INSERT INTO wp_stats_probe SELECT g, g % 7 FROM generate_series(1, 2000) g`);
    const done = await keepStatistics(h.ctx.db);
    expect(done.map((d) => d.table)).toContain('wp_stats_probe');
    const stats = (await h.ctx.db.execute(
      sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'wp_stats_probe'`,
    )) as unknown as { rows: { n: number }[] };
    expect(Number(stats.rows[0]?.n)).toBeGreaterThan(0);
    expect((await keepStatistics(h.ctx.db)).map((d) => d.table)).not.toContain('wp_stats_probe');
    await h.ctx.db.execute(sql`DROP TABLE wp_stats_probe`);
  });

  it("after seeding, the group check's band lookup is index-only (the load was vacuumed, not only analyzed)", async () => {
    // seedCases refreshed what it loaded; nobody ran VACUUM or ANALYZE by hand in this file. The
    // oldest seeded petition: no case filed by the tests above is in its window.
    const [sig] = (
      (await h.ctx.db.execute(
        sql`SELECT bands, received_at AS at FROM case_signatures ORDER BY received_at LIMIT 1`,
      )) as unknown as { rows: { bands: number[]; at: string }[] }
    ).rows;
    if (!sig) throw new Error('no signature');
    const at = new Date(sig.at);
    const q = nearestBucketHits(
      sig.bands,
      new Date(at.getTime() - 7 * 86_400_000),
      new Date(at.getTime() + 7 * 86_400_000),
      500,
    );
    const r = (await h.ctx.db.execute(sql`EXPLAIN (ANALYZE, COSTS OFF) ${q}`)) as unknown as {
      rows: Record<string, string>[];
    };
    const explained = r.rows.map((x) => Object.values(x)[0]).join('\n');
    expect(explained).toMatch(/Index Only Scan (Backward )?using case_sig_bands_bucket_idx/);
    expect(explained).toMatch(/Heap Fetches: 0/);
  });

  it('the scheduled pass refreshes statistics left stale by a bulk load, and the planner takes the index', async () => {
    const db = h.ctx.db;
    await db.execute(sql`CREATE TABLE wp_skew (id int PRIMARY KEY, owner int NOT NULL, pad text)`);
    await db.execute(sql`CREATE INDEX wp_skew_owner_idx ON wp_skew (owner)`);
    // Analyzed while small, when every row had the same owner …
    await db.execute(sql`INSERT INTO wp_skew SELECT g, 1, repeat('x', 50) FROM generate_series(1, 200) g`);
    expect((await keepStatistics(db)).map((d) => d.table)).toContain('wp_skew');
    // … then bulk-loaded with one row per owner.
    await db.execute(
      sql`INSERT INTO wp_skew SELECT g, g, repeat('x', 50) FROM generate_series(201, 20200) g`,
    );
    const plan = async () => {
      const r = (await db.execute(sql`EXPLAIN SELECT pad FROM wp_skew WHERE owner = 1`)) as unknown as {
        rows: Record<string, string>[];
      };
      return r.rows.map((x) => Object.values(x)[0]).join('\n');
    };
    // The 200 rows of owner 1 (1 %). The embedded database has no autovacuum: with the small
    // table's statistics (owner 1 = every row) its planner reads the whole table.
    if (h.ctx.database.kind === 'pglite') expect(await plan()).toMatch(/Seq Scan on wp_skew/);
    const keeper = new StatisticsKeeper(db, h.ctx.log, 60_000);
    try {
      keeper.start(); // the periodic pass on the shared pass-runner: one at once, then every minute
      expect((await keeper.idle()).map((d) => d.table)).toContain('wp_skew');
    } finally {
      await keeper.stop();
    }
    expect(await plan()).toMatch(
      /Index (Only )?Scan using wp_skew_owner_idx|Bitmap Index Scan on wp_skew_owner_idx/,
    );
    await db.execute(sql`DROP TABLE wp_skew`);
  });
});
