// The log (pino) and what may never reach it. Personal data and secrets stay out by construction:
// request logs carry the path without its query string, known fields are redacted, and errors are
// serialised by `serializeError`, which keeps what says *where* something failed (SQL text with
// $1 placeholders, SQLSTATE, table, constraint, stack) and drops what says *with which values*
// (statement parameters, the database's `detail`/`where`/`hint`, quoted values in its messages).
// See docs/security.md, "Log policy".
import pino, { type DestinationStream, type Logger } from 'pino';
import { CENSOR, safeErrorMessage, serializeError } from '../security/redact.ts';

export { safeErrorMessage, serializeError } from '../security/redact.ts';

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
