import { describe, expect, it } from 'vitest';
import { commonSuperior, crossTypesOf, pendingCoUnits } from '../../src/domain/cohandling.ts';

describe('co-handling (会办) and 三跨三分离', () => {
  it('finds the common superior jurisdiction', () => {
    expect(commonSuperior(['320106'])).toBe('320106');
    expect(commonSuperior(['320106', '320106'])).toBe('320106');
    expect(commonSuperior(['320106', '320102'])).toBe('320100');
    expect(commonSuperior(['320106', '320205'])).toBe('320000');
    expect(commonSuperior(['320100', '320106'])).toBe('320100');
    expect(commonSuperior(['320106001', '320106002'])).toBe('320106');
  });

  it('derives 跨地区 and 跨部门 and keeps the separations given, in table order, once each', () => {
    expect(crossTypesOf(['320106', '320106'])).toEqual(['cross_department']);
    expect(crossTypesOf(['320106', '320102'], ['separated_all', 'cross_region'])).toEqual([
      'cross_region',
      'cross_department',
      'separated_all',
    ]);
  });

  it('lists the co-units still to file', () => {
    const rows = [
      { unit: 'a', feedbackAt: null },
      { unit: 'b', feedbackAt: new Date() },
    ];
    expect(pendingCoUnits(rows).map((r) => r.unit)).toEqual(['a']);
  });
});
