import { count, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/chain.ts';
import { auditLog } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('audit log', () => {
  it('records each mutation with who, what and a summary, without personal data', async () => {
    await h.login('gl_admin');
    await h.login('13900000001');
    const rows = await h.ctx.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(2);
    expect(rows.map((r) => r.action)).toEqual(['auth.login', 'auth.login']);
    expect(rows[1]?.actorRole).toBe('admin');
    expect(rows[0]?.actorRole).toBe('citizen');
    const all = JSON.stringify(await h.ctx.db.select().from(auditLog));
    expect(all).not.toContain('13900000001');
  });

  it('verifies an intact chain, and detects an edited row and a deleted last row', async () => {
    await h.login('nj_registrar');
    const intact = await verifyAuditChain(h.ctx.db);
    const [{ n } = { n: 0 }] = await h.ctx.db.select({ n: count() }).from(auditLog);
    expect(intact).toEqual({ ok: true, rows: n });

    // Someone edits the summary of row 2 in the database.
    await h.ctx.db.execute(sql`update audit_log set summary = '{"method":"forged"}' where seq = 2`);
    const edited = await verifyAuditChain(h.ctx.db);
    expect(edited.ok).toBe(false);
    expect(edited.brokenAt).toBe(2);

    // Re-hashing the edited row is not enough: the next row's prev_hash no longer matches.
    const [row2] = await h.ctx.db.select().from(auditLog).where(eq(auditLog.seq, 2));
    const { rowHash } = await import('../../src/audit/chain.ts');
    if (!row2) throw new Error('row 2 missing');
    await h.ctx.db
      .update(auditLog)
      .set({ hash: rowHash(row2) })
      .where(eq(auditLog.seq, 2));
    const rehashed = await verifyAuditChain(h.ctx.db);
    expect(rehashed).toMatchObject({ ok: false, brokenAt: 3 });
  });

  describe('on a platform of its own', () => {
    // Booted in a hook: a platform's boot is set-up, not part of the test's time.
    let h2: Harness;
    beforeAll(async () => {
      h2 = await startHarness();
    });
    afterAll(async () => {
      await h2?.close();
    });

    it('detects removal of the newest rows', async () => {
      await h2.login('gl_admin');
      expect((await verifyAuditChain(h2.ctx.db)).ok).toBe(true);
      const [last] = await h2.ctx.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      await h2.ctx.db.delete(auditLog).where(eq(auditLog.seq, last?.seq ?? 0));
      const r = await verifyAuditChain(h2.ctx.db);
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(/removed/);
    });
  });
});
