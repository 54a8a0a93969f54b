// Formula injection in exports: text that a spreadsheet program could take for a formula gets an
// apostrophe in front; everything else is written as it is.
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, safeCell } from '../../src/exports/cells.ts';

describe('neutraliseFormula', () => {
  it('prefixes text starting with = + - @, tab or carriage return', () => {
    for (const s of ['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")']) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    }
  });
  it('keeps other text, and numbers, dates and empty cells as they are', () => {
    for (const s of ['反映噪声问题', '320106', 'a=1', ' =1', '', "'=1"]) expect(neutraliseFormula(s)).toBe(s);
    const d = new Date();
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(d)).toBe(d);
    expect(safeCell(null)).toBe(null);
    expect(safeCell('=1')).toBe("'=1");
  });
});
