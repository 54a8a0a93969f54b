// 导入分类体系: codes for the names of a tree table, kept stable across loads and never reusing a
// retired entry's number.
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/classify/csv.ts';
import { nextChildCode, suggestSubcategory } from '../../src/domain/admin/categories.ts';
import { type KnownEntry, planTreeImport, treeRows } from '../../src/domain/admin/categoryImport.ts';

const rows = (...r: [string, string, string][]) =>
  r.map(([level1, level2, level3], i) => ({ line: i + 2, level1, level2, level3 }));

describe('planning a tree import', () => {
  it('numbers new second levels under their category and third levels under them, in table order', () => {
    const plan = planTreeImport(
      rows(
        ['城乡建设', '安全生产', '事故处理'],
        ['城乡建设', '安全生产', '安全隐患'],
        ['城乡建设', '住房保障', ''],
        ['010000', '住房保障', '公租房'],
        ['环境保护', '大气污染', '餐饮油烟'],
      ),
      [],
    );
    expect(plan.problems).toEqual([]);
    expect(plan.entries.map((e) => [e.code, e.name, e.change])).toEqual([
      ['010100', '安全生产', 'add'],
      ['010101', '事故处理', 'add'],
      ['010102', '安全隐患', 'add'],
      ['010200', '住房保障', 'add'],
      ['010201', '公租房', 'add'],
      ['130100', '大气污染', 'add'],
      ['130101', '餐饮油烟', 'add'],
    ]);
    expect(plan.entries[1]).toMatchObject({ parentCode: '010100', level: 3 });
  });

  it('keeps the codes the dictionary has, restores a retired name and never reuses a retired number', () => {
    const known: KnownEntry[] = [
      { code: '010100', parentCode: '010000', level: 2, name: '安全生产', retired: false },
      { code: '010101', parentCode: '010100', level: 3, name: '事故处理', retired: false },
      { code: '010102', parentCode: '010100', level: 3, name: '旧名称', retired: true },
      { code: '010103', parentCode: '010100', level: 3, name: '安全隐患', retired: true },
    ];
    const plan = planTreeImport(
      rows(
        ['城乡建设', '安全生产', '事故处理'],
        ['城乡建设', '安全生产', '安全隐患'],
        ['城乡建设', '安全生产', '安全生产管理'],
      ),
      known,
    );
    expect(plan.entries.map((e) => [e.code, e.name, e.change])).toEqual([
      ['010103', '安全隐患', 'restore'],
      ['010104', '安全生产管理', 'add'],
    ]);
    expect(plan.unchanged).toBe(2); // 安全生产 and 事故处理

    // The same table again, once loaded, changes nothing.
    const loaded = [
      ...known.filter((e) => e.code !== '010103'),
      ...plan.entries.map((e) => ({ ...e, retired: false })),
    ];
    const again = planTreeImport(
      rows(['城乡建设', '安全生产', '安全隐患'], ['城乡建设', '安全生产', '安全生产管理']),
      loaded,
    );
    expect(again.entries).toEqual([]);
    expect(again.unchanged).toBe(3);
  });

  it('lists the entries in use the table does not name; a named third level names its second', () => {
    const known: KnownEntry[] = [
      { code: '010100', parentCode: '010000', level: 2, name: '安全生产', retired: false },
      { code: '010101', parentCode: '010100', level: 3, name: '事故处理', retired: false },
      { code: '010102', parentCode: '010100', level: 3, name: '安全隐患', retired: false },
      { code: '010103', parentCode: '010100', level: 3, name: '已停用', retired: true },
      { code: '010200', parentCode: '010000', level: 2, name: '示例', retired: false },
    ];
    const plan = planTreeImport(rows(['城乡建设', '安全生产', '事故处理']), known);
    expect(plan.absent).toEqual([
      { code: '010102', name: '安全隐患', level: 3 },
      { code: '010200', name: '示例', level: 2 },
    ]);
  });

  it('names each row it cannot take, by its line', () => {
    const plan = planTreeImport(
      rows(
        ['未知类别', '某某', ''],
        ['城乡建设', '', '孤立三级'],
        ['', '', ''],
        ['城乡建设', `长${'名'.repeat(40)}`, ''],
        ['城乡建设', '带\u0007响铃', ''],
      ),
      [],
    );
    expect(plan.problems).toEqual([
      { line: 2, message: '一级分类“未知类别”不在平台的内容分类中' },
      { line: 3, message: '缺少二级分类' },
      { line: 5, message: expect.stringContaining('超过40个字') },
      { line: 6, message: expect.stringContaining('不可见字符') },
    ]);
    expect(plan.entries).toEqual([]);
  });

  it('the console adds one entry by the same rule: after any number a child has had, none past 99', () => {
    const under = (parentCode: string, ...codes: string[]) => codes.map((code) => ({ code, parentCode }));
    expect(nextChildCode([], '010000')).toBe('010100');
    expect(nextChildCode(under('010000', '010100', '010300'), '010000')).toBe('010400');
    expect(nextChildCode(under('010100', '010101', '010102'), '010100')).toBe('010103');
    expect(nextChildCode(under('010100', '010199'), '010100')).toBeNull();
  });

  it('stops at 99 entries under one parent', () => {
    const many = Array.from(
      { length: 100 },
      (_, i) => ['教育文体', `二级${i}`, ''] as [string, string, string],
    );
    const plan = planTreeImport(rows(...many), []);
    expect(plan.entries).toHaveLength(99);
    expect(plan.entries.at(-1)?.code).toBe('069900');
    expect(plan.problems).toEqual([{ line: 101, message: '二级分类“二级99”放不下：同一上级下最多99个' }]);
  });
});

