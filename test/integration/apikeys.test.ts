// 接口密钥 over HTTP: a county admin gives the county bureau a key with scopes and a jurisdiction;
// the secret is shown once and stored hashed; the key reads matters of its jurisdiction only (parties
// masked), registers with `register`, acts with `act`, is refused routes keys may not call and
// scopes it lacks, is rate-limited on its own, and stops working the moment it is revoked. Every
// create and revoke is in the audit log; OpenAPI shows the scheme.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, auditLog, caseEvents, users } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let glBureau = 0; // 鼓楼区信访局
let zhujian = 0; // 鼓楼区住房和城乡建设局
let xuanwuBureau = 0; // 玄武区信访局 (another county)

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_admin', 'nj_admin', 'gl_registrar', 'gl_handler', '13900000001']);
  const gl = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  glBureau = gl.find((u: { kind: string }) => u.kind === 'bureau').id;
  zhujian = gl.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
  const xw = (await h.app.inject({ url: '/api/v1/jurisdictions/320102' })).json().units;
  xuanwuBureau = xw.find((u: { kind: string }) => u.kind === 'bureau').id;
});
afterAll(async () => {
  await h?.close();
});

const admin = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), payload });
const withKey = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: { 'x-api-key': key }, payload });

async function newKey(body: object): Promise<{ id: number; key: string }> {
  const res = await admin('gl_admin', 'POST', '/api-keys', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const intake = {
  form: 'phone',
  purpose: 'claim',
  subject: '小区电梯长期停运',
  content: '小区3号楼电梯停运两个月，物业不修，老人上下楼困难，来电人电话13912345678。',
  jurisdictionCode: '320106',
  petitioner: { name: '王小明', phone: '13912345678', idNumber: '320106199001011238' },
};

describe('接口密钥: created, used within its scopes, revoked', () => {
  let key = '';
  let keyId = 0;
  let caseId = 0;

  it('an admin creates a key; the whole key is answered once and only its hash is stored', async () => {
    const made = await newKey({
      name: '12345热线对接',
      unitId: glBureau,
      scopes: ['read', 'register', 'act'],
    });
    key = made.key;
    keyId = made.id;
    expect(key).toMatch(/^xfk_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    const [row] = await h.ctx.db.select().from(apiKeys).where(eq(apiKeys.id, keyId));
    expect(row?.secretHash).not.toContain(key.slice(15));
    expect(row?.role).toBe('registrar'); // a bureau's key registers by default
    const list = (await admin('gl_admin', 'GET', '/api-keys')).json().items;
    const item = list.find((k: { id: number }) => k.id === keyId);
    expect(item.prefix).toBe(`${key.slice(0, 15)}…`);
    expect(JSON.stringify(list)).not.toContain(key.slice(15));
    expect(item.scopes.map((s: { name: string }) => s.name)).toEqual(['查询', '登记', '办理']);
    // Its service account can never sign in.
    const [svc] = await h.ctx.db
      .select()
      .from(users)
      .where(eq(users.id, row?.serviceUserId ?? 0));
    expect(svc?.disabled).toBe(true);
    expect(svc?.passwordHash).toBeNull();
  });

  it('registers a matter with `register`, acts on it with `act`, reads it with parties masked', async () => {
    const reg = await withKey(key, 'POST', '/api/v1/cases', intake);
    expect(reg.statusCode, reg.body).toBe(201);
    caseId = reg.json().caseId;
    const acted = await withKey(key, 'POST', `/api/v1/cases/${caseId}/actions`, { action: 'accept' });
    expect(acted.statusCode, acted.body).toBe(200);
    expect(acted.json().state).toBe('accepted');
    const read = await withKey(key, 'GET', `/api/v1/cases/${caseId}`);
    expect(read.statusCode).toBe(200);
    const text = read.body;
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('320106199001011238');
    expect(text).not.toContain('王小明');
    // The key's service account is recorded as the one who registered and accepted.
    const [k] = await h.ctx.db.select().from(apiKeys).where(eq(apiKeys.id, keyId));
    const events = await h.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => e.actorUserId)).toEqual([k?.serviceUserId, k?.serviceUserId]);
    // The same matter read by the county registrar shows the number in full: the key is masked by rule.
    expect(
      (await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: h.as('gl_registrar') })).body,
    ).toContain('13912345678');
  });

  it('lists only matters of its jurisdiction', async () => {
    const mine = await withKey(key, 'GET', '/api/v1/cases?pageSize=100');
    expect(mine.statusCode).toBe(200);
    const codes: string[] = mine.json().items.map((c: { jurisdictionCode: string }) => c.jurisdictionCode);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('320106'))).toBe(true);
  });

  it('refuses routes keys may not call, and scopes the key lacks', async () => {
    const users = await withKey(key, 'GET', '/api/v1/users');
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('api_key_route_not_allowed');
    const keys = await withKey(key, 'GET', '/api/v1/api-keys');
    expect(keys.json().error.code).toBe('api_key_route_not_allowed');
    const readOnly = await newKey({ name: '只读查询', unitId: glBureau, scopes: ['read'] });
    const refused = await withKey(readOnly.key, 'POST', '/api/v1/cases', intake);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('api_scope_missing');
    expect((await withKey(readOnly.key, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  });

  it('a wrong or malformed key is 401, with a Chinese message', async () => {
    const wrong = `${key.slice(0, 16)}${'A'.repeat(42)}`;
    for (const k of [wrong, 'xfk_nope', '']) {
      const res = await withKey(k, 'GET', '/api/v1/cases');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'api_key_invalid', message: '接口密钥无效或已吊销' });
    }
  });

  it('is rate-limited per key', async () => {
    const slow = await newKey({ name: '限流测试', unitId: glBureau, scopes: ['read'], rateLimit: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await withKey(slow.key, 'GET', '/api/v1/cases?pageSize=1')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    // Another key is not slowed by it.
    expect((await withKey(key, 'GET', '/api/v1/cases?pageSize=1')).statusCode).toBe(200);
  });

  it('revoking stops the key at once; both steps are audited', async () => {
    const res = await admin('gl_admin', 'POST', `/api-keys/${keyId}/revoke`);
    expect(res.statusCode).toBe(200);
    expect((await withKey(key, 'GET', '/api/v1/cases')).statusCode).toBe(401);
    const again = await admin('gl_admin', 'POST', `/api-keys/${keyId}/revoke`);
    expect(again.statusCode).toBe(409);
    const rows = await h.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(keyId)));
    const actions = rows.filter((r) => r.entity === 'api_key').map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['apikey.create', 'apikey.revoke']));
    expect(JSON.stringify(rows)).not.toContain(key.slice(15));
  });
});

