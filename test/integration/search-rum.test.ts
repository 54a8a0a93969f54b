// Word searches rank the newest RANK_WINDOW matches and list the older ones after them, and give
// the same rows in the same order whichever index finds the newest matches: on PostgreSQL with the
// RUM extension (installed by .ci/run) through cases_search_rum_idx, forced by switching the other
// plans off; on PGlite, or a server without the extension, through the GIN index and the btree.
// The reference order is computed here from every match's received time and ts_rank_cd.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '../../src/auth/sessions.ts';
import { CaseListQuery, caseListQueries, listCases, RANK_WINDOW } from '../../src/cases/queries.ts';
import type { NewestPath } from '../../src/domain/search/newestPath.ts';
import type { Actor } from '../../src/policies/index.ts';
import { searchIndex } from '../../src/search/rum.ts';
import { queryTokens } from '../../src/search/tokenize.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';
import { plansInRollback } from '../helpers/plans.ts';

let h: Harness;
const actors: Record<string, Actor> = {};
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
/** Small enough that 200 seeded cases have matches on both sides of it. */
const WINDOW = 12;
const PAGE = 5; // does not divide WINDOW: one page holds the last ranked and the first older matches

beforeAll(async () => {
  h = await startHarness();
  await seedCases(h.ctx.db, h.ctx.pii, { count: 200, seed: 7 });
  for (const u of ['admin', 'gl_registrar']) {
    const s = await resolveSession(h.ctx.db, await h.login(u));
    if (!s) throw new Error(u);
    actors[u] = s.actor;
  }
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/**
 * Common seeded words (more matches than the window) that some cases repeat, so their rank varies,
 * and that are in fewer than half the cases (not a place name of every text).
 */
async function commonWords(n: number): Promise<string[]> {
  const r = await h.ctx.db.execute(sql`
    select word from ts_stat('select search_vector from cases')
    where length(word) >= 2 and nentry > ndoc and ndoc < (select count(*) / 2 from cases)
    order by ndoc desc, word limit ${n}`);
  return rows<{ word: string }>(r).map((x) => x.word);
}

/** Every page of a search, in order, as ids. */
async function allPages(actor: Actor, q: string, index: 'rum' | 'gin', extra: Record<string, string> = {}) {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const query = CaseListQuery.parse({ q, page, pageSize: PAGE, ...extra });
    const r = await listCases(h.ctx.db, actor, query, {
      textSearch: h.ctx.caseExtensions.textSearch,
      searchIndex: index,
      rankWindow: WINDOW,
    });
    ids.push(...r.items.map((c) => c.id));
    if (r.items.length < PAGE) return { ids, total: r.total };
  }
}

describe('word search: the newest matches ranked, the older ones after them', () => {
  it('orders the whole province as received time and ts_rank_cd say (GIN path)', async () => {
    const [word] = await commonWords(1);
    if (!word) throw new Error('no words seeded');
    const q = queryTokens(word).join(' ');
    const matches = rows<{ id: number; at: string; rank: number }>(
      await h.ctx.db.execute(sql`
        select id::int as id, to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at,
               ts_rank_cd(search_vector, plainto_tsquery('simple', ${q})) as rank
        from cases where search_vector @@ plainto_tsquery('simple', ${q})`),
    );
    expect(matches.length).toBeGreaterThan(WINDOW + PAGE);
    const newestFirst = (a: (typeof matches)[0], b: (typeof matches)[0]) =>
      a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1;
    const byTime = [...matches].sort(newestFirst);
    const ranked = byTime.slice(0, WINDOW).sort((a, b) => b.rank - a.rank || newestFirst(a, b));
    const expected = [...ranked, ...byTime.slice(WINDOW)].map((m) => m.id);

    const got = await allPages(actors.admin as Actor, word, 'gin');
    expect(got.ids).toEqual(expected);
    expect(got.total).toBe(matches.length);
    // Relevance really decides inside the window: it is not simply the newest first.
    expect(ranked.map((m) => m.id)).not.toEqual(byTime.slice(0, WINDOW).map((m) => m.id));
    // The console's pages stay inside the default window.
    expect(RANK_WINDOW).toBeGreaterThanOrEqual(500);
  });
});

describe("the console's capped word search: page and count from one read of the window", () => {
  it('gives the pages inside the window and "window+" as the uncapped list does, every way', async () => {
    const [word] = await commonWords(1);
    const index = await searchIndex(h.ctx.db);
    // With RUM: as chosen (domain/search/newestPath), and each way insisted on — the btree walk,
    // the planner's choice, the RUM order with bitmaps off (what a city's search takes).
    const ways: { searchIndex: 'gin' | 'rum'; newestPath?: NewestPath }[] = [{ searchIndex: 'gin' }];
    if (index === 'rum')
      for (const newestPath of [undefined, 'btree', 'rum', 'rumOrder'] as const)
        ways.push({ searchIndex: 'rum', newestPath });
    for (const user of ['admin', 'gl_registrar']) {
      const actor = actors[user] as Actor;
      const whole = await allPages(actor, word as string, 'gin');
      for (const way of ways) {
        const ids: number[] = [];
        let last: Awaited<ReturnType<typeof listCases>> | undefined;
        for (let page = 1; page * PAGE <= WINDOW; page++) {
          last = await listCases(h.ctx.db, actor, CaseListQuery.parse({ q: word, page, pageSize: PAGE }), {
            textSearch: h.ctx.caseExtensions.textSearch,
            ...way,
            rankWindow: WINDOW,
            countCap: 10_000,
          });
          ids.push(...last.items.map((c) => c.id));
        }
        expect(ids, `${user} ${JSON.stringify(way)}`).toEqual(whole.ids.slice(0, ids.length));
        // Counted up to the window: "12+" when there are more matches, else the exact number.
        expect(last?.total).toBe(Math.min(whole.total, WINDOW));
        expect(last?.totalCapped).toBe(whole.total > WINDOW);
      }
    }
  });
});

describe('RUM index (PostgreSQL with the extension)', () => {
  it('exists exactly when the server has the extension, and PGlite keeps GIN', async () => {
    const available =
      h.ctx.database.kind === 'postgres' &&
      rows<{ n: number }>(
        await h.ctx.db.execute(
          sql`select count(*)::int as n from pg_available_extensions where name = 'rum'`,
        ),
      )[0]?.n === 1;
    expect(await searchIndex(h.ctx.db)).toBe(available ? 'rum' : 'gin');
  });

  it('gives the same pages as the GIN path, read from the index the database has', async () => {
    const words = await commonWords(3);
    const searches: [string, string, Record<string, string>][] = [
      ['admin', words[0] as string, {}],
      ['admin', `${words[1]} ${words[2]}`, {}],
      ['admin', words[0] as string, { sort: 'dueAt', order: 'asc' }],
      ['gl_registrar', words[0] as string, {}],
      ['admin', words[1] as string, { jurisdiction: '320100' }],
    ];
    let found = 0;
    if ((await searchIndex(h.ctx.db)) === 'gin') {
      // PGlite, or a server without the extension: the list takes the GIN path by itself.
      for (const [user, q, extra] of searches) {
        const actor = actors[user] as Actor;
        const query = CaseListQuery.parse({ q, pageSize: 50, ...extra });
        const r = await listCases(h.ctx.db, actor, query, { textSearch: h.ctx.caseExtensions.textSearch });
        const gin = await listCases(h.ctx.db, actor, query, {
          textSearch: h.ctx.caseExtensions.textSearch,
          searchIndex: 'gin',
        });
        expect(r.items.map((c) => c.id)).toEqual(gin.items.map((c) => c.id));
        found += r.items.length;
      }
      expect(found).toBeGreaterThan(0);
      return;
    }
    const pool = h.ctx.database.pool as pg.Pool;
    for (const [user, q, extra] of searches) {
      const actor = actors[user] as Actor;
      const gin = await allPages(actor, q, 'gin', extra);
      // The RUM path, with every other way to the newest matches switched off, statement by statement.
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query('set local enable_seqscan = off');
        await client.query('set local enable_bitmapscan = off');
        await client.query('set local enable_sort = off');
        await client.query('set local jit = off'); // the switched-off plans' costs would compile it
        const ids: number[] = [];
        let plan = '';
        for (let page = 1; ; page++) {
          const query = CaseListQuery.parse({ q, page, pageSize: PAGE, ...extra });
          const built = caseListQueries(h.ctx.db, actor, query, {
            textSearch: h.ctx.caseExtensions.textSearch,
            searchIndex: 'rum',
            rankWindow: WINDOW,
          });
          const { sql: text, params } = built.items.toSQL();
          if (page === 1)
            plan = (await client.query(`explain ${text}`, params as unknown[])).rows
              .map((r: Record<string, string>) => r['QUERY PLAN'])
              .join('\n');
          const r = await client.query(text, params as unknown[]);
          ids.push(...r.rows.map((x: { id: string }) => Number(x.id)));
          if (r.rows.length < PAGE) break;
        }
        await client.query('rollback');
        expect(plan).toContain('cases_search_rum_idx');
        expect(ids, `${user} q=${q} ${JSON.stringify(extra)}`).toEqual(gin.ids);
        expect(ids.length).toBe(gin.total);
      } finally {
        client.release();
      }
    }
  });
});

