// Data scope matrix: every demo role at province, city (南京市) and district (鼓楼区) level, plus
// the citizen, against cases placed around the tree. Checked through the HTTP API (list and detail)
// so the policy layer, not a helper, is what is tested.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties, cases, units, users } from '../../src/db/schema.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const ids: Record<string, number> = {};
const tokens: Record<string, string> = {};

/** The cases: where each is, which department handles it, whose it is. */
const FIXTURES = {
  gulou: { code: '320106', dept: 'zhujian', deptAt: '320106' }, // 鼓楼区, assigned to 鼓楼区住建局
  xuanwu: { code: '320102', dept: 'zhujian', deptAt: '320102' }, // 南京 玄武区, 玄武区住建局
  nanjingCity: { code: '320100', dept: 'zhujian', deptAt: '320100' }, // 南京市 level, 南京市住建局
  suzhou: { code: '320508', dept: 'zhujian', deptAt: '320508' }, // 苏州 姑苏区
  province: { code: '320000', dept: 'zhujian', deptAt: '320000' }, // 省级, 省住建厅
  gulouUnassigned: { code: '320106', dept: null, deptAt: null }, // 鼓楼区, not yet assigned
  citizenOwn: { code: '320106', dept: null, deptAt: null, citizen: true }, // the demo citizen's own
} as const;
type CaseKey = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as CaseKey[];

const PROVINCE_BUREAU = ALL;
const NANJING_BUREAU: CaseKey[] = ['gulou', 'xuanwu', 'nanjingCity', 'gulouUnassigned', 'citizenOwn'];
const GULOU_BUREAU: CaseKey[] = ['gulou', 'gulouUnassigned', 'citizenOwn'];

/** username → the cases it must see (and no others). */
const MATRIX: Record<string, CaseKey[]> = {
  // province level (江苏省信访局; handler in 省住建厅)
  js_registrar: PROVINCE_BUREAU,
  js_reviewer: PROVINCE_BUREAU,
  js_supervisor: PROVINCE_BUREAU,
  js_leader: PROVINCE_BUREAU,
  js_analyst: PROVINCE_BUREAU,
  admin: PROVINCE_BUREAU,
  js_handler: ['province'],
  // city level (南京市信访局; handler in 南京市住建局)
  nj_registrar: NANJING_BUREAU,
  nj_reviewer: NANJING_BUREAU,
  nj_supervisor: NANJING_BUREAU,
  nj_leader: NANJING_BUREAU,
  nj_analyst: NANJING_BUREAU,
  nj_admin: NANJING_BUREAU,
  nj_handler: ['nanjingCity'],
  // district level (鼓楼区信访局; handler in 鼓楼区住建局)
  gl_registrar: GULOU_BUREAU,
  gl_reviewer: GULOU_BUREAU,
  gl_supervisor: GULOU_BUREAU,
  gl_leader: GULOU_BUREAU,
  gl_analyst: GULOU_BUREAU,
  gl_admin: GULOU_BUREAU,
  gl_handler: ['gulou'],
  // the demo citizen
  '13900000001': ['citizenOwn'],
};

beforeAll(async () => {
  h = await startHarness();
  const unitId = async (code: string, dept: string) =>
    (
      await h.ctx.db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.jurisdictionCode, code), eq(units.deptKey, dept)))
    )[0]?.id ?? null;
  const [citizen] = await h.ctx.db.select({ id: users.id }).from(users).where(eq(users.role, 'citizen'));
  let n = 0;
  for (const [key, f] of Object.entries(FIXTURES)) {
    const bureau = await unitId(f.code, 'xinfang');
    if (bureau === null) throw new Error(`no bureau at ${f.code}`);
    const [row] = await h.ctx.db
      .insert(cases)
      .values({
        caseNumber: `${f.code}2026${String(++n).padStart(7, '0')}`,
        jurisdictionCode: f.code,
        registeringUnitId: bureau,
        assignedUnitId: f.dept && f.deptAt ? await unitId(f.deptAt, f.dept) : null,
        petitionerUserId: 'citizen' in f ? (citizen?.id ?? null) : null,
        form: 'online',
        subject: `测试事项 ${key}`,
        content: '内容',
        state: 'registered',
        receivedAt: new Date(),
      })
      .returning({ id: cases.id });
    ids[key] = row?.id ?? 0;
    if ('citizen' in f) {
      await h.ctx.db.insert(caseParties).values({
        caseId: ids[key] ?? 0,
        role: 'petitioner',
        nameEnc: h.ctx.pii.encrypt('张三'),
        phoneEnc: h.ctx.pii.encrypt('13900000001'),
        idNumberEnc: h.ctx.pii.encrypt('11010519491231002X'),
      });
    }
  }
  for (const username of Object.keys(MATRIX)) tokens[username] = await h.login(username);
});
afterAll(async () => {
  await h?.close();
});

