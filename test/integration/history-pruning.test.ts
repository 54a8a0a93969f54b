// Reads of one case's history touch only the months since its registration (src/cases/history.ts):
// with 40 months of partitions kept, the planner (EXPLAIN) scans the registration month, the months
// after it up to those kept ahead, and DEFAULT — not every month — for the detail's timeline, the
// reads by case through eventsOfCase, and the audit rows about the case. The bound hides nothing:
// a back-dated registration's timeline is complete, and no stored event is older than its case.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChildrenQuery } from '../../src/cases/detailQueries.ts';
import { caseSpan, eventsOfCase } from '../../src/cases/history.ts';
import { auditLog, caseEvents } from '../../src/db/schema.ts';
import { addMonths, MONTHS_AHEAD, monthOf, monthStart } from '../../src/domain/partitions/months.ts';
import { listPartitions, maintainPartitions } from '../../src/partitions/maintain.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let caseId: number;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar', 'gl_admin']);
  // 40 months back of partitions (each run keeps its month and three ahead).
  const now = new Date();
  for (let i = 40; i > 0; i -= 4) await maintainPartitions(h.ctx.db, monthStart(addMonths(monthOf(now), -i)));
  // A letter received two months ago, registered today.
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('gl_registrar'),
    payload: {
      form: 'letter',
      subject: '小区道路破损',
      content: '来信反映小区道路破损多处，请求尽快修复。',
      jurisdictionCode: '320106',
      receivedAt: new Date(now.getTime() - 61 * DAY).toISOString(),
      petitioner: { name: '王五', phone: '13811113333' },
    },
  });
  expect(res.statusCode).toBe(201);
  caseId = res.json().caseId;
  await h.act('gl_registrar', caseId, 'accept', { lateReason: '来信转递延误，今日收到' });
}, 300_000); // forty months of partitions to create
afterAll(async () => {
  await h?.close();
});

type PlanNode = { 'Relation Name'?: string; Plans?: PlanNode[]; [k: string]: unknown };

/** The partitions of `table` (and the parent) a statement's plan reads. */
async function scanned(query: ReturnType<typeof sql>, table: string): Promise<string[]> {
  const res = (await h.ctx.db.execute(sql`explain (format json) ${query}`)) as unknown as {
    rows: { 'QUERY PLAN': unknown }[];
  };
  const raw = res.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const out = new Set<string>();
  const walk = (n: PlanNode) => {
    const r = n['Relation Name'];
    if (r && (r === table || r.startsWith(`${table}_`))) out.add(r);
    for (const c of n.Plans ?? []) walk(c);
  };
  for (const p of plan) walk(p.Plan);
  return [...out].sort();
}

/** Months from the registration month to the last kept ahead, and DEFAULT. */
function expectedMax(receivedAt: Date): number {
  const from = monthOf(receivedAt);
  const last = addMonths(monthOf(new Date()), MONTHS_AHEAD);
  let n = 1;
  for (let m = from; m < last; m = addMonths(m, 1)) n++;
  return n + 1;
}

