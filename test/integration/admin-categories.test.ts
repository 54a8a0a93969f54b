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

const load = (user: string, csv: string, dryRun = false) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/categories/dictionary/import',
    headers: h.as(user),
    payload: { csv, dryRun },
  });

describe('importing the official tree', () => {
  // As published: names only, CRLF, a byte-order mark; 住房保障 and 公租房 are in the dictionary already.
  const TREE = [
    '\uFEFF一级分类,二级分类,三级分类',
    '城乡建设,住房保障,公租房',
    '城乡建设,住房保障,棚户区改造',
    '城乡建设,"物业管理, 服务",物业收费',
    '劳动和社会保障,劳动保障,拖欠工资',
  ].join('\r\n');

  it('previews, then loads the tree as one version with codes given, and a second load changes nothing', async () => {
    expect((await load('gl_admin', TREE)).statusCode).toBe(403);
    const before = await read();

    const preview = await load('admin', TREE, true);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      version: before.version,
      unchanged: 2,
      problemCount: 0,
    });
    expect(preview.json().entries.map((e: { code: string; name: string }) => [e.code, e.name])).toEqual([
      ['010102', '棚户区改造'],
      ['010200', '物业管理, 服务'],
      ['010201', '物业收费'],
      ['020100', '劳动保障'],
      ['020101', '拖欠工资'],
    ]);
    expect((await read()).version).toBe(before.version);

    const done = (await load('admin', TREE)).json();
    expect(done).toMatchObject({ dryRun: false, version: before.version + 1 });
    const after = await read();
    expect(after.version).toBe(before.version + 1);
    expect(after.entries.filter((e: { version: number }) => e.version === after.version)).toHaveLength(5);
    expect(after.entries.find((e: { code: string }) => e.code === '010201')).toMatchObject({
      name: '物业收费',
      parentCode: '010200',
      level: 3,
      retired: false,
    });
    const audits = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'category.import'));
    expect(audits.map((a) => a.summary)).toEqual([
      { version: after.version, added: 5, restored: 0, unchanged: 2, retired: 0 },
    ]);

    const again = (await load('admin', TREE)).json();
    expect(again).toMatchObject({ version: after.version, unchanged: 7, entries: [] });
    expect((await read()).version).toBe(after.version);
  });

  it('a retired entry named again comes back; a table with a bad row stores nothing', async () => {
    expect((await retire('admin', '010102')).statusCode).toBe(200);
    const v = (await read()).version;
    const bad = await load(
      'admin',
      '一级分类,二级分类,三级分类\n城乡建设,住房保障,棚户区改造\n不存在的类,某某,\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'category_import_invalid', field: 'csv' });
    expect(bad.json().error.message).toContain('第3行：一级分类“不存在的类”不在平台的内容分类中');
    expect((await read()).version).toBe(v);

    // Restored by hand, it is a restore in the audit log; here it goes back to retired for the import.
    expect((await put('admin', '010102', '棚户区改造')).statusCode).toBe(200);
    expect((await retire('admin', '010102')).statusCode).toBe(200);
    const restores = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'category.restore'));
    expect(restores.map((a) => a.entityId)).toEqual(['010102']);
    const back = (await load('admin', '一级分类,二级分类,三级分类\n城乡建设,住房保障,棚户区改造\n')).json();
    expect(back.entries).toEqual([expect.objectContaining({ code: '010102', change: 'restore' })]);
    expect((await read()).entries.find((e: { code: string }) => e.code === '010102').retired).toBe(false);
  });

  it('answers a file it cannot read with what is wrong', async () => {
    const noHeader = await load('admin', '城乡建设,住房保障\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.code).toBe('category_import_unreadable');
    expect(noHeader.json().error.message).toContain('第一行应为列名');
    expect((await load('admin', '一级分类,二级分类\n')).json().error.code).toBe('category_import_empty');
    expect((await load('admin', '一级分类,二级分类\n"城乡建设,住房\n')).json().error.message).toContain(
      '引号未闭合',
    );
    const notText = await h.app.inject({
      method: 'POST',
      url: '/api/v1/categories/dictionary/import',
      headers: h.as('admin'),
      payload: { csv: 42 },
    });
    expect(notText.statusCode).toBe(400);
  });

  it('a third level comes back only under a second level in use', async () => {
    expect(
      (await load('admin', '一级分类,二级分类,三级分类\n国土资源,不动产登记,补领证书\n')).statusCode,
    ).toBe(200);
    const codes = (await read()).entries.filter((e: { name: string }) =>
      ['不动产登记', '补领证书'].includes(e.name),
    );
    const [second, third] = codes.map((e: { code: string }) => e.code);
    expect((await retire('admin', third)).statusCode).toBe(200);
    expect((await retire('admin', second)).statusCode).toBe(200);
    const orphan = await put('admin', third, '补领证书');
    expect(orphan.statusCode).toBe(409);
    expect(orphan.json().error.code).toBe('category_parent_retired');
    expect((await put('admin', second, '不动产登记')).statusCode).toBe(200);
    expect((await put('admin', third, '补领证书')).statusCode).toBe(200);
  });

  it('replacing a tree: what the new table does not name is kept, or retired when asked, in the same version', async () => {
    // 科技与信息产业 holds an example tree; the province loads its own edition, which keeps one name.
    const example =
      '一级分类,二级分类,三级分类\n科技与信息产业,示例二级,示例三级\n科技与信息产业,保留的二级,\n';
    expect((await load('admin', example)).statusCode).toBe(200);
    const edition =
      '一级分类,二级分类,三级分类\n科技与信息产业,保留的二级,\n科技与信息产业,正式二级,正式三级\n';
    const preview = (await load('admin', edition, true)).json();
    expect(preview.absent.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining(['示例二级', '示例三级']),
    );
    expect(preview.absent.map((e: { name: string }) => e.name)).not.toContain('保留的二级');

    const v = (await read()).version;
    const done = await h.app.inject({
      method: 'POST',
      url: '/api/v1/categories/dictionary/import',
      headers: h.as('admin'),
      payload: { csv: edition, retireAbsent: true },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().version).toBe(v + 1);
    const now = (await read()).entries;
    const byName = (name: string) => now.find((e: { name: string }) => e.name === name);
    expect(byName('示例二级')).toMatchObject({ retired: true, version: v + 1 });
    expect(byName('示例三级')).toMatchObject({ retired: true, version: v + 1 });
    expect(byName('保留的二级')).toMatchObject({ retired: false });
    expect(byName('正式三级')).toMatchObject({ retired: false, version: v + 1 });
    // Every other category's entries were absent too, and retired with them.
    expect(
      now
        .filter((e: { retired: boolean }) => !e.retired)
        .map((e: { name: string }) => e.name)
        .sort(),
    ).toEqual(['保留的二级', '正式三级', '正式二级'].sort());
  });

  it('loads a large table whole (more rows than one statement can bind)', async () => {
    // 商贸旅游: 99 second levels × 99 third levels = 9,900 new entries, ≈ 69,000 parameters.
    const lines = ['一级分类,二级分类,三级分类'];
    for (let a = 1; a <= 99; a++) for (let b = 1; b <= 99; b++) lines.push(`商贸旅游,市场${a},事项${a}-${b}`);
    const res = await load('admin', lines.join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entries).toHaveLength(9900);
    const under = (await read()).entries.filter((e: { code: string }) => e.code.startsWith('11'));
    expect(under).toHaveLength(9900);
    expect(under.at(-1).code).toBe('119999');
  });

  it('two administrators loading at once take turns: two versions, no code given twice', async () => {
    const v = (await read()).version;
    const [a, b] = await Promise.all([
      load('admin', '一级分类,二级分类\n民政,社会救助\n'),
      load('admin', '一级分类,二级分类\n民政,养老服务\n'),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().version, b.json().version].sort((x, y) => x - y)).toEqual([v + 1, v + 2]);
    const codes = (await read()).entries.filter((e: { parentCode: string }) => e.parentCode === '070000');
    expect(codes.map((e: { code: string }) => e.code)).toEqual(['070100', '070200']);
  });
});
