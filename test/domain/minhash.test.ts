// MinHash signatures: the estimate tracks the exact Jaccard similarity of the shingle sets,
// identical texts score 1, unrelated ones near 0, and LSH buckets collide for near-duplicates.
import { describe, expect, it } from 'vitest';
import { countPetitioners } from '../../src/duplicates/group.ts';
import {
  BANDS,
  estimateJaccard,
  jaccard,
  minhash,
  NUM_PERM,
  shingles,
  signatureOf,
} from '../../src/duplicates/minhash.ts';

const A = '阳光花园小区物业公司未经业主大会同意，从3月起将物业费上调30%，业主多次协商无果，请有关部门核查。';
const A_EDITED =
  '阳光花园小区物业公司没有经过业主大会同意，从3月起将物业费上调30%，业主们多次协商都无果，请有关部门核查处理。';
const B = '本人在某建筑公司承建的工地务工，工程已完工半年，包工头仍拖欠工资，请求帮助追讨。';

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;

describe('shingles', () => {
  it('are jieba content words and Han-character bigrams', () => {
    const s = shingles('物业费上涨');
    expect(s.has('c:物业')).toBe(true);
    expect(s.has('c:上涨')).toBe(true);
    expect([...s].some((x) => x.startsWith('w:'))).toBe(true);
  });
});

describe('MinHash estimate', () => {
  it('is 1 for identical texts and the signature has NUM_PERM values', () => {
    const a = signatureOf('物业费上涨', A, '320106');
    const b = signatureOf('物业费上涨', A, '320106');
    expect(a.minhash).toHaveLength(NUM_PERM);
    expect(a.bands).toHaveLength(BANDS);
    expect(estimateJaccard(a.minhash, b.minhash)).toBe(1);
  });

  it('is near 0 for unrelated texts', () => {
    const a = minhash(shingles(A));
    const b = minhash(shingles(B));
    expect(jaccard(shingles(A), shingles(B))).toBeLessThan(0.05);
    expect(estimateJaccard(a, b)).toBeLessThan(0.1);
  });

  it('tracks the exact Jaccard similarity within sampling error', () => {
    // Pairs of synthetic sets with known overlap: |A ∩ B| = k of 200 each.
    for (const k of [20, 60, 100, 140, 180]) {
      const a = new Set(Array.from({ length: 200 }, (_, i) => `t${i}`));
      const b = new Set(Array.from({ length: 200 }, (_, i) => `t${i + 200 - k}`));
      const exact = jaccard(a, b);
      expect(shared(a, b)).toBe(k);
      const est = estimateJaccard(minhash(a), minhash(b));
      // Standard error √(J(1−J)/96) ≤ 0.051: four of them is a generous bound that still means something.
      expect(Math.abs(est - exact)).toBeLessThan(0.2);
    }
  });

  it('averages to the exact value over many pairs (unbiased)', () => {
    let errSum = 0;
    const n = 40;
    for (let r = 0; r < n; r++) {
      const a = new Set(Array.from({ length: 150 }, (_, i) => `r${r}x${i}`));
      const b = new Set(Array.from({ length: 150 }, (_, i) => `r${r}x${i + 50}`)); // J = 100/200 = 0.5
      errSum += estimateJaccard(minhash(a), minhash(b)) - jaccard(a, b);
    }
    expect(Math.abs(errSum / n)).toBeLessThan(0.03);
  });

  it('scores a lightly edited petition high and shares an LSH bucket with it', () => {
    const a = signatureOf('物业费上涨问题', A, '320106');
    const b = signatureOf('物业费上涨问题', A_EDITED, '320106');
    const exact = jaccard(shingles(`物业费上涨问题\n${A}`), shingles(`物业费上涨问题\n${A_EDITED}`));
    const est = estimateJaccard(a.minhash, b.minhash);
    expect(exact).toBeGreaterThan(0.5);
    expect(Math.abs(est - exact)).toBeLessThan(0.2);
    expect(a.bands.some((x) => b.bands.includes(x))).toBe(true);
  });

  it('puts the county in every bucket: the same text elsewhere shares none', () => {
    const a = signatureOf('物业费上涨问题', A, '320106');
    const b = signatureOf('物业费上涨问题', A, '320102');
    expect(estimateJaccard(a.minhash, b.minhash)).toBe(1);
    expect(a.bands.some((x) => b.bands.includes(x))).toBe(false);
    // A town's code belongs to its county.
    expect(signatureOf('物业费上涨问题', A, '320106001').bands).toEqual(a.bands);
  });

  it('gives a text without Chinese words no buckets and scores it 0', () => {
    const a = signatureOf('123', '456 789', '320106');
    expect(a.bands).toEqual([]);
    expect(estimateJaccard(a.minhash, a.minhash)).toBe(0);
  });
});

describe('distinct petitioners', () => {
  it('joins filings that share any identifier', () => {
    expect(
      countPetitioners([
        { caseId: 1, keys: ['id:a', 'phone:x'] },
        { caseId: 2, keys: ['phone:x'] },
        { caseId: 3, keys: ['id:a', 'phone:y'] },
        { caseId: 4, keys: ['id:b'] },
        { caseId: 5, keys: [] },
      ]),
    ).toBe(3);
  });
});
