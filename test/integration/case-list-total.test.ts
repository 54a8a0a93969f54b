// The case list's `total` is counted only up to a cap (XINFANG_LIST_COUNT_CAP, 10,000 by default):
// a broad list then says "at least the cap" (`totalCapped`), a narrow one still gets its exact
// total, and the Excel export keeps counting exactly. The cap is lowered here to a few cases.
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '../../src/auth/sessions.ts';
import { cases } from '../../src/db/schema.ts';
import { caseScope } from '../../src/policies/index.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';
import { plansInRollback } from '../helpers/plans.ts';

const N = 60;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  expect(await seedCases(h.ctx.db, h.ctx.pii, { count: N, seed: 7 })).toBe(N);
  await h.loginAll(['admin', 'nj_registrar', 'gl_registrar', 'gl_handler']);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function list(user: string, query = '') {
  const res = await h.app.inject({ url: `/api/v1/cases?${query}`, headers: h.as(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: number }[]; total: number; totalCapped: boolean };
}

const countWhere = async (where: string) =>
  Number(
    (
      (await h.ctx.db.execute(sql.raw(`SELECT count(*)::int AS n FROM cases WHERE ${where}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n,
  );

describe('case list total with a count cap', () => {
  it('is exact and not capped under the default cap', async () => {
    const r = await list('admin', 'pageSize=5');
    expect(r).toMatchObject({ total: N, totalCapped: false });
    expect(r.items).toHaveLength(5);
  });

  it('says "cap+" for a broad list and the exact number for a narrow one', async () => {
    const nanjing = await countWhere(`jurisdiction_code LIKE '3201%'`);
    expect(nanjing).toBeGreaterThan(1);
    expect(nanjing).toBeLessThan(N - 5);
    h.ctx.config.listCountCap = nanjing;
    try {
      // The whole province: more than the cap, so the cap and the flag; the page is still full.
      const all = await list('admin', 'pageSize=5');
      expect(all).toMatchObject({ total: nanjing, totalCapped: true });
      expect(all.items).toHaveLength(5);
      // Exactly the cap is not "more than": exact.
      expect(await list('admin', 'jurisdiction=320100&pageSize=5')).toMatchObject({
        total: nanjing,
        totalCapped: false,
      });
      // A narrower filter: exact.
      const online = await countWhere(`jurisdiction_code LIKE '3201%' AND form = 'online'`);
      expect(await list('admin', 'jurisdiction=320100&form=online')).toMatchObject({
        total: online,
        totalCapped: false,
      });

      h.ctx.config.listCountCap = nanjing - 1;
      expect(await list('admin', 'jurisdiction=320100')).toMatchObject({
        total: nanjing - 1,
        totalCapped: true,
      });
      // A page past the cap is still served (the pager stops offering it, a bookmark may not).
      const last = await list('admin', `page=${N}&pageSize=1`);
      expect(last.items).toHaveLength(1);
      expect(last.totalCapped).toBe(true);
    } finally {
      h.ctx.config.listCountCap = 10_000;
    }
  });

  it('keeps the Excel export exact whatever the cap', async () => {
    h.ctx.config.listCountCap = 3;
    try {
      const res = await h.app.inject({ url: '/api/v1/cases/export.xlsx', headers: h.as('admin') });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-export-total']).toBe(String(N));
    } finally {
      h.ctx.config.listCountCap = 10_000;
    }
  });

  it('counts every case of a scope once, including cases held or handled outside the subtree', async () => {
    const actor = async (user: string) => {
      const token = h.as(user).authorization.replace('Bearer ', '');
      const r = await resolveSession(h.ctx.db, token);
      if (!r) throw new Error(user);
      return r.actor;
    };
    const gulou = await actor('gl_registrar');
    const dept = await actor('gl_handler');
    // The count adds up disjoint parts of the scope (policies.caseScopeParts): make each part non-empty.
    const outside = (
      (await h.ctx.db.execute(
        sql`SELECT id FROM cases WHERE jurisdiction_code NOT LIKE '320106%' ORDER BY id LIMIT 4`,
      )) as unknown as { rows: { id: number }[] }
    ).rows.map((r) => Number(r.id));
    expect(outside).toHaveLength(4);
    const set = (id: number | undefined, assignments: string) =>
      h.ctx.db.execute(sql.raw(`UPDATE cases SET ${assignments} WHERE id = ${id}`));
    await set(outside[0], `bureau_unit_id = ${gulou.unitId}`); // in Gulou's charge
    await set(outside[1], `current_unit_id = ${gulou.unitId}`); // held by Gulou
    await set(outside[2], `assigned_unit_id = ${dept.unitId}`);
    await set(outside[3], `current_unit_id = ${dept.unitId}, assigned_unit_id = NULL`);
    for (const user of ['admin', 'nj_registrar', 'gl_registrar', 'gl_handler']) {
      const a = await actor(user);
      for (const [query, extra] of [
        ['', undefined],
        ['form=online', sql`${cases.form} = 'online'`],
      ] as const) {
        const [exact] = await h.ctx.db
          .select({ n: count() })
          .from(cases)
          .where(sql`${caseScope(a)} and ${extra ?? sql`true`}`);
        const r = await list(user, `${query}&pageSize=200`);
        expect(r.total, `${user} ${query}`).toBe(exact?.n);
        expect(r.totalCapped).toBe(false);
        expect(r.items.length).toBe(Math.min(200, exact?.n ?? 0));
      }
    }
    // Gulou sees the two cases outside its county, once each; the department its two.
    const gl = await list('gl_registrar', 'pageSize=200');
    expect(gl.total).toBe((await countWhere(`jurisdiction_code LIKE '320106%'`)) + 2);
    expect(gl.items.map((c) => c.id)).toEqual(expect.arrayContaining(outside.slice(0, 2)));
    expect(new Set(gl.items.map((c) => c.id)).size).toBe(gl.items.length);
    const handler = await list('gl_handler', 'pageSize=200');
    expect(handler.items.map((c) => c.id)).toEqual(expect.arrayContaining(outside.slice(2)));
  });

  it("finds a department's co-handled matters (协办) through the GIN index, not by reading every case", async () => {
    const token = h.as('gl_handler').authorization.replace('Bearer ', '');
    const dept = (await resolveSession(h.ctx.db, token))?.actor;
    if (!dept?.unitId) throw new Error('gl_handler has no unit');
    const [other] = (
      (await h.ctx.db.execute(
        sql`SELECT id FROM cases WHERE current_unit_id IS DISTINCT FROM ${dept.unitId}
              AND assigned_unit_id IS DISTINCT FROM ${dept.unitId} ORDER BY id DESC LIMIT 1`,
      )) as unknown as { rows: { id: number }[] }
    ).rows;
    await h.ctx.db.execute(
      sql`UPDATE cases SET co_unit_ids = array[${dept.unitId}::integer] WHERE id = ${Number(other?.id)}`,
    );
    const listed = await list('gl_handler', 'pageSize=200');
    expect(listed.items.filter((c) => c.id === Number(other?.id))).toHaveLength(1);
    // The plans of the count and of the page with sequential scans off: the co-handling part reads
    // the GIN index.
    const { caseListQueries, CaseListQuery } = await import('../../src/cases/queries.ts');
    const built = caseListQueries(h.ctx.db, dept, CaseListQuery.parse({}), { countCap: 10_000 });
    for (const query of [built.count, built.items]) {
      const plan = await plansInRollback(h.ctx.db, [sql`set local enable_seqscan = off`], [query]);
      expect(plan).toContain('cases_co_units_idx');
      expect(plan).not.toContain('Seq Scan');
    }
  });

  it('pages through a scope of several parts in the order of one query over it, no case lost or repeated', async () => {
    // After the tests above every part of the county's scope holds cases; a few more for each of
    // the department's three (assigned, held without being assigned, co-handled), so it has pages.
    const actorOf = async (user: string) =>
      (await resolveSession(h.ctx.db, h.as(user).authorization.replace('Bearer ', '')))?.actor;
    const dept = (await actorOf('gl_handler'))?.unitId;
    const some = (
      (await h.ctx.db.execute(
        sql`SELECT id FROM cases WHERE current_unit_id IS DISTINCT FROM ${dept} AND assigned_unit_id
              IS DISTINCT FROM ${dept} AND cardinality(co_unit_ids) = 0 ORDER BY id LIMIT 9`,
      )) as unknown as { rows: { id: number }[] }
    ).rows.map((r) => Number(r.id));
    expect(some).toHaveLength(9);
    await h.ctx.db.execute(sql`UPDATE cases SET assigned_unit_id = ${dept} WHERE id IN ${some.slice(0, 3)}`);
    await h.ctx.db.execute(
      sql`UPDATE cases SET current_unit_id = ${dept}, assigned_unit_id = NULL WHERE id IN ${some.slice(3, 6)}`,
    );
    await h.ctx.db.execute(
      sql`UPDATE cases SET co_unit_ids = array[${dept}::integer] WHERE id IN ${some.slice(6)}`,
    );
    const orders = [
      ['', sql`received_at desc, id desc`],
      ['sort=dueAt&order=asc', sql`due_at asc nulls last, id asc`],
      ['sort=caseNumber&order=asc', sql`case_number asc, id asc`],
    ] as const;
    for (const user of ['admin', 'nj_registrar', 'gl_registrar', 'gl_handler']) {
      const a = await actorOf(user);
      if (!a) throw new Error(user);
      for (const [query, order] of orders) {
        const expected = (
          (await h.ctx.db.execute(
            sql`SELECT id FROM cases WHERE ${caseScope(a)} ORDER BY ${order}`,
          )) as unknown as { rows: { id: number }[] }
        ).rows.map((r) => Number(r.id));
        expect(expected.length, user).toBeGreaterThan(1);
        const paged: number[] = [];
        for (let page = 1; paged.length < expected.length; page++) {
          const r = await list(user, `${query}&pageSize=2&page=${page}`);
          expect(r.items.length, `${user} ${query} page ${page}`).toBeGreaterThan(0);
          paged.push(...r.items.map((c) => c.id));
        }
        expect(paged, `${user} ${query}`).toEqual(expected);
      }
    }
  });
});
