import { describe, expect, it } from 'vitest';
import { groupedStratifiedFolds, groupStats, nearDuplicateGroups } from '../../src/classify/groups.ts';
import { honestCrossValidate, repeatedHonestCrossValidate, spread } from '../../src/classify/honest.ts';
import { train } from '../../src/classify/model.ts';
import { tuneOffsets } from '../../src/classify/thresholds.ts';
import { TOY } from '../helpers/toyCorpus.ts';

const BASE = [
  ['小区物业公司乱收停车费，业主多次投诉无人处理', '城建'],
  ['公司拖欠员工工资三个月，老板拒不支付', '劳动'],
  ['学校老师在校外办补习班收取高额补课费', '教育'],
  ['化工厂夜间偷排废气，附近居民无法开窗', '环境'],
] as const;

describe('near-duplicate groups', () => {
  it('joins re-posts of one message and keeps different messages apart', () => {
    const texts = [
      BASE[0][0],
      `${BASE[0][0]}。`, // a re-post with one more character
      BASE[1][0],
      BASE[2][0],
      `${BASE[2][0]}，请教育局查处`, // a longer follow-up: Jaccard below 0.8
    ];
    const g = nearDuplicateGroups(texts, 0.8);
    expect(g[0]).toBe(g[1]);
    expect(new Set([g[0], g[2], g[3]]).size).toBe(3);
    expect(groupStats(g)).toMatchObject({ groups: 1, rowsInGroups: 2, largest: 2 });
    // At a lower threshold the follow-up joins its first message.
    const loose = nearDuplicateGroups(texts, 0.5);
    expect(loose[3]).toBe(loose[4]);
  });

  it('grouped folds never split a group and still spread every label', () => {
    const labels: string[] = [];
    const groups: number[] = [];
    for (let i = 0; i < 60; i++) {
      labels.push(i % 3 === 0 ? 'a' : 'b');
      groups.push(i < 12 ? Math.floor(i / 3) * 3 : i); // four groups of three rows
    }
    const fold = groupedStratifiedFolds(labels, groups, 3, 7);
    for (let i = 0; i < 12; i++) expect(fold[i]).toBe(fold[Math.floor(i / 3) * 3]);
    for (const l of ['a', 'b']) {
      const per = [0, 1, 2].map((f) => labels.filter((x, i) => x === l && fold[i] === f).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(3);
    }
  });
});

describe('class offsets and spread', () => {
  it('an offset rescues a class its scores always put second', () => {
    // Class 1 is always the runner-up by 0.2: without an offset it is never predicted.
    const scores = [
      [1, 0.8],
      [1, 0.8],
      [1, 0.5],
      [1, 0.5],
    ];
    const off = tuneOffsets(scores, [1, 1, 0, 0], 2);
    const pred = scores.map((s) =>
      (s[1] as number) + (off[1] as number) > (s[0] as number) + (off[0] as number) ? 1 : 0,
    );
    expect(pred).toEqual([1, 1, 0, 0]);
  });

  it('spread gives mean, sample std and range', () => {
    expect(spread([0.8, 0.9, 1])).toEqual({ mean: 0.9, std: 0.1, min: 0.8, max: 1, folds: [0.8, 0.9, 1] });
  });
});

describe('selection and the honest estimate', () => {
  it('train chooses one grid entry on its calibration folds and reports why', () => {
    const texts = [...TOY, ...TOY].map(([t]) => t);
    const labels = [...TOY, ...TOY].map(([, l]) => l);
    const { model, report } = train(texts, labels, {
      minDf: 1,
      calibrationFolds: 2,
      grid: [{ C: 0.5 }, { C: 2 }],
    });
    expect([{ C: 0.5 }, { C: 2 }]).toContainEqual(report.chosen);
    expect(report.selectionScores).toHaveLength(2);
    expect(model.predict('公司拖欠员工工资').top[0]?.label).toBe('劳动');
  });

  it('reports the macro-F1 of every outer fold with its spread', () => {
    const rows = [...TOY, ...TOY, ...TOY];
    const r = honestCrossValidate(
      rows.map(([t], i) => `${t}${'，'.repeat(i % 3)}`),
      rows.map(([, l]) => l),
      { folds: 3, innerFolds: 2, grid: [{ C: 1 }], train: { minDf: 1 } },
    );
    expect(r.macroF1.folds).toHaveLength(3);
    expect(r.macroF1.min).toBeLessThanOrEqual(r.macroF1.mean);
    expect(r.macroF1.max).toBeGreaterThanOrEqual(r.macroF1.mean);
    // Each toy text appears three times (punctuation differs): one group each, never split.
    expect(r.nearDuplicates).toMatchObject({ groups: 15, rowsInGroups: 45 });
    expect(r.chosen).toEqual([{ C: 1 }, { C: 1 }, { C: 1 }]);
  });

  it('repeats the estimate over several fold splits: the spread covers every fold of every split', () => {
    const rows = [...TOY, ...TOY, ...TOY];
    const texts = rows.map(([t], i) => `${t}${'，'.repeat(i % 3)}`);
    const labels = rows.map(([, l]) => l);
    const opts = { folds: 3, innerFolds: 2, grid: [{ C: 1 }], train: { minDf: 1 }, seed: 4 };
    const r = repeatedHonestCrossValidate(texts, labels, { ...opts, repeats: 2 });
    const second = honestCrossValidate(texts, labels, { ...opts, seed: 5, train: { minDf: 1, seed: 5 } });
    expect(r.repeats).toBe(2);
    expect(r.macroF1.folds).toHaveLength(6);
    expect(r.macroF1.folds.slice(3)).toEqual(second.macroF1.folds);
    expect(r.repeatMeans[1]).toBe(second.macroF1.mean);
    expect(r.chosen).toHaveLength(6);
  });
});