describe('date ranges read the btree, never the RUM index (src/cases/received.ts)', () => {
  /** The plan of the list's page and count for `query`, with sequential scans switched off. */
  function plans(user: string, query: Record<string, string>, dropReceivedIndex: boolean): Promise<string> {
    const built = caseListQueries(h.ctx.db, actors[user] as Actor, CaseListQuery.parse(query), {
      countCap: 10_000,
    });
    const setup = [sql`set local enable_seqscan = off`];
    if (dropReceivedIndex) setup.push(sql`drop index cases_received_idx`);
    return plansInRollback(h.ctx.db, setup, [built.items, built.count]);
  }

  it("a month of the province is read through cases_received_idx, a county's and a unit's not through RUM", async () => {
    const month = { from: '2025-06-01', to: '2025-06-30' };
    const province = await plans('admin', month, false);
    expect(province).toContain('cases_received_idx');
    expect(province).not.toContain('cases_search_rum_idx');
    for (const extra of [{}, { unitId: '1' }] as Record<string, string>[])
      expect(await plans('gl_registrar', { ...month, ...extra }, false)).not.toContain(
        'cases_search_rum_idx',
      );
  });

  it('even with no btree on received_at, the RUM index is not offered for a date range', async () => {
    // Without the btree and with sequential scans off, the planner takes any index that can answer
    // the range: before received.ts, RUM's (it held received_at with range operators).
    const plan = await plans('admin', { from: '2025-06-01', to: '2025-06-30' }, true);
    expect(plan).not.toContain('cases_search_rum_idx');
    expect(plan).not.toContain('cases_received_idx');
  });
});
