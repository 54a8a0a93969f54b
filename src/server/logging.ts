// The log (pino) and what may never reach it. Personal data and secrets stay out by construction:
// request logs carry the path without its query string, known fields are redacted, and errors are
// serialised by `serializeError`, which keeps what says *where* something failed (SQL text with
// $1 placeholders, SQLSTATE, table, constraint, stack) and drops what says *with which values*
// (statement parameters, the database's `detail`/`where`/`hint`, quoted values in its messages).
// See docs/security.md, "Log policy".
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskNumbersInText } from '../domain/masking.ts';

/** Paths whose values never reach the log (personal data and secrets). */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.phone',
  '*.idNumber',
  '*.code',
  '*.token',
];

const CENSOR = '[已隐藏]';

/** Properties of database errors (pg, PGlite) that locate the failure without quoting data. */
const WHERE_KEYS = ['code', 'severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'];

/**
 * An error's message without the data it may quote: Drizzle's "params: …" line, values the
 * database quotes (`value "13812345678" is out of range`, `invalid input syntax …: "张三"`), and
 * any ID or phone number left in it.
 */
export function safeErrorMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const text = raw
    .replace(/\nparams: [\s\S]*$/u, '') // DrizzleQueryError: "Failed query: <sql>\nparams: <values>"
    .replace(/\b(value|key) "(?:[^"\\]|\\.)*"/giu, `$1 "${CENSOR}"`)
    .replace(/: "(?:[^"\\]|\\.)*"\s*$/u, `: "${CENSOR}"`)
    .replace(/=\((?:[^)\\]|\\.)*\)/gu, `=(${CENSOR})`); // "Key (a)=(…)" should a detail end up here
  return maskNumbersInText(text);
}

/** pino serializer for `err`: see the head of this file. Follows `cause` a few levels down. */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: safeErrorMessage(err) };
  const e = err as Error & Record<string, unknown>;
  const type = e.name || e.constructor?.name || 'Error';
  const message = safeErrorMessage(e);
  const out: Record<string, unknown> = { type, message };
  for (const k of WHERE_KEYS) if (typeof e[k] === 'string' || typeof e[k] === 'number') out[k] = e[k];
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  // The statement text has placeholders, not values; numbers are masked should one be inlined.
  if (typeof e.query === 'string') out.query = maskNumbersInText(e.query);
  if (typeof e.stack === 'string') {
    const frames = e.stack.split('\n').filter((l) => /^\s+at /u.test(l));
    out.stack = [`${type}: ${message}`, ...frames].join('\n');
  }
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: LOG_REDACT, censor: CENSOR },
      serializers: {
        err: serializeError,
        error: (v: unknown) =>
          v instanceof Error ? serializeError(v) : typeof v === 'string' ? safeErrorMessage(v) : v,
        // Path without the query string: queries may carry query codes or phone numbers.
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
      },
    },
    destination,
  );
}
