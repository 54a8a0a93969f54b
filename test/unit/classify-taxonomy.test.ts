import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/classify/csv.ts';
import { crossValidate } from '../../src/classify/evaluate.ts';
import { honestCrossValidate, trainSelected } from '../../src/classify/honest.ts';
import {
  dictionaryPrior,
  TAXONOMY_COPIES,
  taxonomyPrior,
  taxonomySourceFor,
} from '../../src/classify/taxonomy.ts';
import { planTreeImport, treeRows } from '../../src/domain/admin/categoryImport.ts';
import { TOY } from '../helpers/toyCorpus.ts';

const CSV = [
  'level1,level2,level3',
  '教育,公共文化,图书馆开放时间',
  '环境,大气污染,',
  '010000,城市建设,地铁城铁',
  ',,孤儿',
].join('\n');

describe('the official classification tree as prior rows', () => {
  it('turns each leaf into a labelled text, codes into names, and skips rows without a category', () => {
    const p = taxonomyPrior(CSV);
    expect(p.leaves).toBe(3);
    expect(p.texts).toHaveLength(3 * TAXONOMY_COPIES);
    expect(p.texts[0]).toBe('图书馆开放时间。公共文化 图书馆开放时间');
    expect(p.texts[TAXONOMY_COPIES]).toBe('大气污染'); // a second-level row without a third level
    expect(p.labels.at(-1)).toBe('城乡建设');
    expect(() => taxonomyPrior('一级,二级\n环境,污染')).toThrow(/level1/);
  });

  it("reads the platform's own dictionary: live third levels, and second levels without one", () => {
    const e = (code: string, name: string, retired = false) => ({
      code,
      parentCode: code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`,
      level: code.endsWith('00') ? 2 : 3,
      name,
      retired,
    });
    const p = dictionaryPrior([
      e('010100', '城市建设和市政管理'),
      e('010101', '地铁城铁'),
      e('010102', '已停用的三级', true),
      e('100100', '出租车管理'), // no third level: the second level is the leaf
      e('100200', '已停用的二级', true),
    ]);
    expect(p.leaves).toBe(2);
    expect(new Set(p.texts)).toEqual(new Set(['地铁城铁。城市建设和市政管理 地铁城铁', '出租车管理']));
    expect(new Set(p.labels)).toEqual(new Set(['城乡建设', '交通运输']));
  });

  it('a tree loaded in the console (导入分类体系) gives the same prior rows as the file itself', () => {
    const csv = [
      'level1,level2,level3',
      '教育文体,公共文化,图书馆开放时间',
      '环境保护,大气污染,',
      '010000,城市建设和市政管理,地铁城铁',
      '城乡建设,城市建设和市政管理,公交站台',
    ].join('\n');
    const table = treeRows(parseCsvRecords(csv));
    if (!('rows' in table)) throw new Error(table.error);
    const loaded = planTreeImport(table.rows, []).entries.map((e) => ({ ...e, retired: false }));
    const pairs = (p: { texts: readonly string[]; labels: readonly string[] }) =>
      p.texts.map((t, i) => `${p.labels[i]}|${t}`).sort();
    expect(pairs(dictionaryPrior(loaded))).toEqual(pairs(taxonomyPrior(csv)));
    expect(dictionaryPrior(loaded).leaves).toBe(4);
  });

  it('uses the file named, the dictionary when named, none with --no-taxonomy, else taxonomy.csv beside the training file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taxonomy-'));
    const input = path.join(dir, 'cases.csv');
    // Nothing beside: `classify train` falls back to the dictionary, `classify eval` to nothing.
    expect(taxonomySourceFor(undefined, input, true)).toEqual({ kind: 'dictionary', asked: false });
    expect(taxonomySourceFor(undefined, input, false)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'taxonomy.csv'), CSV);
    const beside = { kind: 'file', file: path.join(dir, 'taxonomy.csv') };
    expect(taxonomySourceFor(undefined, input, true)).toEqual(beside);
    expect(taxonomySourceFor(undefined, input, false)).toEqual(beside);
    expect(taxonomySourceFor(false, input, true)).toBeUndefined();
    expect(taxonomySourceFor('dictionary', input, false)).toEqual({ kind: 'dictionary', asked: true });
    expect(taxonomySourceFor('/srv/tree.csv', input, true)).toEqual({ kind: 'file', file: '/srv/tree.csv' });
  });

  it('teaches a topic no labelled row names, and never adds a label the data lacks', () => {
    const texts = TOY.map(([t]) => t);
    const labels = TOY.map(([, l]) => l);
    const opts = { grid: [{}], train: { minDf: 1, calibrationFolds: 0 } };
    const plain = trainSelected(texts, labels, opts);
    const prior = taxonomyPrior(CSV);
    const taught = trainSelected(texts, labels, { ...opts, prior });
    const pOf = (m: typeof plain.model, text: string) =>
      m.predict(text).top.find((t) => t.label === '教育')?.probability ?? 0;
    const text = '图书馆开放时间';
    expect(plain.model.predict(text).top[0]?.label).not.toBe('教育');
    expect(taught.model.predict(text).top[0]?.label).toBe('教育');
    expect(pOf(taught.model, text)).toBeGreaterThan(pOf(plain.model, text));
    // 城乡建设 is not a label of the data: its leaf is left out, the labels stay the data's.
    expect([...taught.model.labels]).toEqual([...plain.model.labels]);
    expect(taught.report.priorRows).toBe(2 * TAXONOMY_COPIES);
  });

  it('joins every training part but is never scored', () => {
    const rows = [...TOY, ...TOY];
    const texts = rows.map(([t], i) => `${t}${'，'.repeat(i % 2)}`);
    const labels = rows.map(([, l]) => l);
    const prior = taxonomyPrior(CSV);
    const honest = honestCrossValidate(texts, labels, {
      folds: 3,
      innerFolds: 2,
      grid: [{}],
      train: { minDf: 1 },
      prior,
    });
    const support = Object.values(honest.perLabel).reduce((s, v) => s + v.support, 0);
    expect(support).toBe(rows.length);
    const plain = crossValidate(texts, labels, { folds: 3, train: { minDf: 1, calibrationFolds: 0 }, prior });
    expect(plain.rows).toBe(rows.length);
  });
});
