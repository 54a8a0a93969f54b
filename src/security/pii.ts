// Encryption of personal data at rest (AES-256-GCM) and keyed hashes (HMAC-SHA-256) for exact lookup.
// Both keys are derived from one secret (XINFANG_SECRET, or a generated file in the embedded data dir).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Pii {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash: same input → same value, useless without the secret. */
  hash(plain: string): string;
  /** Files (rendered documents) at rest: 'XFE1', IV, tag, ciphertext. */
  encryptBytes(plain: Buffer): Buffer;
  decryptBytes(stored: Buffer): Buffer;
}

/** Starts every encrypted file; a .docx (zip) starts with 'PK'. */
export const ENCRYPTED_BYTES_MAGIC = Buffer.from('XFE1');
export const isEncryptedBytes = (b: Buffer) => b.subarray(0, 4).equals(ENCRYPTED_BYTES_MAGIC);

const VERSION = 'v1';

export function createPii(secret: string): Pii {
  if (secret.length < 16) throw new Error('XINFANG_SECRET 至少需要16个字符 / must be at least 16 characters');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'xinfang', info, 32));
  const encKey = derive('pii-encryption');
  const macKey = derive('pii-lookup-hash');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(
        ':',
      );
    },
    decrypt(stored) {
      const [version, iv, tag, ct] = stored.split(':');
      if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('unrecognised ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(plain, 'utf8').digest('base64url');
    },
    encryptBytes(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([ENCRYPTED_BYTES_MAGIC, iv, cipher.getAuthTag(), ct]);
    },
    decryptBytes(stored) {
      if (!isEncryptedBytes(stored) || stored.length < 32) throw new Error('unrecognised encrypted bytes');
      const decipher = createDecipheriv('aes-256-gcm', encKey, stored.subarray(4, 16));
      decipher.setAuthTag(stored.subarray(16, 32));
      return Buffer.concat([decipher.update(stored.subarray(32)), decipher.final()]);
    },
  };
}

/** The secret and where it came from (for messages), and the key file if this call created it. */
export interface ResolvedSecret {
  secret: string;
  source: string;
  generatedFile?: string;
}

/**
 * The secret: XINFANG_SECRET if set; on the embedded database a key generated once into the data
 * dir (losing that file makes stored personal data unreadable — it is part of every backup, and
 * the platform refuses to start with another key: src/security/keyCheck.ts).
 */
export function resolveSecret(opts: { secret?: string; dataDir: string; embedded: boolean }): ResolvedSecret {
  if (opts.secret) return { secret: opts.secret, source: 'XINFANG_SECRET' };
  if (!opts.embedded || opts.dataDir.startsWith('memory://')) {
    if (!opts.embedded) {
      throw new Error(
        '使用 PostgreSQL 时必须设置 XINFANG_SECRET（用于加密个人信息）。 ' +
          'Set XINFANG_SECRET (≥16 characters) when using DATABASE_URL; it encrypts personal data.',
      );
    }
    return { secret: randomBytes(32).toString('base64url'), source: 'memory' };
  }
  const file = path.join(opts.dataDir, SECRET_KEY_FILE);
  let generatedFile: string | undefined;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    generatedFile = file;
  }
  return { secret: fs.readFileSync(file, 'utf8').trim(), source: file, generatedFile };
}

/** The key file in an embedded data dir. */
export const SECRET_KEY_FILE = 'secret.key';
