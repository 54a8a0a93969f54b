// The scope of a bureau is counted in disjoint parts (policies.caseScopeParts); "outside the
// subtree" is bounded by the subtree prefix plus one in decimal, so it must carry over nines
// (盐城市 is 3209: the codes after its subtree start at 3210, not at '320:').
import { describe, expect, it } from 'vitest';
import { nextDecimal } from '../../src/policies/index.ts';

describe('nextDecimal', () => {
  it('gives the first code after a jurisdiction subtree', () => {
    expect(nextDecimal('3201')).toBe('3202');
    expect(nextDecimal('320106')).toBe('320107');
    expect(nextDecimal('3209')).toBe('3210');
    expect(nextDecimal('3299')).toBe('3300');
  });
  it('has no upper bound when every digit is a nine', () => {
    expect(nextDecimal('99')).toBeNull();
  });
});