describe('case visibility matrix', () => {
  it('covers every role at every demo level', () => {
    const roles = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin'];
    for (const prefix of ['js', 'nj', 'gl']) {
      for (const role of roles) {
        const name = prefix === 'js' && role === 'admin' ? 'admin' : `${prefix}_${role}`;
        expect(MATRIX, name).toHaveProperty(name);
      }
    }
  });

  for (const [username, visible] of Object.entries(MATRIX)) {
    it(`${username} sees exactly ${visible.join(', ')}`, async () => {
      const list = await h.app.inject({
        url: '/api/v1/cases?pageSize=200',
        headers: bearer(tokens[username] ?? ''),
      });
      expect(list.statusCode).toBe(200);
      const seen = list.json().items.map((c: { id: number }) => c.id);
      expect(new Set(seen)).toEqual(new Set(visible.map((k) => ids[k])));
      expect(list.json().total).toBe(visible.length);

      for (const key of ALL) {
        const res = await h.app.inject({
          url: `/api/v1/cases/${ids[key]}`,
          headers: bearer(tokens[username] ?? ''),
        });
        if (visible.includes(key)) expect(res.statusCode, `${username} → ${key}`).toBe(200);
        else {
          // Out of scope looks exactly like "does not exist".
          expect(res.statusCode, `${username} → ${key}`).toBe(404);
          const missing = await h.app.inject({
            url: '/api/v1/cases/999999999',
            headers: bearer(tokens[username] ?? ''),
          });
          expect(res.json()).toEqual(missing.json());
        }
      }
    });
  }
});

describe('personal data by role', () => {
  it('shows the petitioner phone in full to registrar and handler roles in scope, masked to others', async () => {
    const partyFor = async (username: string) => {
      const res = await h.app.inject({
        url: `/api/v1/cases/${ids.citizenOwn}`,
        headers: bearer(tokens[username] ?? ''),
      });
      return res.json().parties[0];
    };
    for (const u of ['gl_registrar', 'gl_reviewer', 'nj_registrar', '13900000001']) {
      expect(await partyFor(u), u).toMatchObject({
        name: '张三',
        phone: '13900000001',
        idNumber: '11010519491231002X',
      });
    }
    for (const u of ['gl_leader', 'gl_analyst', 'gl_supervisor', 'gl_admin', 'nj_leader']) {
      expect(await partyFor(u), u).toMatchObject({
        name: '张*',
        phone: '139****0001',
        idNumber: '1101**********002X',
      });
    }
  });
});

describe('staff account management scope', () => {
  const newUser = (unitId: number, username: string) => ({
    username,
    password: 'Passw0rd!x',
    role: 'registrar',
    unitId,
    displayName: '新登记员',
  });
  const unitAt = async (code: string) =>
    (
      await h.ctx.db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.jurisdictionCode, code), eq(units.deptKey, 'xinfang')))
    )[0]?.id ?? 0;
  const userCount = async () => (await h.ctx.db.select({ n: count() }).from(users))[0]?.n ?? 0;

  it('lets 南京市 admin create a user in 鼓楼区 but refuses 苏州 with 403 and writes nothing', async () => {
    const before = await userCount();
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(tokens.nj_admin ?? ''),
      payload: newUser(await unitAt('320106'), 'gulou_new'),
    });
    expect(ok.statusCode).toBe(201);
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(tokens.nj_admin ?? ''),
      payload: newUser(await unitAt('320508'), 'suzhou_new'),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect(await userCount()).toBe(before + 1);
  });

  it('refuses non-admins and lists only users in the admin subtree', async () => {
    const res = await h.app.inject({ url: '/api/v1/users', headers: bearer(tokens.gl_registrar ?? '') });
    expect(res.statusCode).toBe(403);
    const gl = await h.app.inject({
      url: '/api/v1/users?pageSize=200',
      headers: bearer(tokens.gl_admin ?? ''),
    });
    const codes = gl.json().items.map((u: { jurisdictionCode: string }) => u.jurisdictionCode);
    expect(codes.length).toBeGreaterThanOrEqual(7);
    expect(codes.every((c: string) => c.startsWith('320106'))).toBe(true);
    const js = await h.app.inject({ url: '/api/v1/users?pageSize=200', headers: bearer(tokens.admin ?? '') });
    expect(js.json().total).toBeGreaterThan(gl.json().total);
  });

  it('gives field-level errors for a bad account and stores nothing', async () => {
    const before = await userCount();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(tokens.admin ?? ''),
      payload: { ...newUser(await unitAt('320106'), 'x'), phone: '12345' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('username');
    expect(res.json().error.message).toMatch(/用户名/);
    expect(await userCount()).toBe(before);
  });
});
