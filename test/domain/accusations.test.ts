import { describe, expect, it } from 'vitest';
import { AccusedInput, accusedRefusal, keptFrom, MAX_ACCUSED } from '../../src/domain/accusations.ts';
import { hiddenFrom, mayHold } from '../../src/policies/hidden.ts';

describe('accusations (检举控告)', () => {
  it('records the accused only on an accusation, at most MAX_ACCUSED', () => {
    expect(accusedRefusal('claim', [{ unitId: 1 }])?.code).toBe('accused_not_accusation');
    expect(accusedRefusal('claim', [])).toBeNull();
    expect(accusedRefusal('accusation', [{ unitId: 1 }])).toBeNull();
    const many = Array.from({ length: MAX_ACCUSED + 1 }, (_, i) => ({ unitId: i + 1 }));
    expect(accusedRefusal('accusation', many)?.code).toBe('too_many_accused');
  });

  it('needs a person or a unit', () => {
    expect(AccusedInput.safeParse({}).success).toBe(false);
    expect(AccusedInput.safeParse({ unitName: '某公司' }).success).toBe(true);
    expect(AccusedInput.safeParse({ personName: '王建国', position: '科长' }).success).toBe(true);
  });

  it('keeps the matter from the platform units named, once each, added to those already kept', () => {
    expect(keptFrom([{ unitId: 5 }, { unitId: null }, { unitId: 3 }, { unitId: 5 }], [7])).toEqual([3, 5, 7]);
    expect(keptFrom([{ unitId: undefined }])).toEqual([]);
  });

  it('a kept-from unit neither sees nor holds the matter; others and citizens are unaffected', () => {
    const c = { hiddenFromUnitIds: [5] };
    expect(hiddenFrom({ unitId: 5 }, c)).toBe(true);
    expect(hiddenFrom({ unitId: 6 }, c)).toBe(false);
    expect(hiddenFrom({ unitId: null }, c)).toBe(false);
    expect(mayHold(5, c)).toBe(false);
    expect(mayHold(6, c)).toBe(true);
    expect(mayHold(null, c)).toBe(true);
  });
});
