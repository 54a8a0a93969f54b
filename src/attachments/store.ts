// Where attachment bytes live. One small interface, two backends:
//   - fs: files under <data dir>/attachments/ab/<key> (the embedded database's default): written
//     before the row's transaction commits (a rolled-back upload leaves an unreferenced file, never a
//     row without its file), renamed into place so a reader never sees half a file;
//   - db: rows of `attachment_blobs` in the same transaction as the attachment row (PostgreSQL's
//     default: one backup, one place, several app servers). Measured in docs/attachments.md.
// Bytes are stored encrypted (AES-256-GCM, src/security/pii.ts); the key is a keyed hash of the
// plain content, so the same file is kept once and the address says nothing without the secret.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { AppConfig } from '../config/index.ts';
import type { Executor } from '../db/client.ts';
import { attachmentBlobs } from '../db/schema.ts';

export type StoreKind = 'fs' | 'db';

export interface BlobStore {
  readonly kind: StoreKind;
  /** Keeps `bytes` (already encrypted) under `key`; the same key again keeps the first. */
  put(exec: Executor, key: string, bytes: Buffer): Promise<void>;
  get(exec: Executor, key: string): Promise<Buffer | null>;
}

const SAFE_KEY = /^[A-Za-z0-9_-]{20,100}$/;

function checkKey(key: string): void {
  // Keys are our own base64url hashes; anything else must never become a path.
  if (!SAFE_KEY.test(key)) throw new Error('invalid attachment key');
}

export function fsStore(root: string): BlobStore {
  const where = (key: string) => path.join(root, key.slice(0, 2), key);
  return {
    kind: 'fs',
    async put(_exec, key, bytes) {
      checkKey(key);
      const file = where(key);
      try {
        await fs.access(file);
        return;
      } catch {
        // not there yet
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const fh = await fs.open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, file);
    },
    async get(_exec, key) {
      checkKey(key);
      try {
        return await fs.readFile(where(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

export const dbStore: BlobStore = {
  kind: 'db',
  async put(exec, key, bytes) {
    checkKey(key);
    await exec.insert(attachmentBlobs).values({ key, content: bytes }).onConflictDoNothing();
  },
  async get(exec, key) {
    checkKey(key);
    const [row] = await exec
      .select({ content: attachmentBlobs.content })
      .from(attachmentBlobs)
      .where(eq(attachmentBlobs.key, key));
    return row ? Buffer.from(row.content) : null;
  },
};

/** The store new attachments go to (XINFANG_ATTACHMENT_STORE; auto: fs when there is a data dir). */
export function chosenStore(
  config: Pick<AppConfig, 'attachmentStore' | 'dataDir' | 'databaseUrl'>,
): BlobStore {
  const inMemory = config.dataDir.startsWith('memory://');
  const choice =
    config.attachmentStore === 'auto'
      ? config.databaseUrl || inMemory
        ? 'db'
        : 'fs'
      : config.attachmentStore;
  if (choice === 'fs' && inMemory) return dbStore; // nowhere to write files: kept in the database
  return choice === 'fs' ? fsStore(path.join(config.dataDir, 'attachments')) : dbStore;
}

/** The store an existing attachment was written to (rows keep theirs when the choice changes). */
export function storeOf(kind: string, config: Pick<AppConfig, 'dataDir'>): BlobStore {
  return kind === 'fs' ? fsStore(path.join(config.dataDir, 'attachments')) : dbStore;
}
