// Ed25519 signing of exchange messages and the receiver's checks before a body is read: the same
// seed gives the same key; a good delivery passes; a changed body, another key, an old or future
// timestamp, a missing signature and an unknown sender are each refused with their own code.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePeers } from '../../../src/domain/exchange/peers.ts';
import {
  checkDelivery,
  privateKeyFromSeed,
  publicKeyFrom,
  publicKeyText,
  signMessage,
} from '../../../src/domain/exchange/signing.ts';

const seed = Buffer.alloc(32, 7);
const key = privateKeyFromSeed(seed);
const pub = publicKeyFrom(publicKeyText(key));
const body = '{"format":"xinfang-exchange","version":1,"id":"abcdefgh"}';
const now = 1_796_430_000;

describe('exchange signing', () => {
  it('derives a stable key from a seed and publishes 32 raw bytes', () => {
    expect(publicKeyText(privateKeyFromSeed(Buffer.alloc(32, 7)))).toBe(publicKeyText(key));
    expect(Buffer.from(publicKeyText(key), 'base64')).toHaveLength(32);
    expect(publicKeyText(privateKeyFromSeed(Buffer.alloc(32, 8)))).not.toBe(publicKeyText(key));
  });

  it('accepts a good delivery and refuses each kind of bad one', () => {
    const sig = signMessage(key, now, body);
    expect(checkDelivery(pub, { timestamp: String(now), signature: sig }, body, now + 10)).toBeNull();
    const code = (k: typeof pub | undefined, ts: number, b: string, s = sig, at = now) =>
      checkDelivery(k, { timestamp: String(ts), signature: s }, b, at)?.code;
    expect(code(pub, now, body.replace('abcdefgh', 'abcdefgX'))).toBe('exchange_bad_signature');
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(code(other, now, body)).toBe('exchange_bad_signature');
    expect(code(pub, now, body, sig, now + 301)).toBe('exchange_stale');
    expect(code(pub, now, body, sig, now - 301)).toBe('exchange_stale');
    expect(code(pub, now + 1, body)).toBe('exchange_bad_signature'); // the time is signed too
    expect(code(pub, now, body, '')).toBe('exchange_bad_signature');
    expect(code(undefined, now, body)).toBe('exchange_unknown_peer');
    expect(checkDelivery(pub, { signature: sig }, body, now)?.code).toBe('exchange_timestamp_missing');
  });

  it('checks the peer list', () => {
    expect(parsePeers('[]')).toEqual({ peers: [] });
    const ok = parsePeers(
      JSON.stringify([
        { id: 'zj', name: '浙江', url: 'https://x.example/api', publicKey: publicKeyText(key) },
      ]),
    );
    expect(ok).toEqual({ peers: [expect.objectContaining({ id: 'zj', kind: 'platform' })] });
    expect(parsePeers('{')).toHaveProperty('problem');
    expect(parsePeers('[{"id":"zj","name":"a","url":"ftp://x"}]')).toHaveProperty('problem');
    expect(
      parsePeers('[{"id":"zj","name":"a","url":"http://x"},{"id":"zj","name":"b","url":"http://y"}]'),
    ).toEqual({
      problem: '对端 zj 重复',
    });
  });
});