describe('reads of one case prune the history partitions', () => {
  it('has 40 months of partitions and the case registered two months back', async () => {
    expect((await listPartitions(h.ctx.db, 'case_events')).length).toBeGreaterThanOrEqual(44);
    expect((await listPartitions(h.ctx.db, 'audit_log')).length).toBeGreaterThanOrEqual(44);
    const span = await caseSpan(h.ctx.db, caseId);
    expect(monthOf(span?.receivedAt as Date)).toBe(monthOf(new Date(Date.now() - 61 * DAY)));
  });

  it("the detail's timeline scans the months since registration and DEFAULT, not all 44", async () => {
    const span = await caseSpan(h.ctx.db, caseId);
    if (!span) throw new Error('no case');
    const parts = await scanned(caseChildrenQuery(span), 'case_events');
    expect(parts).toContain('case_events_default');
    expect(parts).toContain(`case_events_p${monthOf(span.receivedAt).replace('-', '_')}`);
    // Two months back + this month + three ahead + DEFAULT = 7 at most.
    expect(parts.length).toBeLessThanOrEqual(expectedMax(span.receivedAt));
    expect(parts.length).toBeLessThanOrEqual(7);
  });

  it('the reads by case through eventsOfCase (public query, card, export, engine) prune the same', async () => {
    const span = await caseSpan(h.ctx.db, caseId);
    if (!span) throw new Error('no case');
    const q = h.ctx.db.select().from(caseEvents).where(eventsOfCase(span)).orderBy(caseEvents.id);
    const parts = await scanned(sql`${q}`, 'case_events');
    expect(parts.length).toBeLessThanOrEqual(7);
    // Without the bound every partition is read: the comparison the bound is for.
    const unbounded = h.ctx.db.select().from(caseEvents).where(sql`${caseEvents.caseId} = ${caseId}`);
    expect((await scanned(sql`${unbounded}`, 'case_events')).length).toBeGreaterThanOrEqual(44);
  });

  it("the audit log filtered to the case reads only the case's months, and finds its rows", async () => {
    const span = await caseSpan(h.ctx.db, caseId);
    if (!span) throw new Error('no case');
    const { auditOfCaseSince } = await import('../../src/cases/history.ts');
    const q = h.ctx.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(
        sql`${auditLog.entity} = 'case' and ${auditLog.entityId} = ${String(caseId)} and ${auditOfCaseSince(span)}`,
      );
    expect((await scanned(sql`${q}`, 'audit_log')).length).toBeLessThanOrEqual(7);
    const res = await h.app.inject({
      url: `/api/v1/audit?entity=case&entityId=${caseId}`,
      headers: h.as('gl_admin'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['case.register', 'case.accept']),
    );
  });

  it("the audit search by person reads only the months since the account's creation, and finds its rows", async () => {
    const { auditOfActor } = await import('../../src/audit/queries.ts');
    const q = h.ctx.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(await auditOfActor(h.ctx.db, 'gl_registrar'));
    // The account is this run's (created today): its month, at most the previous one, three ahead, DEFAULT.
    expect((await scanned(sql`${q}`, 'audit_log')).length).toBeLessThanOrEqual(6);
    const unbounded = h.ctx.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(sql`${auditLog.actorUserId} = 1`);
    expect((await scanned(sql`${unbounded}`, 'audit_log')).length).toBeGreaterThanOrEqual(44);
    const [me] = (
      (await h.ctx.db.execute(sql`select id from users where username = 'gl_registrar'`)) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    for (const actor of ['gl_registrar', String(me?.id)]) {
      const res = await h.app.inject({ url: `/api/v1/audit?actor=${actor}`, headers: h.as('gl_admin') });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((r: { action: string }) => r.action)).toEqual(
        expect.arrayContaining(['case.register', 'case.accept']),
      );
    }
  });

  it('the timeline of a back-dated registration is complete (registration and acceptance today)', async () => {
    const res = await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: h.as('gl_registrar') });
    expect(res.statusCode).toBe(200);
    const timeline = res.json().timeline as { action: string; at: string }[];
    expect(timeline.map((e) => e.action)).toEqual(['register', 'accept']);
  });

  it('no stored event is older than its case’s registration (the bound hides nothing), seeded history included', async () => {
    await seedCases(h.ctx.db, h.ctx.pii, { count: 40, seed: 11 });
    await maintainPartitions(h.ctx.db);
    const { rows } = (await h.ctx.db.execute(sql`
      select count(*)::int as events,
             count(*) filter (where e.at < c.received_at)::int as older,
             count(distinct e.tableoid)::int as partitions
      from case_events e join cases c on c.id = e.case_id`)) as unknown as {
      rows: { events: number; older: number; partitions: number }[];
    };
    const r = rows[0];
    expect(r?.events).toBeGreaterThan(100);
    expect(r?.partitions).toBeGreaterThan(6);
    expect(r?.older).toBe(0);
  });
});
