// Signing of exchange messages: Ed25519 (node:crypto), one key pair per platform. The signed text
// is `<unix seconds>.<raw body>`, as the webhooks' (src/domain/webhooks/events.ts), so a captured
// body cannot be sent again with a new time; the receiver refuses a time outside the window and a
// message id it has already received. A platform's key is derived from its secret (HKDF) unless
// one is configured, so every installation has a stable key without a setup step.
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** The headers of a delivered message. */
export const EXCHANGE_HEADERS = {
  platform: 'x-xinfang-platform',
  timestamp: 'x-xinfang-timestamp',
  signature: 'x-xinfang-signature',
} as const;

/** How far a message's timestamp may be from the receiver's clock. */
export const EXCHANGE_WINDOW_SECONDS = 300;

export const signedText = (timestamp: number, body: string) => `${timestamp}.${body}`;

// DER prefixes of an Ed25519 PKCS#8 private key and an SPKI public key around the 32 raw bytes.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The private key of a 32-byte seed. */
export function privateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('Ed25519 seed must be 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** A private key from PEM (PKCS#8). */
export function privateKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}

/** The public key as configured for a peer: base64 of the 32 raw bytes (or an SPKI PEM). */
export function publicKeyFrom(text: string): KeyObject {
  const t = text.trim();
  if (t.startsWith('-----BEGIN')) {
    const key = createPublicKey(t);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return key;
  }
  const raw = Buffer.from(t, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (base64)');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The base64 of the 32 raw bytes of a public key (what a peer configures). */
export function publicKeyText(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length).toString('base64');
}

export function signMessage(key: KeyObject, timestamp: number, body: string): string {
  return `ed25519=${sign(null, Buffer.from(signedText(timestamp, body)), key).toString('base64')}`;
}

export function verifyMessage(key: KeyObject, timestamp: number, body: string, signature: string): boolean {
  const m = /^ed25519=([A-Za-z0-9+/]{86}==)$/.exec(signature.trim());
  if (!m?.[1]) return false;
  try {
    return verify(null, Buffer.from(signedText(timestamp, body)), key, Buffer.from(m[1], 'base64'));
  } catch {
    return false;
  }
}

export type Refusal = { status: number; code: string; message: string };

/** Why a delivery is refused before its body is read (null: its time and signature are good). */
export function checkDelivery(
  key: KeyObject | undefined,
  headers: { timestamp?: string; signature?: string },
  body: string,
  nowSeconds: number,
): Refusal | null {
  if (!key) return { status: 401, code: 'exchange_unknown_peer', message: '未配置的交换平台，消息已拒收' };
  const ts = Number(headers.timestamp);
  if (!headers.timestamp || !Number.isInteger(ts))
    return {
      status: 401,
      code: 'exchange_timestamp_missing',
      message: '缺少消息时间戳（X-Xinfang-Timestamp）',
    };
  if (Math.abs(nowSeconds - ts) > EXCHANGE_WINDOW_SECONDS)
    return {
      status: 401,
      code: 'exchange_stale',
      message: `消息时间与本平台时钟相差超过${EXCHANGE_WINDOW_SECONDS}秒，视为重放，已拒收`,
    };
  if (!headers.signature || !verifyMessage(key, ts, body, headers.signature))
    return {
      status: 401,
      code: 'exchange_bad_signature',
      message: '消息签名无效（内容被篡改或密钥不符），已拒收',
    };
  return null;
}
