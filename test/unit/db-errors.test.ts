// Which database failures answer 503 / 507 instead of 500, and which end the embedded engine.
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { breaksEmbeddedEngine, databaseFailure, shortDbError } from '../../src/db/errors.ts';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: Error, params: unknown[] = []) =>
  new DrizzleQueryError('insert into cases …', params, cause);

describe('database failures', () => {
  it('a lost or refused connection is "unavailable", through drizzle’s wrapper too', () => {
    expect(
      databaseFailure(wrapped(pgError('57P01', 'terminating connection due to administrator command'))),
    ).toBe('unavailable');
    expect(databaseFailure(pgError('57P03', 'the database system is starting up'))).toBe('unavailable');
    expect(databaseFailure(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(
      'unavailable',
    );
    expect(databaseFailure(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(
      databaseFailure(wrapped(new Error('Client has encountered a connection error and is not queryable'))),
    ).toBe('unavailable');
  });

  it('a full disk is "disk_full"; other errors are neither', () => {
    expect(
      databaseFailure(pgError('53100', 'could not extend file "base/5/16385": No space left on device')),
    ).toBe('disk_full');
    expect(
      databaseFailure(wrapped(pgError('23505', 'duplicate key value violates unique constraint'))),
    ).toBeNull();
    expect(databaseFailure(new Error('boom'))).toBeNull();
    // A statement with too many parameters is a protocol violation of the program, not an outage.
    expect(
      databaseFailure(wrapped(pgError('08P01', 'bind message has 4464 parameter formats but 0 parameters'))),
    ).toBeNull();
    expect(databaseFailure(pgError('08006', 'connection failure'))).toBe('unavailable');
  });

  it('never matches on the statement parameters (the user’s text)', () => {
    const e = wrapped(pgError('22001', 'value too long'), [
      'No space left on device',
      'Connection terminated',
    ]);
    expect(databaseFailure(e)).toBeNull();
    expect(shortDbError(e)).toBe('value too long');
  });

  it('only a full disk outside table growth breaks the embedded engine', () => {
    const wal = pgError('53100', 'could not write to file "pg_wal/xlogtemp.42": No space left on device');
    expect(breaksEmbeddedEngine(wrapped(wal))).toBe(true);
    const table = pgError('53100', 'could not extend file "base/5/16385": No space left on device');
    expect(breaksEmbeddedEngine(table)).toBe(false);
    expect(breaksEmbeddedEngine(pgError('57P01', 'terminating connection'))).toBe(false);
  });
});
