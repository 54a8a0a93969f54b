// What a backup holds, written into its manifest and checked again after a restore: every table's
// row count and an order-independent checksum of its rows, the head of the audit chain, and the
// fingerprint of the key that opens the personal data.
import { defaultPartitionName, PARTITIONED_TABLES, partitionMonth } from '../domain/partitions/months.ts';
import { VERSION } from '../version.ts';
import type { TarEntryInfo } from './tar.ts';

export const MANIFEST = 'manifest.json';
export const KEY_ENTRY = 'secret.key';
/** The embedded database: PGlite's own dump of its data dir (tar.gz). */
export const PGDATA_ENTRY = 'pgdata.tar.gz';
/** PostgreSQL: pg_dump's custom format. */
export const PGDUMP_ENTRY = 'database.pgdump';

export interface TableSummary {
  rows: number;
  /** Sum of the first 60 bits of md5(row as text) over all rows, as a decimal string. */
  checksum: string;
}

export interface DatabaseSummary {
  tables: Record<string, TableSummary>;
  audit: { rows: number; unsealed: number; headPosition: number | null; headHash: string | null };
  keyFingerprint: string | null;
}

export interface Manifest extends DatabaseSummary {
  format: 'xinfang-backup';
  formatVersion: 1;
  createdAt: string;
  xinfangVersion: string;
  database: 'pglite' | 'postgres';
  files: Record<string, TarEntryInfo>;
}

/** Anything that runs one SQL text and returns rows: a pg client, PGlite. */
export interface Queryable {
  query(text: string): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs `fn` in one read-only snapshot, with the output settings pinned so a row's text is the same
 * on every server (time zone, date and float formats).
 */
export async function inSnapshot<T>(q: Queryable, fn: () => Promise<T>): Promise<T> {
  await q.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const s of [
      "SET LOCAL TIME ZONE 'UTC'",
      "SET LOCAL DateStyle = 'ISO, YMD'",
      "SET LOCAL IntervalStyle = 'postgres'",
      'SET LOCAL extra_float_digits = 1',
      "SET LOCAL bytea_output = 'hex'",
    ]) {
      await q.query(s);
    }
    const result = await fn();
    await q.query('COMMIT');
    return result;
  } catch (e) {
    await q.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Call inside `inSnapshot`. */
export async function summarizeDatabase(q: Queryable): Promise<DatabaseSummary> {
  // A partitioned table is read once, through its parent: its partitions (relispartition) are
  // left out, or their rows would be counted twice (migration 0043; a detached, archived month is
  // dropped after its archive file is written).
  const { rows: tables } = await q.query(
    `SELECT n.nspname AS s, c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1, 2`,
  );
  const summary: DatabaseSummary['tables'] = {};
  for (const { s, t } of tables as { s: string; t: string }[]) {
    const { rows } = await q.query(
      `SELECT count(*)::text AS n, coalesce(sum(('x' || substr(md5(r::text), 1, 15))::bit(60)::bigint), 0)::text AS c FROM ${ident(s)}.${ident(t)} r`,
    );
    const row = rows[0] as { n: string; c: string };
    summary[s === 'public' ? t : `${s}.${t}`] = { rows: Number(row.n), checksum: row.c };
  }
  const audit = async () => {
    if (!summary.audit_log) return { rows: 0, unsealed: 0, headPosition: null, headHash: null };
    const { rows: head } = await q.query('SELECT seq::text AS seq, hash FROM audit_head ORDER BY id LIMIT 1');
    const { rows: unsealed } = await q.query(
      'SELECT count(*)::text AS n FROM audit_log WHERE chain_pos IS NULL',
    );
    const h = head[0] as { seq: string; hash: string } | undefined;
    return {
      rows: summary.audit_log.rows,
      unsealed: Number((unsealed[0] as { n: string }).n),
      headPosition: h ? Number(h.seq) : null,
      headHash: h?.hash ?? null,
    };
  };
  let keyFingerprint: string | null = null;
  if (summary.meta) {
    const { rows } = await q.query("SELECT value FROM meta WHERE key = 'key_fingerprint'");
    keyFingerprint = (rows[0]?.value as { fingerprint?: string } | undefined)?.fingerprint ?? null;
  }
  return { tables: summary, audit: await audit(), keyFingerprint };
}

export function newManifest(
  database: Manifest['database'],
  summary: DatabaseSummary,
  files: Manifest['files'],
): Manifest {
  return {
    format: 'xinfang-backup',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    xinfangVersion: VERSION,
    database,
    ...summary,
    files,
  };
}

/** A monthly or DEFAULT partition of a partitioned history table, by its name. */
function isPartitionName(name: string): boolean {
  return PARTITIONED_TABLES.some(
    (p) => name === defaultPartitionName(p.table) || partitionMonth(p.table, name) !== null,
  );
}

/** Differences between what the manifest promised and what the restored database holds. */
export function compareSummaries(expected: DatabaseSummary, actual: DatabaseSummary): string[] {
  const problems: string[] = [];
  // Manifests written before partitions were left out list them too (their rows also in the parent).
  const listed = (t: Record<string, TableSummary>) => Object.keys(t).filter((n) => !isPartitionName(n));
  const names = new Set([...listed(expected.tables), ...listed(actual.tables)]);
  for (const name of [...names].sort()) {
    const e = expected.tables[name];
    const a = actual.tables[name];
    if (!e) problems.push(`表 ${name} 不在备份清单中 / table not in the manifest`);
    else if (!a) problems.push(`缺少表 ${name} / table missing`);
    else if (e.rows !== a.rows)
      problems.push(`表 ${name}：行数 ${a.rows}，清单为 ${e.rows} / row count differs`);
    else if (e.checksum !== a.checksum) problems.push(`表 ${name}：内容校验和不符 / checksum differs`);
  }
  const ea = expected.audit;
  const aa = actual.audit;
  if (ea.headPosition !== aa.headPosition || ea.headHash !== aa.headHash) {
    problems.push(
      `审计链头不符：${aa.headPosition}/${aa.headHash}，清单为 ${ea.headPosition}/${ea.headHash} / audit head differs`,
    );
  }
  if (expected.keyFingerprint !== actual.keyFingerprint) {
    problems.push('密钥指纹不符 / key fingerprint differs');
  }
  return problems;
}
