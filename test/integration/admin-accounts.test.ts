// 账号管理: an administrator edits, disables, re-roles and resets staff accounts of its subtree, and
// every staff member changes their own password. Disabling ends the account's sessions at once;
// every change leaves one audit row.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../src/db/schema.ts';
import { bearer, DEMO_PASSWORD, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['admin', 'gl_admin', 'nj_admin', 'gl_registrar']);
});
afterAll(async () => {
  await h?.close();
});

const call = (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: h.as(user), ...(payload ? { payload } : {}) });
const callWith = (token: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const idOf = async (username: string) =>
  (await h.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ?? 0;
const audits = (action: string, entityId: number) =>
  h.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))));

describe('disable and enable', () => {
  it('ends every session of the account at once; it cannot log in until enabled again', async () => {
    const id = await idOf('gl_analyst');
    const a = await h.login('gl_analyst');
    const b = await h.login('gl_analyst');
    expect((await callWith(a, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const res = await call('gl_admin', 'POST', `/api/v1/users/${id}/disable`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id, disabled: true, sessionsEnded: 2 });
    // The very next request of either session: 401, no cache grace.
    for (const t of [a, b]) expect((await callWith(t, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(await h.ctx.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    await expect(h.login('gl_analyst')).rejects.toThrow(/401/);
    const [row] = await audits('user.disable', id);
    expect(row?.summary).toEqual({ sessionsEnded: 2 });

    const list = (await call('gl_admin', 'GET', '/api/v1/users?pageSize=200')).json();
    expect(list.items.find((u: { id: number }) => u.id === id).disabled).toBe(true);

    expect((await call('gl_admin', 'POST', `/api/v1/users/${id}/enable`)).statusCode).toBe(200);
    expect(await h.login('gl_analyst')).toBeTruthy();
    expect(await audits('user.enable', id)).toHaveLength(1);
  });

  it('stays within the admin’s subtree, never on itself, and only for administrators', async () => {
    const nj = await idOf('nj_analyst');
    expect((await call('gl_admin', 'POST', `/api/v1/users/${nj}/disable`)).statusCode).toBe(404);
    expect((await call('nj_admin', 'POST', `/api/v1/users/${nj}/disable`)).statusCode).toBe(200);
    expect((await call('nj_admin', 'POST', `/api/v1/users/${nj}/enable`)).statusCode).toBe(200);
    const self = await call('gl_admin', 'POST', `/api/v1/users/${await idOf('gl_admin')}/disable`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toMatch(/本人/);
    const registrar = await call('gl_registrar', 'POST', `/api/v1/users/${await idOf('gl_leader')}/disable`);
    expect(registrar.statusCode).toBe(404);
    // Citizens are no staff accounts: not found for the admin either.
    const citizen = (await h.ctx.db.select().from(users).where(eq(users.role, 'citizen')))[0];
    expect((await call('admin', 'POST', `/api/v1/users/${citizen?.id}/disable`)).statusCode).toBe(404);
    expect((await call('admin', 'POST', '/api/v1/users/999999/disable')).statusCode).toBe(404);
  });
});

describe('role change and edit', () => {
  it('changes the role; the open session acts in the new role at once', async () => {
    const id = await idOf('gl_auditor');
    const t = await h.login('gl_auditor');
    expect((await callWith(t, 'GET', '/api/v1/auth/me')).json().user.role).toBe('auditor');
    const res = await call('gl_admin', 'PUT', `/api/v1/users/${id}/role`, { role: 'analyst' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await callWith(t, 'GET', '/api/v1/auth/me')).json().user.role).toBe('analyst');
    const [row] = await audits('user.role', id);
    expect(row?.summary).toEqual({ before: { role: 'auditor' }, after: { role: 'analyst' } });
    const bad = await call('gl_admin', 'PUT', `/api/v1/users/${id}/role`, { role: 'citizen' });
    expect(bad.statusCode).toBe(400);
    const self = await call('gl_admin', 'PUT', `/api/v1/users/${await idOf('gl_admin')}/role`, {
      role: 'analyst',
    });
    expect(self.statusCode).toBe(403);
  });

  it('edits name, phone and unit — only to an open unit of the subtree', async () => {
    const id = await idOf('gl_leader');
    const units = (await call('gl_admin', 'GET', '/api/v1/jurisdictions/320106')).json().units as {
      id: number;
      deptKey: string;
    }[];
    const zhujian = units.find((u) => u.deptKey === 'zhujian')?.id;
    const res = await call('gl_admin', 'PATCH', `/api/v1/users/${id}`, {
      displayName: '王领导',
      phone: '13800000009',
      unitId: zhujian,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed.sort()).toEqual(['displayName', 'phone', 'unitId']);
    const list = (await call('gl_admin', 'GET', '/api/v1/users?pageSize=200')).json();
    expect(list.items.find((u: { id: number }) => u.id === id)).toMatchObject({
      displayName: '王领导',
      phone: '138****0009',
      unitId: zhujian,
    });
    const njUnit = (await call('nj_admin', 'GET', '/api/v1/jurisdictions/320100')).json().units[0].id;
    expect((await call('gl_admin', 'PATCH', `/api/v1/users/${id}`, { unitId: njUnit })).statusCode).toBe(403);
    const nul = await call('gl_admin', 'PATCH', `/api/v1/users/${id}`, { displayName: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    const [row] = await audits('user.update', id);
    expect(row?.summary).toMatchObject({ changed: expect.arrayContaining(['phone', 'unitId']) });
    expect(JSON.stringify(row?.summary)).not.toContain('13800000009');
  });
});

describe('passwords', () => {
  it('an admin’s reset: a temporary password shown once, good only for changing it', async () => {
    const id = await idOf('gl_supervisor');
    const before = await h.login('gl_supervisor');
    const res = await call('gl_admin', 'POST', `/api/v1/users/${id}/password-reset`);
    expect(res.statusCode, res.body).toBe(200);
    const temporary = res.json().temporaryPassword as string;
    expect(temporary).toMatch(/^[a-zA-Z2-9]{14}$/);
    expect((await callWith(before, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    await expect(h.login('gl_supervisor')).rejects.toThrow(/401/);
    const t = await h.login('gl_supervisor', temporary);
    expect((await callWith(t, 'GET', '/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await callWith(t, 'GET', '/api/v1/cases');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const changed = await callWith(t, 'PUT', '/api/v1/me/password', {
      currentPassword: temporary,
      newPassword: 'Gulou-Supervisor-2027',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await callWith(t, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    expect((await callWith(t, 'GET', '/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
    const [row] = await audits('user.reset_password', id);
    expect(JSON.stringify(row?.summary)).not.toContain(temporary);
    expect(await audits('user.password_change', id)).toHaveLength(1);
  });

  it('one’s own change needs the current password and a strong new one; other sessions end', async () => {
    const here = await h.login('gl_reviewer');
    const there = await h.login('gl_reviewer');
    const put = (body: object) => callWith(here, 'PUT', '/api/v1/me/password', body);
    const wrong = await put({ currentPassword: 'not-it-at-all', newPassword: 'Reviewer-New-2027' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    const weak = await put({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.json().error.code).toBe('password_too_short');
    const ok = await put({ currentPassword: DEMO_PASSWORD, newPassword: 'Reviewer-New-2027' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await callWith(here, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await callWith(there, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(await h.login('gl_reviewer', 'Reviewer-New-2027')).toBeTruthy();
    await expect(h.login('gl_reviewer')).rejects.toThrow(/401/);
  });
});
