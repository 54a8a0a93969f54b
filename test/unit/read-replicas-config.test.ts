// DATABASE_READ_URL (src/config/index.ts) and the WAL positions read-your-writes compares
// (src/db/replicas.ts): a list of replicas, refused without a primary or with something that is not a
// PostgreSQL connection string — and a refusal never echoes the value, which may hold a password.
import { describe, expect, it } from 'vitest';
import { appConfigFromEnv, ConfigError } from '../../src/config/index.ts';
import { formatLsn, parseLsn } from '../../src/db/replicas.ts';

const env = (extra: Record<string, string>) => ({
  XINFANG_DATA: 'memory://',
  XINFANG_SECRET: 'x'.repeat(32),
  ...extra,
});
const PRIMARY = 'postgres://app@db1/xinfang';

describe('DATABASE_READ_URL', () => {
  it('is empty by default: every read goes to the one database', () => {
    expect(appConfigFromEnv({}, env({})).databaseReadUrls).toEqual([]);
  });

  it('takes one or more replicas, comma-separated', () => {
    const c = appConfigFromEnv(
      {},
      env({
        DATABASE_URL: PRIMARY,
        DATABASE_READ_URL: ' postgres://app@db2/xinfang , postgresql://app@db3/xinfang,',
      }),
    );
    expect(c.databaseReadUrls).toEqual(['postgres://app@db2/xinfang', 'postgresql://app@db3/xinfang']);
  });

  it('is refused without DATABASE_URL (the embedded database has no replicas)', () => {
    expect(() => appConfigFromEnv({}, env({ DATABASE_READ_URL: 'postgres://app:s3cret@db2/x' }))).toThrow(
      ConfigError,
    );
    expect(() => appConfigFromEnv({}, env({ DATABASE_READ_URL: 'postgres://app:s3cret@db2/x' }))).toThrow(
      /只读副本需要同时设置 DATABASE_URL/,
    );
  });

  it('refuses an entry that is not a postgres:// URL, without repeating the value', () => {
    let message = '';
    try {
      appConfigFromEnv({}, env({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'db2:5432 s3cret' }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_READ_URL/);
    expect(message).not.toMatch(/s3cret/);
  });
});

describe('WAL positions', () => {
  it('compare as numbers across the 32-bit halves', () => {
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn('0/35BD870')).toBe(0x35bd870n);
    expect(formatLsn(parseLsn('2A/00C0FFEE'))).toBe('2A/C0FFEE');
  });

  it('refuses anything else (a forged cookie)', () => {
    expect(() => parseLsn('1/2; DROP')).toThrow();
    expect(() => parseLsn('123456789/0')).toThrow();
  });
});
