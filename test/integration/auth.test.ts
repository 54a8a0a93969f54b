import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetAllSessions } from '../../src/auth/sessions.ts';
import { auditLog, sessions, users } from '../../src/db/schema.ts';
import { bearer, DEMO_PASSWORD, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const auditCount = async () => (await h.ctx.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const sessionCount = async () => (await h.ctx.db.select({ n: count() }).from(sessions))[0]?.n ?? 0;

describe('staff login', () => {
  it('logs in with username and password and reports role, unit and scope', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nj_registrar', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      role: 'registrar',
      roleName: '登记员',
      unit: { name: '南京市信访局', kind: 'bureau' },
      jurisdiction: { code: '320100', name: '江苏省南京市', scopePrefix: '3201' },
    });
    const cookies = res.cookies.map((c) => c.name);
    expect(cookies).toContain('xf_session');
    const session = res.cookies.find((c) => c.name === 'xf_session');
    expect(session?.httpOnly).toBe(true);

    const me = await h.app.inject({ url: '/api/v1/auth/me', cookies: { xf_session: session?.value ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.displayName).toBe('南京市信访局登记员');

    // The pages' session check answers 200 either way: the user, or null for nobody.
    const session2 = await h.app.inject({
      url: '/api/v1/auth/session',
      cookies: { xf_session: session?.value ?? '' },
    });
    expect(session2.statusCode).toBe(200);
    expect(session2.json().user.displayName).toBe('南京市信访局登记员');
    const anonymous = await h.app.inject({ url: '/api/v1/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    const stale = await h.app.inject({
      url: '/api/v1/auth/session',
      cookies: { xf_session: 'x'.repeat(43) },
    });
    expect(stale.json()).toEqual({ user: null });
  });

  it('rejects a wrong password with 401 and writes nothing', async () => {
    const [audits, sess] = [await auditCount(), await sessionCount()];
    for (const payload of [
      { username: 'nj_registrar', password: 'wrong-password' },
      { username: 'no_such_user', password: DEMO_PASSWORD },
    ]) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'invalid_credentials', message: '用户名或密码错误' });
    }
    expect(await auditCount()).toBe(audits);
    expect(await sessionCount()).toBe(sess);
  });

  it('answers 401 to forged and expired sessions, on reads and on writes, without writing', async () => {
    const token = await h.login('gl_admin');
    const [audits, userCount] = [
      await auditCount(),
      (await h.ctx.db.select({ n: count() }).from(users))[0]?.n,
    ];
    const newUser = {
      username: 'forged1',
      password: 'Password123',
      role: 'registrar',
      unitId: 1,
      displayName: '伪造',
    };
    for (const auth of [bearer('forged-token-value'), { cookie: 'xf_session=forged' }]) {
      expect((await h.app.inject({ url: '/api/v1/auth/me', headers: auth })).statusCode).toBe(401);
      const w = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: newUser });
      expect(w.statusCode).toBe(401);
      expect(w.json().error.code).toBe('unauthorized');
    }
    // Expire the real session: the same token is now refused.
    await h.ctx.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    // A change behind the platform's back is seen after SESSION_CACHE_MS; drop the cache now.
    forgetAllSessions(h.ctx.db);
    expect((await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    const w = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(token),
      payload: newUser,
    });
    expect(w.statusCode).toBe(401);
    expect(await auditCount()).toBe(audits);
    expect((await h.ctx.db.select({ n: count() }).from(users))[0]?.n).toBe(userCount);
  });

  it('requires the CSRF token on cookie-authenticated mutations, not on bearer ones', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'gl_registrar', password: DEMO_PASSWORD },
    });
    const { token, csrfToken } = login.json();
    const noCsrf = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { xf_session: token },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_token_invalid');
    // still logged in
    expect((await h.app.inject({ url: '/api/v1/auth/me', cookies: { xf_session: token } })).statusCode).toBe(
      200,
    );
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { xf_session: token },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(ok.statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/v1/auth/me', cookies: { xf_session: token } })).statusCode).toBe(
      401,
    );
  });
});

