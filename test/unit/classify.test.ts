import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrainingCsv } from '../../src/classify/cliInput.ts';
import { parseCsv, parseCsvObjects } from '../../src/classify/csv.ts';
import { scoreLabels } from '../../src/classify/evaluate.ts';
import {
  featureTokens,
  fitIdVocabulary,
  TokenTable,
  vectorizeIds,
  words,
} from '../../src/classify/features.ts';
import { LEXICON, LEXICON_LABELS, LexiconClassifier } from '../../src/classify/lexicon.ts';
import { fitTemperature, LinearModel, softmax, stratifiedFolds, train } from '../../src/classify/model.ts';
import { DEFAULT_ROUTING, DEPARTMENT_KEYS, departmentKey } from '../../src/classify/routing.ts';
import { TOY } from '../helpers/toyCorpus.ts';

describe('CSV parser', () => {
  it('reads quoted fields with commas, newlines, doubled quotes, CRLF and a BOM', () => {
    const text = '\uFEFFid,title,body\r\n1,"a, b","line1\nline2 ""q"""\r\n2,plain,\r\n\r\n3,"",x';
    expect(parseCsv(text)).toEqual([
      ['id', 'title', 'body'],
      ['1', 'a, b', 'line1\nline2 "q"'],
      ['2', 'plain', ''],
      ['3', '', 'x'],
    ]);
    const { header, rows } = parseCsvObjects('a,b\n1\n');
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([{ a: '1', b: '' }]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
  });
});

describe('features', () => {
  it('drops stop words, punctuation and digits; adds character n-grams', () => {
    const ws = words('我们小区的物业，2019年乱收停车费！');
    expect(ws).toContain('物业');
    expect(ws).not.toContain('的');
    expect(ws.some((w) => /\d|，|！/.test(w))).toBe(false);
    const toks = featureTokens('物业收费');
    expect(toks).toEqual(expect.arrayContaining(['w:物业', 'c:物', 'c:物业', 'c:物业收', 'c:业收费']));
  });

  it('counts the opening (the subject) three times, the rest once; models stored before it: once', () => {
    const text = `小区物业乱收停车费问题长期得不到解决。${'业主多次向社区反映无人处理'.repeat(3)}`;
    const count = (toks: string[], t: string) => toks.filter((x) => x === t).length;
    const toks = featureTokens(text);
    // 停车费 is within the first 20 characters (the subject, 19), 社区 only after them (3 times).
    expect(count(toks, 'c:停车费')).toBe(3);
    expect(count(toks, 'w:社区')).toBe(3);
    expect(count(toks, 'c:物业')).toBe(3);
    const before = featureTokens(text, { charMin: 1, charMax: 3, wordPairs: true });
    expect(count(before, 'c:停车费')).toBe(1);
    expect(count(before, 'w:社区')).toBe(3);
  });

  it('TF-IDF vectors are L2-normalised over the vocabulary with min df', () => {
    const table = new TokenTable();
    const docs = [
      ['a', 'a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
    ].map((d) => table.intern(d));
    const vocab = fitIdVocabulary(docs, table.strings.length, { minDf: 2 });
    expect(Array.from(vocab.tokens, (t) => table.strings[t]).sort()).toEqual(['a', 'b']);
    const x = vectorizeIds(vocab, docs[0] as Int32Array);
    const norm = Math.hypot(...x.val);
    expect(norm).toBeCloseTo(1, 5);
    // a occurs twice: sublinear tf 1 + ln 2; b has the higher idf only if rarer — both df 2 here.
    expect((x.val[0] as number) / (x.val[1] as number)).toBeCloseTo(1 + Math.log(2), 4);
  });
});

describe('linear model', () => {
  it('learns a toy problem, explains itself, is deterministic and survives serialisation', () => {
    const texts = TOY.map(([t]) => t);
    const labels = TOY.map(([, l]) => l);
    const a = train(texts, labels, { minDf: 1, calibrationFolds: 0, seed: 3 });
    const b = train(texts, labels, { minDf: 1, calibrationFolds: 0, seed: 3 });
    const p = a.model.predict('公司拖欠员工工资');
    expect(p.top[0]?.label).toBe('劳动');
    expect(p.top).toHaveLength(3);
    expect(p.top.reduce((s, t) => s + t.probability, 0)).toBeCloseTo(1, 6);
    expect(p.why.map((w) => w.term).join(' ')).toMatch(/工资|拖欠/);
    expect(a.model.predict('学校收费').top[0]?.label).toBe('教育');
    expect(a.model.serialize().equals(b.model.serialize())).toBe(true);
    const back = LinearModel.deserialize(a.model.serialize());
    expect(back.predict('河道污水').top).toEqual(a.model.predict('河道污水').top);
  });

  it('fits a temperature from held-out folds', () => {
    const texts = [...TOY, ...TOY].map(([t]) => t);
    const labels = [...TOY, ...TOY].map(([, l]) => l);
    const { report } = train(texts, labels, { minDf: 1, calibrationFolds: 2 });
    expect(report.temperature).toBeGreaterThan(0);
    expect(Number.isFinite(report.temperature)).toBe(true);
  });

  it('temperature: sharper when the scores are right, flatter when they are not', () => {
    const right = [
      [2, 0],
      [0, 2],
    ];
    expect(fitTemperature(right, [0, 1])).toBeLessThan(0.1);
    const mixed = [
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 1],
    ];
    const t = fitTemperature(mixed, [0, 1, 1, 0]);
    expect(t).toBeGreaterThan(5);
    expect(softmax([1, 0], t)[0]).toBeCloseTo(0.5, 1);
  });

  it('stratified folds spread every label evenly', () => {
    const labels = [...'aaaaaaaaaabbbbbccc'];
    const fold = stratifiedFolds(labels, 3, 1);
    for (const l of 'abc') {
      const per = [0, 1, 2].map((f) => labels.filter((x, i) => x === l && fold[i] === f).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
  });

  it('scores: accuracy, per-label F1 and their mean', () => {
    const r = scoreLabels(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(r.accuracy).toBe(0.75);
    expect(r.perLabel.a).toEqual({ precision: 1, recall: 0.5, f1: 0.6667, support: 2 });
    expect(r.perLabel.b?.f1).toBe(0.8);
    expect(r.macroF1).toBeCloseTo((0.6667 + 0.8) / 2, 3);
  });
});

describe('lexicon default and routing', () => {
  const lex = new LexiconClassifier();
  it.each([
    ['小区物业乱收停车费', '城乡建设'],
    ['公司拖欠工资', '劳动和社会保障'],
    ['化工厂夜间偷排废气，臭味严重', '环境保护'],
    ['孩子上小学划片入学不合理', '教育文体'],
    ['村干部贪污扶贫款，优亲厚友', '纪检监察'],
    ['低保申请一直没有批下来', '民政'],
    ['医院乱收费，医生态度差', '卫生计生'],
    ['公交线路停运，乘客出行不便', '交通运输'],
    ['派出所不给办理户口', '政法'],
    ['宅基地被村里强行征地', '国土资源'],
    ['手机信号差，宽带网速慢', '科技与信息产业'],
    ['健身房办卡后老板跑路不退款', '商贸旅游'],
  ])('%s → %s', (text, category) => {
    const p = lex.predict(text);
    expect(p.top[0]?.label).toBe(category);
    expect(p.why.length).toBeGreaterThan(0);
    expect(p.top.reduce((s, t) => s + t.probability, 0)).toBeLessThanOrEqual(1);
  });

  it('is unsure without evidence', () => {
    const p = lex.predict('你好');
    expect(p.top[0]?.probability).toBeLessThan(0.1);
  });

  it('covers the 15 categories with 20–60 terms each, all routed to real departments', () => {
    expect(LEXICON_LABELS).toHaveLength(15);
    for (const c of LEXICON_LABELS) {
      expect(LEXICON[c].length).toBeGreaterThanOrEqual(20);
      expect(LEXICON[c].length).toBeLessThanOrEqual(60);
      expect(DEPARTMENT_KEYS.has(DEFAULT_ROUTING[c] ?? '')).toBe(true);
    }
    expect(departmentKey(DEFAULT_ROUTING, '城乡建设', '路边摊贩占道经营')).toBe('chengguan');
    expect(departmentKey(DEFAULT_ROUTING, '城乡建设', '物业收费')).toBe('zhujian');
    expect(departmentKey(DEFAULT_ROUTING, '未知类别')).toBe('xinfang');
  });
});

describe('training CSV labels', () => {
  it('turns category codes into names and keeps labels of the bureau’s own', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-labels-'));
    const file = path.join(dir, 'cases.csv');
    fs.writeFileSync(
      file,
      'subject,category\n物业乱收费,010000\n拖欠工资,劳动和社会保障\n小区停车,物业专项\n',
    );
    try {
      expect(readTrainingCsv(file, 'subject', 'category').labels).toEqual([
        '城乡建设',
        '劳动和社会保障',
        '物业专项',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
