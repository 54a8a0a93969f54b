// Audit rows are appended unsealed by business transactions and chained afterwards by the sealer
// (src/audit/chain.ts): concurrency, late commits, rollbacks, verify, and tampering.
import { asc, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordAudit, sealAudit, verifyAuditChain } from '../../src/audit/chain.ts';
import { auditHead, auditLog } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const total = async () => (await h.ctx.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const rowsOf = (action: string) =>
  h.ctx.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.seq));
const append = (action: string, summary: Record<string, unknown> = {}) =>
  h.ctx.db.transaction((tx) => recordAudit(tx, { action, entity: 'test', summary }));

describe('audit sealing', () => {
  // No HTTP request before this test: nothing has kicked the sealer yet.
  it('keeps a committed row unsealed until a seal, and verify seals it first', async () => {
    await append('test.unsealed', { n: 1 });
    const [before] = await rowsOf('test.unsealed');
    expect(before).toMatchObject({ chainPos: null, prevHash: null, hash: null });

    const r = await verifyAuditChain(h.ctx.db);
    expect(r).toEqual({ ok: true, rows: await total() });
    const [after] = await rowsOf('test.unsealed');
    expect(after?.chainPos).toBe(r.rows);
    expect(after?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(after).toMatchObject({ action: 'test.unsealed', entity: 'test', summary: { n: 1 } });
  });

  it('chains 20 concurrent transactions and concurrent seals into one valid chain', async () => {
    const before = await total();
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        h.ctx.db.transaction(async (tx) => {
          await recordAudit(tx, { action: 'test.concurrent', entity: 'test', entityId: i, summary: { i } });
          // Commit in a different order than the sequence handed out the numbers.
          await tx.execute(sql`select pg_sleep(${((i * 7) % 5) / 100})`);
        }),
      ),
      ...Array.from({ length: 3 }, () => sealAudit(h.ctx.db)),
    ]);
    const r = await verifyAuditChain(h.ctx.db);
    expect(r).toEqual({ ok: true, rows: before + 20 });
    const rows = await rowsOf('test.concurrent');
    expect(rows.map((x) => x.entityId).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
    const [unsealed] = await h.ctx.db.select({ n: count() }).from(auditLog).where(isNull(auditLog.chainPos));
    expect(unsealed?.n).toBe(0);
  });

  it('chains a row that commits late after the rows already sealed, leaving them as they were', async () => {
    // A transaction takes its number, then others append and are sealed before it commits.
    const reserved = await h.ctx.db.execute(
      sql`select nextval(pg_get_serial_sequence('audit_log', 'seq'))::int as seq`,
    );
    const lateSeq = (reserved as unknown as { rows: { seq: number }[] }).rows[0]?.seq ?? 0;
    await append('test.early');
    await sealAudit(h.ctx.db);
    const [early] = await rowsOf('test.early');
    await h.ctx.db
      .insert(auditLog)
      .values({ seq: lateSeq, at: new Date(), action: 'test.late', entity: 'test', summary: {} });
    await sealAudit(h.ctx.db);

    const [late] = await rowsOf('test.late');
    expect(late?.seq).toBeLessThan(early?.seq ?? 0);
    expect(late?.chainPos).toBe((early?.chainPos ?? 0) + 1);
    expect(late?.prevHash).toBe(early?.hash);
    const [earlyAfter] = await rowsOf('test.early');
    expect(earlyAfter).toEqual(early);
    expect(await verifyAuditChain(h.ctx.db)).toEqual({ ok: true, rows: await total() });
  });

  it('leaves no row for a rolled-back transaction, and the chain stays whole across the gap', async () => {
    const before = await total();
    await expect(
      h.ctx.db.transaction(async (tx) => {
        await recordAudit(tx, { action: 'test.rolled_back', entity: 'test', summary: {} });
        throw new Error('业务校验失败');
      }),
    ).rejects.toThrow('业务校验失败');
    expect(await total()).toBe(before);
    expect(await rowsOf('test.rolled_back')).toEqual([]);

    await append('test.after_rollback');
    expect(await verifyAuditChain(h.ctx.db)).toEqual({ ok: true, rows: before + 1 });
    const [head] = await h.ctx.db.select().from(auditHead);
    expect(head?.seq).toBe(before + 1);
  });

  it('seals the rows of a request soon after its answer, without a verify', async () => {
    await h.login('gl_admin');
    await vi.waitFor(
      async () => {
        const [row] = await h.ctx.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'auth.login'))
          .orderBy(asc(auditLog.seq));
        expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
      },
      { timeout: 10_000, interval: 50 },
    );
  });

  it('detects a row deleted from the middle, and a row un-sealed to be chained again at the end', async () => {
    await h.ctx.auditSealer.drain();
    const n = await total();
    const [middle] = await h.ctx.db.select().from(auditLog).where(eq(auditLog.chainPos, 3));
    if (!middle) throw new Error('row 3 missing');
    await h.ctx.db.delete(auditLog).where(eq(auditLog.seq, middle.seq));
    expect(await verifyAuditChain(h.ctx.db)).toMatchObject({ ok: false, brokenAt: 3, reason: /missing/ });
    // Put back exactly as it was: intact again.
    await h.ctx.db.insert(auditLog).values(middle);
    expect(await verifyAuditChain(h.ctx.db)).toEqual({ ok: true, rows: n });

    // Edit a sealed row and clear its seal, hoping the sealer re-chains it: verify sees the hole.
    await h.ctx.db
      .update(auditLog)
      .set({ summary: { forged: true }, chainPos: null, prevHash: null, hash: null })
      .where(eq(auditLog.seq, middle.seq));
    expect(await verifyAuditChain(h.ctx.db)).toMatchObject({ ok: false, brokenAt: 3 });

    // A head moved back under sealed rows makes the next seal fail: verify still reports.
    await h.ctx.db.execute(sql`update audit_head set seq = seq - 1`);
    await append('test.after_rewind');
    expect(await verifyAuditChain(h.ctx.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
