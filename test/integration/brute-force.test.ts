// Issue 10, fault 8: brute-force defences. The client address comes from trusted proxy hops only;
// every setting is validated at start; failed logins back off per (account, address) without
// locking the account's owner out; weak passwords are refused; the SMS-code attempt counter holds
// under concurrent guesses.
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { appConfigFromEnv } from '../../src/config/index.ts';
import { otpCodes } from '../../src/db/schema.ts';
import { DEMO_PASSWORD, type Harness, startHarness } from '../helpers/harness.ts';

const login = (
  h: Harness,
  payload: Record<string, string>,
  headers: Record<string, string> = {},
  ip?: string,
) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload,
    headers,
    ...(ip ? { remoteAddress: ip } : {}),
  });

describe('settings', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuse to start on an invalid number instead of silently dropping the limit', () => {
    for (const bad of ['abc', '20/min', '-1', '0', '1.5', '1e9']) {
      vi.stubEnv('XINFANG_LOGIN_RATE_PER_MINUTE', bad);
      expect(() => appConfigFromEnv({ data: 'memory://' }), bad).toThrow(/XINFANG_LOGIN_RATE_PER_MINUTE/);
    }
  });

  it('name every invalid setting at once, in Chinese and English', () => {
    vi.stubEnv('XINFANG_SESSION_HOURS', 'twelve');
    vi.stubEnv('XINFANG_COOKIE_SECURE', 'yes please');
    vi.stubEnv('XINFANG_TRUST_PROXY', 'true');
    vi.stubEnv('LOG_LEVEL', 'verbose');
    vi.stubEnv('PG_POOL_MAX', 'many');
    vi.stubEnv('XINFANG_SMS_GATEWAY', 'aliyun');
    vi.stubEnv('XINFANG_OUTBOX_RETENTION_DAYS', '0');
    const error = (() => {
      try {
        appConfigFromEnv({ data: 'memory://' });
        return null;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/^配置错误，平台未启动 \/ invalid configuration, not starting/);
    for (const name of [
      'XINFANG_SESSION_HOURS=twelve',
      'XINFANG_COOKIE_SECURE=yes please',
      'XINFANG_TRUST_PROXY=true',
      'LOG_LEVEL=verbose',
      'PG_POOL_MAX=many',
      'XINFANG_SMS_GATEWAY=aliyun',
      'XINFANG_OUTBOX_RETENTION_DAYS=0',
    ])
      expect(error?.message).toContain(name);
    expect(error?.message).toMatch(/不支持信任所有代理/);
  });

  it('read a proxy hop count or a list of proxy addresses and ranges', () => {
    const trust = (v: string) => {
      vi.stubEnv('XINFANG_TRUST_PROXY', v);
      return appConfigFromEnv({ data: 'memory://' }).trustProxy;
    };
    expect(trust('0')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('10.0.0.0/8, 127.0.0.1,fd00::/8')).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    for (const bad of ['10.0.0.0/33', '300.1.1.1', 'proxy.local', '11'])
      expect(() => trust(bad), bad).toThrow(/XINFANG_TRUST_PROXY/);
  });

  it('refuse a weak demo password', () => {
    vi.stubEnv('XINFANG_DEMO_PASSWORD', '12345678');
    expect(() => appConfigFromEnv({ data: 'memory://', demo: true })).toThrow(
      /XINFANG_DEMO_PASSWORD.*密码至少10位/,
    );
  });
});