describe('接口密钥: who may manage them', () => {
  it('a department key acts as handler by default; a jurisdiction outside the unit is refused', async () => {
    const made = await newKey({ name: '住建局系统', unitId: zhujian, scopes: ['read', 'act'] });
    const [row] = await h.ctx.db.select().from(apiKeys).where(eq(apiKeys.id, made.id));
    expect(row?.role).toBe('handler');
    const outside = await admin('gl_admin', 'POST', '/api-keys', {
      name: '越界',
      unitId: glBureau,
      jurisdictionCode: '320102',
      scopes: ['read'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('jurisdiction_outside_unit');
  });

  it("a county admin may not give another county's unit a key; a city admin may", async () => {
    const other = await admin('gl_admin', 'POST', '/api-keys', {
      name: '越权',
      unitId: xuanwuBureau,
      scopes: ['read'],
    });
    expect(other.statusCode).toBe(403);
    const city = await admin('nj_admin', 'POST', '/api-keys', {
      name: '玄武对接',
      unitId: xuanwuBureau,
      scopes: ['read'],
    });
    expect(city.statusCode).toBe(201);
    // ...and the county admin does not see it, nor may revoke it.
    const list = (await admin('gl_admin', 'GET', '/api-keys')).json().items;
    expect(list.some((k: { id: number }) => k.id === city.json().id)).toBe(false);
    expect((await admin('gl_admin', 'POST', `/api-keys/${city.json().id}/revoke`)).statusCode).toBe(404);
  });

  it('staff other than admins may not manage keys; bad input is a 400 naming the field', async () => {
    expect((await admin('gl_registrar', 'GET', '/api-keys')).statusCode).toBe(403);
    const bad = await admin('gl_admin', 'POST', '/api-keys', {
      name: '无范围',
      unitId: glBureau,
      scopes: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('scopes');
    const role = await admin('gl_admin', 'POST', '/api-keys', {
      name: '管理员身份',
      unitId: glBureau,
      role: 'admin',
      scopes: ['read'],
    });
    expect(role.statusCode).toBe(400);
  });

  it('OpenAPI shows the X-Api-Key scheme', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.apiKey).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
    });
  });
});
