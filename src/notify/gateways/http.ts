// Generic HTTP SMS gateway: our own relay or a provider that accepts a signed JSON webhook.
//
//   POST <url>
//   Content-Type: application/json; charset=utf-8
//   Idempotency-Key: <idempotencyKey>            (the same on every retry of one message)
//   X-Xinfang-Timestamp: <unix seconds>
//   X-Xinfang-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//
//   {"to":"13812345678","body":"…","idempotencyKey":"otp:42","timestamp":1767225600,
//    "template":"login_code","params":{"code":"123456"}}     (template/params only when known)
//
// 2xx: sent. 4xx other than 408/429: permanent failure. 5xx, 408, 429, network error, timeout:
// retryable. Redirects are not followed (the signed POST must not be replayed elsewhere); a 3xx
// counts as retryable, like any other unexpected answer. A timeout is ambiguous — the gateway may
// have sent the text — so receivers must deduplicate on Idempotency-Key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { OutgoingSms, SmsSink } from '../sinks.ts';
import {
  GatewayError,
  isPermanentHttpStatus,
  parseRetryAfter,
  scrubPhones,
  transportError,
} from './errors.ts';

export const DEFAULT_GATEWAY_TIMEOUT_MS = 10_000;
/** Receivers reject timestamps further than this from their clock (replay window). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export interface HttpGatewayOptions {
  url: string;
  /** Shared secret for the HMAC signature. */
  secret: string;
  timeoutMs?: number;
  /** For tests: clock in milliseconds. */
  now?: () => number;
  fetch?: typeof fetch;
  log?: Logger;
}

/** The X-Xinfang-Signature value for a request: `sha256=<hex>`. */
export function signHttpGatewayRequest(secret: string, timestamp: string | number, rawBody: string | Buffer) {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `sha256=${mac}`;
}

/**
 * For receivers: checks X-Xinfang-Signature against the raw request body (the bytes as received,
 * before any JSON parsing) in constant time, and that the timestamp is within the tolerance
 * (default 5 minutes; pass `toleranceSeconds: Infinity` to skip the check).
 */
export function verifyHttpGatewaySignature(
  secret: string,
  timestamp: string | number | undefined,
  rawBody: string | Buffer,
  header: string | undefined,
  opts: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  if (timestamp === undefined || header === undefined) return false;
  const ts = String(timestamp);
  if (!/^\d{1,12}$/.test(ts)) return false;
  const tolerance = opts.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((opts.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - Number(ts)) > tolerance) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = Buffer.from(signHttpGatewayRequest(secret, ts, rawBody).slice('sha256='.length), 'hex');
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function httpGatewaySink(opts: HttpGatewayOptions): SmsSink {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;
  const doFetch = opts.fetch ?? fetch;
  const label = 'HTTP 短信网关';
  return {
    name: 'http',
    async send(msg: OutgoingSms) {
      const timestamp = Math.floor((opts.now?.() ?? Date.now()) / 1000);
      const raw = JSON.stringify({
        to: msg.to,
        body: msg.body,
        idempotencyKey: msg.idempotencyKey,
        timestamp,
        ...(msg.template === undefined ? {} : { template: msg.template }),
        ...(msg.params === undefined ? {} : { params: msg.params }),
      });
      let res: Response;
      try {
        res = await doFetch(opts.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Idempotency-Key': msg.idempotencyKey,
            'X-Xinfang-Timestamp': String(timestamp),
            'X-Xinfang-Signature': signHttpGatewayRequest(opts.secret, timestamp, raw),
          },
          body: raw,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw transportError('http', label, e, timeoutMs);
      }
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => {});
        opts.log?.debug(
          { sms: { to: msg.toMasked, key: msg.idempotencyKey, status: res.status } },
          '短信已交网关',
        );
        return;
      }
      const text = await res.text().catch(() => '');
      const permanent = isPermanentHttpStatus(res.status);
      const detail = text ? `：${scrubPhones(text, msg)}` : '';
      throw new GatewayError(
        'http',
        `${label}返回 HTTP ${res.status}（${permanent ? '不再重试 permanent' : '稍后重试 retryable'}）${detail}`,
        {
          permanent,
          code: `http_${res.status}`,
          status: res.status,
          retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
        },
      );
    },
  };
}
