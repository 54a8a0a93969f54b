import { describe, expect, it } from 'vitest';
import { honestCrossValidate, trainSelected } from '../../src/classify/honest.ts';
import { train } from '../../src/classify/model.ts';
import { TOY } from '../helpers/toyCorpus.ts';

const rows = [...TOY, ...TOY];
const texts = rows.map(([t]) => t);
const labels = rows.map(([, l]) => l);
const UNLABELED = ['公司拖欠工资不发', '学校补课费太高', '工厂废气污染严重', '工资被拖欠半年', '老师乱收费'];

describe('training options measured in docs/classifier.md (all off by default)', () => {
  it('self-training adds confident pseudo-labels, capped per label', () => {
    const r = trainSelected(texts, labels, {
      grid: [{ C: 1 }],
      train: { minDf: 1, calibrationFolds: 2 },
      selfTrain: { unlabeled: UNLABELED, threshold: 0.01, rounds: 1, perClassRatio: 0.1 },
    });
    // Every unlabelled text clears p ≥ 0.01; the cap is 0.1 × 10 labelled rows = 1 per label.
    const pseudo = r.selfTraining?.pseudo ?? {};
    expect(Object.values(pseudo).every((n) => n <= 1)).toBe(true);
    expect(Object.values(pseudo).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(r.model.predict('公司拖欠员工工资').top[0]?.label).toBe('劳动');
    expect(r.report.temperature).toBeGreaterThan(0);
  });

  it('the honest estimate reports the pseudo-labels of every outer fold', () => {
    const r = honestCrossValidate(texts, labels, {
      folds: 3,
      innerFolds: 2,
      grid: [{ C: 1 }],
      train: { minDf: 1 },
      selfTrain: { unlabeled: UNLABELED, threshold: 0.5, rounds: 2 },
    });
    expect(r.pseudo).toHaveLength(3);
    expect(r.macroF1.folds).toHaveLength(3);
  });

  it('complement NB alone, added to the SVMs, and split word/character SVMs all learn the toy set', () => {
    for (const opts of [{ cnbOnly: true }, { cnb: 0.5 }, { split: true }]) {
      const { model } = train(texts, labels, { minDf: 1, calibrationFolds: 0, ...opts });
      expect(model.predict('公司拖欠员工工资').top[0]?.label).toBe('劳动');
      expect(model.predict('化工厂排放废气').top[0]?.label).toBe('环境');
    }
  });
});
