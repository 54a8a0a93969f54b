// What may be said about an error without the data it carried: the rules of the log policy
// (docs/security.md, "Log policy"), used by the logger's serializer (src/server/logging.ts), the
// scheduler's and the CLI's error lines, and the SMS dispatcher's failure notes.
import { maskNumbersInText } from '../domain/masking.ts';

export const CENSOR = '[已隐藏]';

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
