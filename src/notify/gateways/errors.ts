// Failures of an SMS gateway. A sink throws to signal a failed attempt (see ../sinks.ts); a
// GatewayError with `permanent: true` says that retrying the same message cannot succeed
// (rejected request, bad credentials, invalid number, per-number daily limit …), so the
// dispatcher may dead-letter it at once instead of spending its remaining attempts.
// Messages never contain phone numbers: they end up in outbox.last_error and the log.

export interface GatewayErrorOptions {
  /** Retrying cannot help. Absent or false: a retry may succeed. */
  permanent?: boolean;
  /** Provider error code (`AuthFailure.SignatureFailure`) or `http_<status>`, `timeout`, `network`. */
  code?: string;
  /** HTTP status of the gateway's answer, when there was one. */
  status?: number;
  /** From a Retry-After header: how long the gateway asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly gateway: string;
  readonly permanent?: boolean;
  readonly code?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(gateway: string, message: string, opts: GatewayErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.gateway = gateway;
    this.permanent = opts.permanent;
    this.code = opts.code;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** True for an error a sink threw that no retry can fix. */
export function isPermanentGatewayError(e: unknown): boolean {
  return e instanceof GatewayError && e.permanent === true;
}

/**
 * A 4xx answer means the gateway rejected this request and will reject it again — except
 * 408 (request timeout) and 429 (rate limited). 5xx and anything unexpected may pass later.
 */
export function isPermanentHttpStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const MAINLAND_MOBILE = /(?:\+?86)?1[3-9]\d{9}/g;

/**
 * Removes phone numbers from text that came back from a gateway (providers like to echo the
 * recipient), keeping the masked form, and shortens it.
 */
export function scrubPhones(text: string, msg: { to: string; toMasked: string }, max = 200): string {
  let out = text;
  if (msg.to.length >= 5) out = out.split(msg.to).join(msg.toMasked);
  out = out.replace(MAINLAND_MOBILE, (m) => `${m.slice(0, m.length - 8)}****${m.slice(-4)}`);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** Turns a fetch rejection (timeout, refused connection, DNS …) into a retryable GatewayError. */
export function transportError(gateway: string, label: string, e: unknown, timeoutMs: number): GatewayError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new GatewayError(gateway, `${label}请求超时（${timeoutMs} ms，timeout），稍后重试`, {
      code: 'timeout',
      cause: e,
    });
  }
  const detail = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new GatewayError(gateway, `${label}网络错误（network: ${detail}），稍后重试`, {
    code: 'network',
    cause: e,
  });
}
