// What guards every request before its handler: authentication and the CSRF check are decided from
// the route the router matched, not from the raw URL (`/%61pi/v1/…` reaches the same handler as
// `/api/v1/…`), and every response carries the security headers (CSP, no framing, nosniff,
// Referrer-Policy).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.ts';
import { DEMO_PASSWORD, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let cookie = '';
let csrf = '';
let caseId = 0;

const petition = (subject: string) => ({
  form: 'letter',
  subject,
  content: '小区旁工地夜间施工噪声扰民，多次反映未解决，请求依法处理。',
  jurisdictionCode: '320106',
  petitioner: { name: '李四', phone: '13811112222' },
});
const countCases = async () => (await h.ctx.db.select({ n: count() }).from(cases))[0]?.n;

beforeAll(async () => {
  h = await startHarness();
  // A browser session: the cookies the login set, and the CSRF token it answered.
  const login = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'gl_registrar', password: DEMO_PASSWORD },
  });
  cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  csrf = login.json().csrfToken;
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { cookie, 'x-csrf-token': csrf },
    payload: petition('反映噪声扰民问题'),
  });
  caseId = res.json().caseId;
});
afterAll(async () => {
  await h?.close();
});

/** Spellings the router reads as /api/v1/cases. */
const ROUTED = ['/api/v1/cases', '/%61pi/v1/cases', '/api/v1/%63ases', '/%61%70%69/%76%31/%63%61%73%65%73'];

describe('CSRF on cookie-authenticated mutations', () => {
  it('refuses a mutation without the token on every spelling of the path, and stores nothing', async () => {
    const before = await countCases();
    for (const url of ROUTED) {
      const res = await h.app.inject({
        method: 'POST',
        url,
        headers: { cookie },
        payload: petition('反映道路积水问题'),
      });
      expect(res.statusCode, `${url} → ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('csrf_token_invalid');
    }
    const act = await h.app.inject({
      method: 'POST',
      url: `/%61pi/v1/cases/${caseId}/actions`,
      headers: { cookie, 'x-csrf-token': 'forged' },
      payload: { action: 'accept' },
    });
    expect(act.statusCode).toBe(403);
    // A token as long as the real one in characters but not in bytes is just wrong, not a crash.
    const latin1 = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie, 'x-csrf-token': 'é'.repeat(csrf.length) },
      payload: petition('反映道路积水问题'),
    });
    expect(latin1.statusCode).toBe(403);
    expect(await countCases()).toBe(before);
    const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c?.state).toBe('registered');
  });

  it('accepts the mutation with the token, whatever the spelling', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/%61pi/v1/cases',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: petition('反映物业维修问题'),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('does not let the cookie act on a public route without the token: the request is anonymous', async () => {
    // Logging in again from a page with an old session works (the login needs no session) …
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie },
      payload: { username: 'gl_registrar', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    // … and reads need no token.
    expect((await h.app.inject({ url: '/%61pi/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });
});

describe('401 before the body is read, on every spelling of an API path', () => {
  const SPELLINGS = [
    ...ROUTED,
    '//api/v1/cases',
    '/api//v1/cases',
    '/api/v1/cases/',
    '/API/v1/cases',
    '/Api/V1/Cases',
    '/api/v1/./cases',
    '/api/v1/x/../cases',
    '/api/v1/cases?x=1',
    '/api/v1/nothing-here',
    '/api/v1',
  ];
  it.each(SPELLINGS)('POST %s with a broken body → 401', async (url) => {
    const res = await h.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: '{"subject":',
    });
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it.each(ROUTED)('GET %s → 401', async (url) => {
    expect((await h.app.inject({ url })).statusCode).toBe(401);
  });

  it('keeps the public routes and pages public', async () => {
    for (const url of [
      '/',
      '/portal/',
      '/console/cases',
      '/api/docs/',
      '/api/openapi.json',
      '/healthz',
      '/%68ealthz',
    ]) {
      const res = await h.app.inject({ url });
      expect(res.statusCode, url).toBeLessThan(400);
    }
    const jurisdictions = await h.app.inject({ url: '/%61pi/v1/jurisdictions' });
    expect(jurisdictions.statusCode).toBe(200);
  });
});

describe('URLs the router refuses before any hook', () => {
  it('answers in the error shape with the headers: 401 without credentials, else 400 or 414', async () => {
    const staff = { authorization: `Bearer ${await h.login('gl_registrar')}` };
    const anonymous = await h.app.inject({ url: '/api/v1/cases/%zz' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
    const bad = await h.app.inject({ url: '/api/v1/cases/%zz', headers: staff });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'bad_url', message: expect.stringMatching(/地址/) });
    const long = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/special-periods/${'9'.repeat(300)}`,
      headers: staff,
    });
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('uri_too_long');
    for (const res of [anonymous, bad, long]) {
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('security headers', () => {
  it.each([
    ['/', 302],
    ['/login', 302],
    ['/portal/', 200],
    ['/console/', 200],
    ['/api/docs/', 200],
    ['/api/openapi.json', 200],
    ['/healthz', 200],
    ['/api/v1/cases', 401],
    ['/no/such/page', 404],
    ['/api/v1/cases/%zz', 401],
  ])('%s (%i) carries CSP, no framing, nosniff and a referrer policy', async (url, status) => {
    const res = await h.app.inject({ url });
    expect(res.statusCode).toBe(status);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
