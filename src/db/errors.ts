// Which database failures are the database's condition rather than the request's fault: a lost or
// refused connection (the server restarting, a terminated backend, a failover) and a full disk.
// src/server/errors.ts answers them 503 / 507 instead of 500, so clients know to retry later.

/** SQLSTATEs of a connection that is gone or refused (class 08 but 08P01, operator intervention 57P0x). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P04', '57P05', '53300']);
const PROTOCOL_VIOLATION = '08P01';
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** pg's own messages for a connection it has lost or could not open. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];
/** 53100 disk_full; PGlite reports the file system's ENOSPC in the message of an ordinary error. */
const DISK_FULL_SQLSTATES = new Set(['53100']);
const DISK_FULL_MESSAGES = ['No space left on device', 'ENOSPC', 'could not extend file'];

export type DatabaseFailure = 'unavailable' | 'disk_full';

/** The error and its causes (drizzle wraps the driver's error in `cause`). */
function* chain(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    yield e;
    e = e.cause as typeof e;
  }
}

export function databaseFailure(err: unknown): DatabaseFailure | null {
  for (const e of chain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    // drizzle's wrapper quotes the statement and its parameters: never matched on (user text).
    const message = typeof e.message === 'string' && !e.message.startsWith('Failed query:') ? e.message : '';
    if (DISK_FULL_SQLSTATES.has(code) || code === 'ENOSPC') return 'disk_full';
    if (DISK_FULL_MESSAGES.some((m) => message.includes(m))) return 'disk_full';
    // 08P01 protocol_violation is the program's fault (e.g. more than 65,535 bound parameters), not
    // the connection's: a 500 to fix, not a 503 to retry.
    const lost = code.startsWith('08') && code !== PROTOCOL_VIOLATION;
    if (UNAVAILABLE_SQLSTATES.has(code) || lost || UNAVAILABLE_ERRNOS.has(code)) {
      return 'unavailable';
    }
    if (UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m))) return 'unavailable';
  }
  return null;
}

/** The driver's message of a failed statement, without drizzle's copy of its text and parameters. */
export function shortDbError(err: unknown): string {
  for (const e of chain(err)) {
    if (typeof e.message === 'string' && !e.message.startsWith('Failed query:'))
      return e.message.slice(0, 300);
  }
  return 'unknown database error';
}

/**
 * A write the embedded engine cannot survive: PGlite reports a failed WAL write (a new WAL segment
 * on a full disk) as an ordinary error, but its state is broken afterwards — later statements fail
 * oddly and, once space returns, the next one spins forever with the event loop blocked. Only the
 * extension of a table or index file is known to fail cleanly (the statement errors, the rest
 * works); any other full-disk error is treated as fatal.
 */
export function breaksEmbeddedEngine(err: unknown): boolean {
  if (databaseFailure(err) !== 'disk_full') return false;
  for (const e of chain(err)) {
    if (typeof e.message === 'string' && e.message.startsWith('could not extend file')) return false;
  }
  return true;
}
