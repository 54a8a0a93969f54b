import { describe, expect, it } from 'vitest';
import {
  chainOf,
  cityOf,
  countyOf,
  isWithin,
  levelOf,
  ownUnitsAndAbove,
  prefixOf,
  provinceOf,
} from '../../src/domain/jurisdictions.ts';

// One module for the GB/T 2260 code rules every capability uses (scope prefixes, settings
// inheritance, whose supervisors hear of a warning, which experts a bureau may call on).
describe('jurisdiction codes', () => {
  it('knows the level of province, city, county and town codes', () => {
    expect(['320000', '320100', '320106', '320106001'].map(levelOf)).toEqual([1, 2, 3, 4]);
  });

  it('scopes a subtree by its prefix', () => {
    expect(['320000', '320100', '320106', '320106001'].map(prefixOf)).toEqual([
      '32',
      '3201',
      '320106',
      '320106001',
    ]);
    // 南京市 (3201) must not take in 苏州市 (3205), nor 鼓楼区 its neighbour 玄武区.
    expect('320502'.startsWith(prefixOf('320100'))).toBe(false);
    expect('320102'.startsWith(prefixOf('320106'))).toBe(false);
  });

  it('finds the county, city and province a place lies in', () => {
    expect([countyOf('320106001'), cityOf('320106001'), provinceOf('320106001')]).toEqual([
      '320106',
      '320100',
      '320000',
    ]);
    expect(cityOf('320000')).toBe('320000');
  });

  it('lists the chain from the province down, without repeats', () => {
    expect(chainOf('320106001')).toEqual(['320000', '320100', '320106', '320106001']);
    expect(chainOf('320106')).toEqual(['320000', '320100', '320106']);
    expect(chainOf('320100')).toEqual(['320000', '320100']);
    expect(chainOf('320000')).toEqual(['320000']);
  });
});

describe('a place’s own overdue units and those above it', () => {
  it('keeps the units seated in the place and counts the overdue of the others', () => {
    const rows = [
      { unitJurisdictionCode: '320106', overdue: 2 },
      { unitJurisdictionCode: '320100', overdue: 1 },
      { unitJurisdictionCode: '320106001', overdue: 1 },
      { unitJurisdictionCode: '320000', overdue: 3 },
    ];
    expect(ownUnitsAndAbove(rows, '320106')).toEqual({ own: [rows[0], rows[2]], overdueAbove: 4 });
    expect(ownUnitsAndAbove(rows, '320100')).toEqual({ own: rows.slice(0, 3), overdueAbove: 3 });
    expect(ownUnitsAndAbove(rows, '320000').overdueAbove).toBe(0);
    expect(isWithin('320106001', '320100')).toBe(true);
    expect(isWithin('320206', '320100')).toBe(false);
  });
});
