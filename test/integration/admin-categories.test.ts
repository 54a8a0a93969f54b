// 内容分类二、三级: a versioned dictionary the province administrator edits. Every change is a new
// version; an old version reads as it was; a retired code keeps its name for the matters filed
// under it; every change is audited.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['admin', 'gl_admin', 'gl_registrar', '13900000001']);
});
afterAll(async () => {
  await h?.close();
});

const put = (user: string, code: string, name: string) =>
  h.app.inject({
    method: 'PUT',
    url: `/api/v1/categories/dictionary/${code}`,
    headers: h.as(user),
    payload: { name },
  });
const retire = (user: string, code: string) =>
  h.app.inject({ method: 'POST', url: `/api/v1/categories/dictionary/${code}/retire`, headers: h.as(user) });
const read = async (version?: number) =>
  (
    await h.app.inject({
      url: `/api/v1/categories/dictionary${version === undefined ? '' : `?version=${version}`}`,
      headers: h.as('gl_registrar'),
    })
  ).json();

describe('category dictionary', () => {
  it('adds second and third levels under existing parents only', async () => {
    expect((await read()).entries).toEqual([]);
    expect((await put('admin', '010100', '住房保障')).json()).toEqual({ code: '010100', version: 1 });
    expect((await put('admin', '010101', '公租房分配')).json().version).toBe(2);
    const orphan = await put('admin', '010201', '无上级');
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.code).toBe('category_parent_unknown');
    expect((await put('admin', '150100', '一级已撤销')).json().error.code).toBe('category_parent_unknown');
    expect((await put('admin', '010000', '一级')).json().error.code).toBe('category_code_invalid');
    expect((await put('admin', '01010x', '坏代码')).statusCode).toBe(400);
    expect((await put('admin', '010102', '名\u0000称')).statusCode).toBe(400);
  });

  it('only the province administrator edits; staff read; citizens do not', async () => {
    expect((await put('gl_admin', '010102', '廉租房')).statusCode).toBe(403);
    expect((await put('gl_registrar', '010102', '廉租房')).statusCode).toBe(403);
    const citizen = await h.app.inject({
      url: '/api/v1/categories/dictionary',
      headers: h.as('13900000001'),
    });
    expect(citizen.statusCode).toBe(403);
  });

  it('renames and retires as new versions; an old version reads as it was', async () => {
    expect((await put('admin', '010101', '公共租赁住房分配')).json().version).toBe(3);
    const parentBusy = await retire('admin', '010100');
    expect(parentBusy.statusCode).toBe(409);
    expect(parentBusy.json().error.code).toBe('category_has_children');
    expect((await retire('admin', '010101')).json().version).toBe(4);
    expect((await retire('admin', '010101')).statusCode).toBe(409);

    const now = await read();
    expect(now.version).toBe(4);
    expect(now.entries).toEqual([
      expect.objectContaining({
        code: '010100',
        level: 2,
        parentCode: '010000',
        name: '住房保障',
        retired: false,
      }),
      expect.objectContaining({
        code: '010101',
        level: 3,
        parentCode: '010100',
        name: '公共租赁住房分配',
        retired: true,
      }),
    ]);
    const v2 = await read(2);
    expect(v2.entries.find((e: { code: string }) => e.code === '010101')).toMatchObject({
      name: '公租房分配',
      retired: false,
    });
    expect((await read(0)).entries).toEqual([]);

    const history = (
      await h.app.inject({
        url: '/api/v1/categories/dictionary/010101/history',
        headers: h.as('gl_registrar'),
      })
    ).json().items;
    expect(history.map((x: { version: number }) => x.version)).toEqual([4, 3, 2]);

    // Back in use under a new name.
    expect((await put('admin', '010101', '公租房')).json().version).toBe(5);
    expect((await read()).entries[1]).toMatchObject({ name: '公租房', retired: false });

    const audits = await h.ctx.db.select().from(auditLog).where(eq(auditLog.entity, 'category'));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'category.add',
      'category.add',
      'category.rename',
      'category.rename',
      'category.retire',
    ]);
  });
});
