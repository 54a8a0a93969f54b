// 单位管理: an administrator adds, renames and retires units of its own subtree. A retired unit keeps
// its matters and history, but no action hands it a new matter and no account joins it.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, units, users } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_admin', 'nj_admin', 'gl_registrar']);
});
afterAll(async () => {
  await h?.close();
});

const call = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: h.as(user), ...(payload ? { payload } : {}) });
const unitsOf = async (code: string) =>
  (await call('gl_registrar', 'GET', `/api/v1/jurisdictions/${code}`)).json().units as {
    id: number;
    name: string;
    deptKey: string;
    retired: boolean;
  }[];

async function registerAndAccept(
  who: { name: string; idNumber: string; phone: string },
  subject: string,
): Promise<number> {
  const res = await call('gl_registrar', 'POST', '/api/v1/cases', {
    form: 'visit',
    subject,
    content: `${subject}，多次反映无果，请求处理。`,
    jurisdictionCode: '320106',
    petitioner: who,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().caseId as number;
  await h.act('gl_registrar', id, 'accept');
  return id;
}

describe('units', () => {
  let unitId = 0;

  it('adds a department in the subtree, not outside it', async () => {
    const body = {
      jurisdictionCode: '320106',
      deptKey: 'shuiwu',
      name: '南京市鼓楼区水务局',
      shortName: '水务局',
    };
    const res = await call('gl_admin', 'POST', '/api/v1/units', body);
    expect(res.statusCode, res.body).toBe(201);
    unitId = res.json().id;
    expect(await unitsOf('320106')).toContainEqual(
      expect.objectContaining({ id: unitId, name: '南京市鼓楼区水务局', retired: false }),
    );
    expect((await call('gl_admin', 'POST', '/api/v1/units', body)).statusCode).toBe(409);
    const outside = await call('gl_admin', 'POST', '/api/v1/units', { ...body, jurisdictionCode: '320102' });
    expect(outside.statusCode).toBe(403);
    const bad = await call('gl_admin', 'POST', '/api/v1/units', { ...body, deptKey: 'Bad Key' });
    expect(bad.statusCode).toBe(400);
  });

  it('renames within the subtree; another subtree’s admin does not find it', async () => {
    const res = await call('gl_admin', 'PATCH', `/api/v1/units/${unitId}`, {
      name: '南京市鼓楼区水务和排水局',
      shortName: '水务局',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await unitsOf('320106')).find((u) => u.id === unitId)?.name).toBe('南京市鼓楼区水务和排水局');
    const other = await call('nj_admin', 'PATCH', `/api/v1/units/${unitId}`, {
      name: '某局',
      shortName: '某局',
    });
    expect(other.statusCode).toBe(200); // 320106 is inside 南京市
    const [row] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.rename'), eq(auditLog.entityId, String(unitId))))
      .orderBy(asc(auditLog.seq)); // two renames: the first one recorded the original name
    expect(row?.summary).toMatchObject({ before: { name: '南京市鼓楼区水务局' } });
  });

  it('retires a unit: its matters stay, new ones and new accounts are refused', async () => {
    const caseId = await registerAndAccept(
      { name: '王五', idNumber: '11010519491231002X', phone: '13500000009' },
      '小区门口道路长期积水',
    );
    await h.act('gl_registrar', caseId, 'assign', { targetUnitId: unitId });
    // The unit holds the matter; an account of it exists.
    const create = await call('gl_admin', 'POST', '/api/v1/users', {
      username: 'gl_shuiwu',
      password: 'Shuiwu-Handler-2027',
      role: 'handler',
      unitId,
      displayName: '水务承办',
    });
    expect(create.statusCode, create.body).toBe(201);
    const busy = await call('gl_admin', 'POST', `/api/v1/units/${unitId}/retire`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('unit_has_accounts');
    expect((await call('gl_admin', 'POST', `/api/v1/users/${create.json().id}/disable`)).statusCode).toBe(
      200,
    );

    const res = await call('gl_admin', 'POST', `/api/v1/units/${unitId}/retire`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await unitsOf('320106')).find((u) => u.id === unitId)?.retired).toBe(true);
    expect((await call('gl_admin', 'POST', `/api/v1/units/${unitId}/retire`)).statusCode).toBe(409);
    // History stays: the matter is still with the unit, the unit row is still there.
    const [c] = await h.ctx.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c?.currentUnitId).toBe(unitId);
    expect(await h.ctx.db.select().from(units).where(eq(units.id, unitId))).toHaveLength(1);

    // No new matter for it, and nothing of the refused action is stored.
    const next = await registerAndAccept(
      { name: '赵六', idNumber: '320106198001010011', phone: '13500000010' },
      '河道排污口异味扰民',
    );
    await expect(h.act('gl_registrar', next, 'assign', { targetUnitId: unitId })).rejects.toThrow(
      /400.*unit_retired/,
    );
    const [still] = await h.ctx.db.select().from(cases).where(eq(cases.id, next));
    expect(still?.state).toBe('accepted');
    // No new account in it either.
    const joined = await call('gl_admin', 'POST', '/api/v1/users', {
      username: 'gl_shuiwu2',
      password: 'Shuiwu-Handler-2027',
      role: 'handler',
      unitId,
      displayName: '水务承办二',
    });
    expect(joined.statusCode).toBe(400);
    expect(joined.json().error.code).toBe('unit_retired');
    const [u] = await h.ctx.db.select().from(users).where(eq(users.username, 'gl_shuiwu'));
    expect(u?.unitId).toBe(unitId);
  });

  it('never retires a petition bureau', async () => {
    const bureau = (await unitsOf('320106')).find((u) => u.deptKey === 'xinfang');
    const res = await call('gl_admin', 'POST', `/api/v1/units/${bureau?.id}/retire`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('bureau_not_retirable');
  });
});
