// The backup manifest (src/backup/manifest.ts) reads each row once: a partitioned history table is
// counted through its parent only, not again in each monthly partition, and its count is what the
// table holds. A manifest written before (listing the partitions as well) still compares clean.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareSummaries,
  type DatabaseSummary,
  inSnapshot,
  type Queryable,
  summarizeDatabase,
} from '../../src/backup/manifest.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let summary: DatabaseSummary;

async function summarize(): Promise<DatabaseSummary> {
  const database = h.ctx.database;
  if (database.pglite) {
    const q = database.pglite as unknown as Queryable;
    return inSnapshot(q, () => summarizeDatabase(q));
  }
  const client = await (database.pool as NonNullable<typeof database.pool>).connect();
  try {
    return await inSnapshot(client, () => summarizeDatabase(client));
  } finally {
    client.release();
  }
}

const count = async (table: string) =>
  (
    (await h.ctx.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]?.n;

beforeAll(async () => {
  h = await startHarness();
  await h.login('gl_registrar'); // an audit row or two
  summary = await summarize();
});
afterAll(async () => {
  await h?.close();
});

describe('backup manifest', () => {
  it('lists each partitioned table once, with the rows it holds, and none of its partitions', async () => {
    const names = Object.keys(summary.tables);
    for (const t of ['audit_log', 'case_events']) {
      expect(names).toContain(t);
      expect(names.filter((n) => n.startsWith(`${t}_`))).toEqual([]);
      expect(summary.tables[t]?.rows).toBe(await count(t));
    }
    expect(summary.tables.audit_log?.rows).toBeGreaterThan(0);
    expect(summary.audit.rows).toBe(await count('audit_log'));
  });

  it('a manifest that also listed the partitions compares clean with a restored database', () => {
    const older: DatabaseSummary = {
      ...summary,
      tables: {
        ...summary.tables,
        audit_log_default: { rows: 0, checksum: '0' },
        audit_log_p2026_01: { rows: 3, checksum: '12345' },
        case_events_p2026_01: { rows: 2, checksum: '678' },
      },
    };
    expect(compareSummaries(older, summary)).toEqual([]);
    // A real table missing is still reported.
    const { cases: _gone, ...rest } = summary.tables;
    expect(compareSummaries(summary, { ...summary, tables: rest })).toEqual([
      expect.stringMatching(/缺少表 cases/),
    ]);
  });
});