describe('citizen login by SMS code', () => {
  const phone = '13812345678';

  it('sends the code through the outbox and creates the citizen on first login', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone } });
    expect(res.statusCode).toBe(200);
    await h.settle();
    const msg = h.sms.sent.find((m) => m.to === phone);
    expect(msg?.body).toMatch(/验证码为\d{6}/);
    expect(msg?.toMasked).toBe('138****5678');
    const code = msg?.body.match(/(\d{6})/)?.[1] ?? '';

    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_sms_code');

    const ok = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ role: 'citizen', unit: null, jurisdiction: null });

    // The code is single-use.
    const again = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, code } });
    expect(again.statusCode).toBe(401);

    // The phone is stored encrypted, never in clear.
    const [u] = await h.ctx.db.select().from(users).where(eq(users.id, ok.json().user.id));
    expect(u?.phoneEnc).not.toContain(phone);
    expect(h.ctx.pii.decrypt(u?.phoneEnc ?? '')).toBe(phone);
  });

  it('refuses a second code within a minute and a malformed phone', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/sms-code', payload: { phone } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('sms_code_too_frequent');
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-code',
      payload: { phone: '1381234' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toEqual({
      code: 'invalid_phone',
      field: 'phone',
      message: '请填写正确的11位手机号码',
    });
  });

  it('lets the demo citizen log in with the demo password', async () => {
    const token = await h.login('13900000001');
    const me = await h.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) });
    expect(me.json().user).toMatchObject({ role: 'citizen', displayName: '张三' });
  });
});

describe('real-name profile', () => {
  it('validates the ID number with field-level Chinese errors and stores it encrypted', async () => {
    const token = await h.login('13900000001');
    const bad = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: bearer(token),
      payload: { name: '张三', idNumber: '320106199001011235' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_id_number_checksum', field: 'idNumber' });
    expect(bad.json().error.message).toMatch(/校验/);

    const badName = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: bearer(token),
      payload: { name: 'Z3', idNumber: '11010519491231002X' },
    });
    expect(badName.json().error).toMatchObject({ code: 'invalid_name', field: 'name' });

    const ok = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: bearer(token),
      payload: { name: '张三', idNumber: '11010519491231002x' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '张三', idNumber: '11010519491231002X', phone: '13900000001' });
    const [u] = await h.ctx.db.select().from(users).where(eq(users.role, 'citizen')).limit(1);
    const stored = JSON.stringify(u);
    expect(stored).not.toContain('11010519491231002X');
    expect(stored).not.toContain('13900000001');
  });

  it('is for citizens only', async () => {
    const token = await h.login('gl_registrar');
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: bearer(token),
      payload: { name: '李四', idNumber: '11010519491231002X' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('demo accounts', () => {
  it('lists one account per role at province, 南京市 and 鼓楼区 plus the citizen', async () => {
    const res = await h.app.inject({ url: '/api/v1/auth/demo-accounts' });
    expect(res.statusCode).toBe(200);
    const { accounts, password } = res.json();
    expect(password).toBe(DEMO_PASSWORD);
    expect(accounts).toHaveLength(25);
    expect(accounts.find((a: { username: string }) => a.username === 'admin')).toMatchObject({
      role: 'admin',
      unit: '江苏省信访局',
      jurisdictionCode: '320000',
    });
    for (const code of ['320000', '320100', '320106']) {
      const roles = accounts
        .filter((a: { jurisdictionCode: string }) => a.jurisdictionCode === code)
        .map((a: { role: string }) => a.role);
      expect(new Set(roles)).toEqual(
        new Set(['registrar', 'handler', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin', 'auditor']),
      );
    }
    // every listed account really logs in
    for (const a of accounts) await h.login(a.username);
  });
});