describe('reading the table', () => {
  it('takes Chinese or English column names in any order; the third level is optional', () => {
    expect(treeRows(parseCsvRecords('二级分类,一级分类\n安全生产,城乡建设\n'))).toEqual({
      rows: [{ line: 2, level1: '城乡建设', level2: '安全生产', level3: '' }],
    });
    expect(treeRows(parseCsvRecords('level1,level2,level3\r\n城乡建设,安全生产,事故处理'))).toMatchObject({
      rows: [{ level3: '事故处理' }],
    });
  });

  it('numbers rows by their line in the file, past blank lines and quoted line breaks', () => {
    const csv = '一级分类,二级分类\n\n城乡建设,"安全\n生产"\r\n\r\n未知,某某\n';
    const table = treeRows(parseCsvRecords(csv));
    expect(table).toMatchObject({ rows: [{ line: 3 }, { line: 6 }] });
    if ('rows' in table)
      expect(planTreeImport(table.rows, []).problems).toEqual([
        { line: 3, message: '二级分类“安全\n生产”含有不可见字符' }, // a name is one line
        { line: 6, message: '一级分类“未知”不在平台的内容分类中' },
      ]);
  });

  it('says what a header lacks', () => {
    expect(treeRows(parseCsvRecords('名称,代码\n'))).toEqual({
      error: expect.stringContaining('缺少一级分类、二级分类'),
    });
    expect(treeRows([])).toEqual({ error: '文件是空的' });
  });
});

describe('suggesting a 细分类 from the text', () => {
  const entry = (code: string, name: string, retired = false) => ({
    code,
    parentCode: code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`,
    level: code.endsWith('00') ? 2 : 3,
    name,
    retired,
  });
  const dictionary = [
    entry('010100', '物业管理'),
    entry('010101', '物业收费'),
    entry('010102', '维修基金', true),
    entry('010200', '房屋征收'),
    entry('020100', '拖欠工资'),
  ];

  it('names the third level the text mentions before its second level, and says which words', () => {
    expect(
      suggestSubcategory(dictionary, '010000', '小区物业管理混乱，物业收费标准不公开，业主不满'),
    ).toEqual({ code: '010101', label: '物业管理 / 物业收费', matched: '物业收费' });
    expect(suggestSubcategory(dictionary, '010000', '物业管理公司不作为')).toMatchObject({ code: '010100' });
  });

  it('only within the matter’s category, never a retired entry, nothing when no name appears', () => {
    expect(suggestSubcategory(dictionary, '010000', '公司拖欠工资三个月')).toBeNull();
    expect(suggestSubcategory(dictionary, '010000', '维修基金被挪用')).toBeNull();
    expect(suggestSubcategory(dictionary, '020000', '公司拖欠工资三个月')).toMatchObject({ code: '020100' });
  });
});
