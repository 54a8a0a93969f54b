// The platform refuses to start with a key that does not open the stored personal data (a restored
// data dir without its secret.key, a mistyped XINFANG_SECRET, a second API node with another key):
// starting anyway would answer 500 on every case detail, lock citizens out, and write new rows
// that the right key cannot read. The first start records a fingerprint of the key (an HMAC of a
// constant: it reveals nothing about the key) in `meta`; every later start compares.
import { eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseParties, meta, users } from '../db/schema.ts';
import type { Pii } from './pii.ts';

export const KEY_FINGERPRINT_META = 'key_fingerprint';

/** sysexits EX_CONFIG: a supervisor should not restart in a loop (docs/operations.md). */
export const EXIT_CONFIG = 78;

export function keyFingerprint(pii: Pii): string {
  return pii.hash('xinfang/key-fingerprint/v1');
}

export class KeyMismatchError extends Error {
  readonly exitCode = EXIT_CONFIG;
  constructor(keySource: string, keyFileMissing = false) {
    super(
      (keyFileMissing
        ? `密钥文件 ${keySource} 不存在，而数据库中已有加密的个人信息：请放回原来的 secret.key（备份包内有一份）。\n` +
          `The key file ${keySource} is missing but the database holds encrypted personal data: put the original secret.key back (every backup holds one).\n`
        : '') +
        `数据库中的个人信息无法用当前密钥（${keySource}）解密，平台拒绝启动，以免写入无法读取的数据。` +
        '请使用该数据对应的密钥：恢复备份时用 `xinfang restore`（备份包内含 secret.key），' +
        'PostgreSQL 请设置与备份时相同的 XINFANG_SECRET。\n' +
        `Stored personal data does not decrypt with the present key (${keySource}); refusing to start. ` +
        'Use the key this data was written with: restore backups with `xinfang restore` (the archive ' +
        'holds secret.key), or set the XINFANG_SECRET used before (PostgreSQL). See docs/operations.md.',
    );
  }
}

/** One stored ciphertext per table that holds personal data, if any (installations from before fingerprints). */
async function sampleCiphertexts(db: Executor): Promise<string[]> {
  const [user] = await db.select({ v: users.phoneEnc }).from(users).where(isNotNull(users.phoneEnc)).limit(1);
  const [party] = await db.select({ v: caseParties.nameEnc }).from(caseParties).limit(1);
  return [user?.v, party?.v].filter((v): v is string => typeof v === 'string');
}

function decrypts(pii: Pii, stored: string): boolean {
  try {
    pii.decrypt(stored);
    return true;
  } catch {
    return false;
  }
}

async function recordedFingerprint(db: Executor): Promise<string | undefined> {
  const [row] = await db.select().from(meta).where(eq(meta.key, KEY_FINGERPRINT_META));
  return (row?.value as { fingerprint?: string } | undefined)?.fingerprint;
}

/**
 * Whether the key opens the stored personal data: by the recorded fingerprint, or — before one is
 * recorded — by decrypting a sample. Reads only.
 */
export async function keyOpensData(db: Executor, pii: Pii): Promise<boolean> {
  const stored = await recordedFingerprint(db);
  if (stored !== undefined) return stored === keyFingerprint(pii);
  return (await sampleCiphertexts(db)).every((c) => decrypts(pii, c));
}

/**
 * Compares the key with the stored fingerprint, recording it on the first start (after checking
 * that any personal data already stored decrypts). Throws KeyMismatchError.
 */
export async function checkStoredKey(db: Executor, pii: Pii, keySource: string): Promise<void> {
  if (!(await keyOpensData(db, pii))) throw new KeyMismatchError(keySource);
  if ((await recordedFingerprint(db)) !== undefined) return;
  // Two nodes starting together: the first row wins and the other compares against it.
  await db
    .insert(meta)
    .values({
      key: KEY_FINGERPRINT_META,
      value: { fingerprint: keyFingerprint(pii), at: new Date().toISOString() },
    })
    .onConflictDoNothing();
  if ((await recordedFingerprint(db)) !== keyFingerprint(pii)) throw new KeyMismatchError(keySource);
}
