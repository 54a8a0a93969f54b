// The archive file of one partition: gzip'd NDJSON, a header line then one row per line as the
// database renders it (`to_jsonb(row)`, so timestamps keep their offset and jsonb stays JSON), in
// key order; its SHA-256 beside it in `<file>.sha256` (the `sha256sum -c` format) and in
// `history_archives`. Reading checks the checksum before anything else.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { rowHash } from '../audit/chain.ts';

export const ARCHIVE_FORMAT = 'xinfang-archive';

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: 1;
  table: string;
  partition: string;
  month: string;
  /** The partition's range, [from, to). */
  from: string;
  to: string;
  rows: number;
  createdAt: string;
}

export function archiveFileName(partition: string): string {
  return `${partition}.ndjson.gz`;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes header and rows (already JSON text, one per line), fsyncs, and writes the checksum file.
 * The whole file is built in memory: one month of one table of one installation.
 */
export function writeArchiveFile(
  dir: string,
  header: ArchiveHeader,
  lines: readonly string[],
): { file: string; sha256: string } {
  fs.mkdirSync(dir, { recursive: true });
  const name = archiveFileName(header.partition);
  const file = path.join(dir, name);
  const body = `${[JSON.stringify(header), ...lines].join('\n')}\n`;
  const gz = zlib.gzipSync(Buffer.from(body, 'utf8'), { level: 6 });
  const sha256 = sha256Hex(gz);
  // Written under a temporary name and renamed: a crash leaves no half file under the real name.
  const tmp = `${file}.partial`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, gz);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fs.writeFileSync(`${file}.sha256`, `${sha256}  ${name}\n`);
  return { file, sha256 };
}

export class ArchiveFileError extends Error {}

export interface ArchiveContent {
  header: ArchiveHeader;
  /** Each row's JSON text as written (what a restore inserts). */
  lines: string[];
  sha256: string;
}

/**
 * Reads an archive file and checks it against `expectedSha256` (or, if not given, the `.sha256`
 * file beside it) and its header's row count.
 */
export function readArchiveFile(file: string, expectedSha256?: string): ArchiveContent {
  const gz = fs.readFileSync(file);
  const sha256 = sha256Hex(gz);
  const expected = expectedSha256 ?? fs.readFileSync(`${file}.sha256`, 'utf8').split(/\s+/)[0];
  if (sha256 !== expected) {
    throw new ArchiveFileError(`归档文件校验和不符 / archive checksum mismatch: ${path.basename(file)}`);
  }
  const text = zlib.gunzipSync(gz).toString('utf8');
  const [first, ...rest] = text.split('\n').filter((l) => l.length > 0);
  const header = JSON.parse(first ?? '{}') as ArchiveHeader;
  if (header.format !== ARCHIVE_FORMAT || header.version !== 1) {
    throw new ArchiveFileError(`不是归档文件 / not an xinfang archive: ${path.basename(file)}`);
  }
  if (rest.length !== header.rows) {
    throw new ArchiveFileError(
      `归档行数不符 / archive holds ${rest.length} rows, header says ${header.rows}`,
    );
  }
  return { header, lines: rest, sha256 };
}

interface AuditJsonRow {
  seq: number;
  chain_pos: number | null;
  at: string;
  actor_user_id: number | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: unknown;
  prev_hash: string | null;
  hash: string | null;
}

/**
 * The audit rows of an archive file checked on their own: every row's hash recomputed, and each
 * row whose predecessor is in the same file carries that predecessor's hash. Returns the first
 * broken chain position, or null.
 */
export function brokenArchivedAuditRow(lines: readonly string[]): number | null {
  const rows = lines
    .map((l) => JSON.parse(l) as AuditJsonRow)
    .sort((a, b) => (a.chain_pos ?? 0) - (b.chain_pos ?? 0));
  let prev: AuditJsonRow | undefined;
  for (const r of rows) {
    if (r.chain_pos === null || r.hash === null) return r.seq;
    const hash = rowHash({
      seq: r.seq,
      at: new Date(r.at),
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      summary: r.summary,
      prevHash: r.prev_hash,
    });
    if (hash !== r.hash) return r.chain_pos;
    if (prev && prev.chain_pos === r.chain_pos - 1 && prev.hash !== r.prev_hash) return r.chain_pos;
    prev = r;
  }
  return null;
}
