// Partitioned history (migration 0041, src/partitions/): audit_log and case_events by month of
// `at`, the partitions kept ahead, rows far outside them accepted, the audit chain verified across
// partitions and across an archive, the archive file read back, and the retention refusal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAllAudit, verifyAuditChain } from '../../src/audit/chain.ts';
import { auditLog, caseEvents } from '../../src/db/schema.ts';
import { addMonths, monthOf, monthStart, partitionName } from '../../src/domain/partitions/months.ts';
import { ArchiveRefused, archiveHistory, restoreArchive } from '../../src/partitions/archive.ts';
import { brokenArchivedAuditRow, readArchiveFile } from '../../src/partitions/archiveFile.ts';
import { listPartitions, maintainPartitions } from '../../src/partitions/maintain.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let outDir: string;
beforeAll(async () => {
  h = await startHarness();
  // Synthetic cases with up to two years of timeline, written after start: their past months wait in
  // DEFAULT until the maintenance below.
  await seedCases(h.ctx.db, h.ctx.pii, { count: 60, seed: 5 });
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-archive-'));
});
afterAll(async () => {
  await h?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const q = async <T>(query: ReturnType<typeof sql>) =>
  ((await h.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
const whereIs = async (table: 'audit_log' | 'case_events', key: string, id: number) =>
  (
    await q<{ p: string }>(
      sql`select tableoid::regclass::text as p from ${sql.identifier(table)} where ${sql.identifier(key)} = ${id}`,
    )
  )[0]?.p;
const exists = async (name: string) =>
  (await q<{ r: string | null }>(sql`select to_regclass(${name})::text as r`))[0]?.r !== null;
const RETENTION = { audit: 10, history: 10 };

async function oldAudit(at: string, action: string): Promise<number> {
  const [r] = await h.ctx.db
    .insert(auditLog)
    .values({ at: new Date(at), action, entity: 'test', summary: { at } })
    .returning({ seq: auditLog.seq });
  return r?.seq as number;
}

async function someCaseId(): Promise<number> {
  return (await q<{ id: number }>(sql`select id::int as id from cases order by id limit 1`))[0]?.id as number;
}

async function oldEvent(at: string): Promise<number> {
  const [r] = await h.ctx.db
    .insert(caseEvents)
    .values({ caseId: await someCaseId(), at: new Date(at), action: 'note', detail: { at } })
    .returning({ id: caseEvents.id });
  return r?.id as number;
}

describe('partitioned history', () => {
  it('keeps every stored row in the partition of its month (Beijing time), none in DEFAULT', async () => {
    const seeded = await q<{ n: number }>(sql`select count(*)::int as n from case_events_default`);
    expect(seeded[0]?.n).toBeGreaterThan(0);
    expect((await maintainPartitions(h.ctx.db)).moved).toBeGreaterThanOrEqual(seeded[0]?.n ?? 0);
    for (const table of ['audit_log', 'case_events'] as const) {
      const wrong = await q<{ p: string; m: string }>(
        sql`select tableoid::regclass::text as p, to_char((at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as m
            from ${sql.identifier(table)}`,
      );
      expect(wrong.length).toBeGreaterThan(0);
      expect(wrong.filter((r) => r.p !== partitionName(table, r.m))).toEqual([]);
    }
    // The seeded timeline fills many months.
    const months = await q<{ n: number }>(sql`select count(distinct tableoid)::int as n from case_events`);
    expect(months[0]?.n).toBeGreaterThan(12);
    // A row written at 16:30 UTC on the last day of this month is in the next month in Beijing.
    const next = addMonths(monthOf(new Date()), 1);
    const at = new Date(monthStart(next).getTime() + 30 * 60_000);
    expect(at.toISOString().slice(0, 7)).not.toBe(next);
    const id = await oldEvent(at.toISOString());
    expect(await whereIs('case_events', 'id', id)).toBe(partitionName('case_events', next));
  });

  it('accepts rows far in the past or future (DEFAULT), and the maintenance gives them their month', async () => {
    const seq = await oldAudit('1999-03-10T02:00:00Z', 'test.far_past');
    const id = await oldEvent('2099-07-01T00:00:00Z');
    expect(await whereIs('audit_log', 'seq', seq)).toBe('audit_log_default');
    expect(await whereIs('case_events', 'id', id)).toBe('case_events_default');

    const r = await maintainPartitions(h.ctx.db);
    expect(r.created).toEqual(expect.arrayContaining(['audit_log_p1999_03', 'case_events_p2099_07']));
    expect(r.moved).toBe(2);
    // Same keys, now in their own partitions; DEFAULT is empty again.
    expect(await whereIs('audit_log', 'seq', seq)).toBe('audit_log_p1999_03');
    expect(await whereIs('case_events', 'id', id)).toBe('case_events_p2099_07');
    expect(await q(sql`select 1 from audit_log_default union all select 1 from case_events_default`)).toEqual(
      [],
    );
    // A second run has nothing to do.
    expect(await maintainPartitions(h.ctx.db)).toEqual({ created: [], moved: 0 });
  });

  it('creates the current month and the next three ahead of time', async () => {
    const r = await maintainPartitions(h.ctx.db, new Date('2031-05-20T12:00:00+08:00'));
    for (const m of ['2031-05', '2031-06', '2031-07', '2031-08']) {
      expect(r.created).toContain(partitionName('audit_log', m));
      expect(r.created).toContain(partitionName('case_events', m));
    }
    const id = await oldEvent('2031-08-31T23:59:59+08:00');
    expect(await whereIs('case_events', 'id', id)).toBe('case_events_p2031_08');
  });

  it('verifies the audit chain across partitions', async () => {
    await sealAllAudit(h.ctx.db);
    const parts = await q<{ n: number }>(sql`select count(distinct tableoid)::int as n from audit_log`);
    expect(parts[0]?.n).toBeGreaterThan(1);
    const r = await verifyAuditChain(h.ctx.db);
    expect(r.ok).toBe(true);
  });

  it('refuses to archive audit rows younger than the retention period, changing nothing', async () => {
    const before = await listPartitions(h.ctx.db, 'audit_log');
    const thisMonth = monthOf(new Date());
    await expect(
      archiveHistory(h.ctx.db, { before: thisMonth, outDir, retentionYears: RETENTION }),
    ).rejects.toThrow(ArchiveRefused);
    // The latest month allowed is this month (Beijing) 20 years back: 2006-12 in December 2026,
    // 2007-01 from 1 January 2027.
    const floor = addMonths(thisMonth, -240);
    await expect(
      archiveHistory(h.ctx.db, { before: '2010-03', outDir, retentionYears: { audit: 20, history: 10 } }),
    ).rejects.toThrow(`审计日志须在库内保留 20 年，--before 最晚为 ${floor}`);
    expect(await listPartitions(h.ctx.db, 'audit_log')).toEqual(before);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('archives old months to checked files, and the chain still verifies across the archived gap', async () => {
    // 2010-01 and 2010-02 hold rows chained between younger ones (they are sealed after them).
    for (const at of ['2010-01-05T01:00:00Z', '2010-01-20T01:00:00Z', '2010-02-03T01:00:00Z'])
      await oldAudit(at, 'test.old');
    const keep = await oldAudit('2010-03-01T00:00:00+08:00', 'test.kept');
    const eventId = await oldEvent('2010-02-14T09:00:00+08:00');
    await maintainPartitions(h.ctx.db);
    await sealAllAudit(h.ctx.db);
    const chainBefore = await verifyAuditChain(h.ctx.db);
    expect(chainBefore.ok).toBe(true);
    const jan = await q<{ j: string }>(
      sql`select to_jsonb(p)::text as j from audit_log_p2010_01 p order by seq`,
    );

    const dry = await archiveHistory(h.ctx.db, {
      before: '2010-03',
      outDir,
      dryRun: true,
      retentionYears: RETENTION,
    });
    expect(dry.map((p) => `${p.partition}:${p.rows}`)).toEqual([
      'audit_log_p1999_03:1',
      'audit_log_p2010_01:2',
      'audit_log_p2010_02:1',
      'case_events_p2010_02:1',
    ]);
    expect(fs.readdirSync(outDir)).toEqual([]);

    const done = await archiveHistory(h.ctx.db, { before: '2010-03', outDir, retentionYears: RETENTION });
    expect(done.map((p) => p.partition)).toEqual(dry.map((p) => p.partition));
    for (const p of done) {
      expect(await exists(p.partition)).toBe(false);
      expect(fs.readFileSync(`${p.file}.sha256`, 'utf8')).toBe(
        `${p.sha256}  ${path.basename(p.file as string)}\n`,
      );
    }
    expect(await q(sql`select 1 from case_events where id = ${eventId}`)).toEqual([]);
    expect(await whereIs('audit_log', 'seq', keep)).toBe('audit_log_p2010_03');

    // The file holds exactly the rows the partition held.
    const file = readArchiveFile(path.join(outDir, 'audit_log_p2010_01.ndjson.gz'));
    expect(file.header).toMatchObject({ table: 'audit_log', month: '2010-01', rows: 2 });
    expect(file.lines).toEqual(jan.map((r) => r.j));
    expect(brokenArchivedAuditRow(file.lines)).toBeNull();

    // The walk crosses the archived positions on their recorded runs (plus the archive's own audit rows).
    const after = await verifyAuditChain(h.ctx.db);
    expect(after).toMatchObject({ ok: true, archived: 4 });
    expect(after.rows).toBeGreaterThan(chainBefore.rows);
  });

  it('still reports a row deleted outside an archive, and a forged archive run', async () => {
    const [kept] = await q<{ pos: number }>(
      sql`select chain_pos::int as pos from audit_log where action = 'test.kept'`,
    );
    await h.ctx.db.execute(sql`alter table audit_log_p2010_03 rename to audit_log_hidden`);
    await h.ctx.db.execute(sql`alter table audit_log detach partition audit_log_hidden`);
    expect(await verifyAuditChain(h.ctx.db)).toMatchObject({
      ok: false,
      brokenAt: kept?.pos,
      reason: /missing/,
    });
    await h.ctx.db.execute(sql`alter table audit_log attach partition audit_log_hidden
      for values from ('2010-03-01T00:00:00+08:00') to ('2010-04-01T00:00:00+08:00')`);
    await h.ctx.db.execute(sql`alter table audit_log_hidden rename to audit_log_p2010_03`);
    expect((await verifyAuditChain(h.ctx.db)).ok).toBe(true);

    await h.ctx.db.execute(
      sql`update audit_archive_runs set hash = 'forged' where from_pos = (select min(from_pos) from audit_archive_runs)`,
    );
    expect((await verifyAuditChain(h.ctx.db)).ok).toBe(false);
  });

  it('refuses a corrupted archive file, and restores an intact one into its month', async () => {
    const file = path.join(outDir, 'audit_log_p2010_01.ndjson.gz');
    const copy = path.join(outDir, 'corrupt.ndjson.gz');
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString().replace('test.old', 'test.odd');
    fs.writeFileSync(copy, zlib.gzipSync(text));
    fs.copyFileSync(`${file}.sha256`, `${copy}.sha256`);
    expect(() => readArchiveFile(copy)).toThrow(/checksum/);

    // Every archived file goes back: the forged run goes with its archive, the chain is whole again.
    for (const name of fs.readdirSync(outDir).filter((n) => n.endsWith('.gz') && n !== 'corrupt.ndjson.gz'))
      await restoreArchive(h.ctx.db, path.join(outDir, name));
    const r = await verifyAuditChain(h.ctx.db);
    expect(r).toEqual({ ok: true, rows: r.rows });
    expect(await q(sql`select 1 from audit_archive_runs`)).toEqual([]);
    const [ev] = await q<{ p: string }>(
      sql`select tableoid::regclass::text as p from case_events where action = 'note' and at = '2010-02-14T09:00:00+08:00'`,
    );
    expect(ev?.p).toBe('case_events_p2010_02');
  });
});