describe('rate limits behind a reverse proxy (XINFANG_TRUST_PROXY=1)', () => {
  let h: Harness;
  beforeAll(async () => {
    vi.stubEnv('XINFANG_TRUST_PROXY', '1');
    h = await startHarness({ loginRatePerMinute: 5 });
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a forged X-Forwarded-For does not reset the login limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 7; i++) {
      // The client writes any address it likes; our proxy appends the one it saw (203.0.113.7).
      const res = await login(
        h,
        { username: `nobody${i}`, password: 'wrong-password-123' },
        { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another client behind the same proxy is not limited by the first one.
    const other = await login(
      h,
      { username: 'gl_registrar', password: DEMO_PASSWORD },
      { 'x-forwarded-for': '203.0.113.8' },
    );
    expect(other.statusCode).toBe(200);
  });
});

describe('failed logins', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.loginAll(['gl_admin']);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('back off per account and address, and never lock the owner out from elsewhere', async () => {
    const attacker = '198.51.100.66';
    const owner = '203.0.113.20';
    for (let i = 0; i < 5; i++) {
      const res = await login(h, { username: 'nj_registrar', password: `guess-number-${i}` }, {}, attacker);
      expect(res.statusCode).toBe(401);
    }
    // Now even the right password is not checked from the guesser's address …
    const locked = await login(h, { username: 'nj_registrar', password: DEMO_PASSWORD }, {}, attacker);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('login_locked');
    expect(locked.json().error.message).toMatch(/登录失败次数过多，请30秒后再试/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // … while the owner, from their own address, logs in as usual: no denial of service.
    const mine = await login(h, { username: 'nj_registrar', password: DEMO_PASSWORD }, {}, owner);
    expect(mine.statusCode).toBe(200);
    // Other accounts from the guesser's address are not affected either.
    const colleague = await login(h, { username: 'nj_reviewer', password: DEMO_PASSWORD }, {}, attacker);
    expect(colleague.statusCode).toBe(200);
  });

  it('treat unknown usernames alike, so the lock tells nothing about which accounts exist', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < 5; i++)
      await login(h, { username: 'no_such_user', password: `guess-${i}-xxxx` }, {}, ip);
    const res = await login(h, { username: 'no_such_user', password: 'guess-6-xxxx' }, {}, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('login_locked');
  });

  it('wait longer after each further failure, up to 15 minutes, and start over after a success', async () => {
    const { backoffSeconds, takeLoginAttempt, throttleKey } = await import('../../src/auth/throttle.ts');
    expect([1, 4, 5, 6, 7, 8, 9, 10, 30].map(backoffSeconds)).toEqual([
      0, 0, 30, 60, 120, 240, 480, 900, 900,
    ]);
    const key = throttleKey(h.ctx.pii.hash, 'schedule_user', '198.51.100.88');
    const t0 = Date.parse('2026-12-01T02:00:00Z');
    const at = (s: number) => new Date(t0 + s * 1000);
    const attempt = (s: number) =>
      takeLoginAttempt(h.ctx.db, key, at(s)).then(
        () => 'checked',
        (e: { code?: string }) => e.code,
      );
    for (let i = 0; i < 5; i++) expect(await attempt(i)).toBe('checked'); // 5th failure at t=4 s
    expect(await attempt(33)).toBe('login_locked'); // locked until 34 s
    expect(await attempt(34)).toBe('checked'); // 6th failure: 60 s more
    expect(await attempt(93)).toBe('login_locked');
    expect(await attempt(94)).toBe('checked');
    // A day of quiet and the pair starts again from zero.
    for (let i = 0; i < 4; i++) expect(await attempt(86_400 * 2 + i)).toBe('checked');
  });

  it('stay within one attempt per request under concurrency (the count is taken before the check)', async () => {
    const ip = '198.51.100.99';
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(h, { username: 'js_registrar', password: `parallel-guess-${i}` }, {}, ip),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('refuse weak passwords for new accounts, naming the rule', async () => {
    const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
    const unitId = units.find((u: { name: string }) => u.name === '鼓楼区信访局').id;
    const create = (username: string, password: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: h.as('gl_admin'),
        payload: { username, password, role: 'registrar', unitId, displayName: '测试登记员' },
      });
    for (const [password, code] of [
      ['12345678', 'password_too_short'],
      ['1234567890', 'password_too_common'],
      ['Password@2026', 'password_too_common'],
      ['gl_newclerk', 'password_like_username'],
    ] as const) {
      const res = await create('gl_newclerk', password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error).toMatchObject({ code, field: 'password' });
    }
    const ok = await create('gl_newclerk', 'Gulou#Clerk-2026');
    expect(ok.statusCode).toBe(201);
  });
});

describe('SMS login codes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('count concurrent wrong guesses exactly: at most 5 are ever compared', async () => {
    const phone = '13700000123';
    const sent = await h.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone } });
    expect(sent.statusCode).toBe(200);
    await h.settle();
    const code = /验证码为(\d{6})/.exec(h.sms.sent.at(-1)?.body ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const wrong = (n: number) => String((Number(code) + n) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, code: wrong(i + 1) } }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    const [otp] = await h.ctx.db
      .select({ attempts: otpCodes.attempts })
      .from(otpCodes)
      .where(eq(otpCodes.phoneHash, h.ctx.pii.hash(phone)));
    expect(otp?.attempts).toBe(5);
    // The code is used up: the right one no longer works.
    const late = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, code } });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('invalid_sms_code');
    await h.ctx.db.execute(sql`delete from otp_codes`);
  });
});
