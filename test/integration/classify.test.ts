// The routing classifier end to end: the lexicon serves a fresh install; a model trained on real
// messages (../shared/data/train.csv, third-party and unlicensed: read at test time, never
// committed) is stored as a version, served by the API and routes obvious held-out messages right.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrainingCsv } from '../../src/classify/cliInput.ts';
import { stratifiedFolds, train } from '../../src/classify/model.ts';
import { activateVersion, activeClassifier, listModels, saveModel } from '../../src/classify/store.ts';
import { storedTaxonomyPrior } from '../../src/classify/taxonomy.ts';
import { auditLog } from '../../src/db/schema.ts';
import { DEMO_CITIZEN } from '../../src/seed/demo.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';
import { sharedData } from '../helpers/sharedData.ts';

const DATA = sharedData('train.csv');

let h: Harness;
let registrar: string;
beforeAll(async () => {
  h = await startHarness();
  registrar = await h.login('gl_registrar');
  await h.loginAll(['admin']);
});
afterAll(async () => {
  await h?.close();
});

const suggest = (payload: Record<string, unknown>, token = registrar) =>
  h.app.inject({ method: 'POST', url: '/api/v1/classify', headers: bearer(token), payload });

describe('fresh install: the lexicon', () => {
  it('routes obvious texts with no trained model', async () => {
    const a = await suggest({ subject: '小区物业乱收停车费', content: '' });
    expect(a.statusCode).toBe(200);
    expect(a.json().modelVersion).toBe('lexicon');
    expect(a.json().top3[0]).toMatchObject({
      category: '城乡建设',
      code: '010000',
      department: { key: 'zhujian' },
    });
    const b = await suggest({
      subject: '',
      content: '公司拖欠工资半年，多次讨要无果',
      jurisdictionCode: '320106',
    });
    const top = b.json().top3[0];
    expect(top.category).toBe('劳动和社会保障');
    expect(top.department).toMatchObject({
      key: 'renshe',
      unitName: expect.stringContaining('人力资源和社会保障局'),
    });
    expect(b.json().why.map((w: { term: string }) => w.term)).toContain('拖欠工资');
  });

  it('is for staff only and needs a text', async () => {
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/v1/classify', payload: { subject: 'x' } })).statusCode,
    ).toBe(401);
    const citizen = await h.login(DEMO_CITIZEN.phone);
    expect((await suggest({ subject: '小区物业' }, citizen)).statusCode).toBe(403);
    expect((await suggest({ subject: ' ', content: '' })).statusCode).toBe(400);
  });

  it('routing overrides per jurisdiction (admin of that subtree only)', async () => {
    const admin = await h.login('gl_admin');
    const put = (token: string, code: string, body: Record<string, string>) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/v1/classify/routing/${code}`,
        headers: bearer(token),
        payload: body,
      });
    expect((await put(registrar, '320106', { 城乡建设: 'chengguan' })).statusCode).toBe(403);
    expect((await put(admin, '320106', { 城乡建设: 'nope' })).statusCode).toBe(400);
    expect((await put(admin, '320106', { 城乡建设: 'chengguan' })).statusCode).toBe(200);
    const r = await suggest({ subject: '小区物业乱收停车费', jurisdictionCode: '320106' });
    expect(r.json().top3[0].department.key).toBe('chengguan');
    const elsewhere = await suggest({ subject: '小区物业乱收停车费', jurisdictionCode: '320102' });
    expect(elsewhere.json().top3[0].department.key).toBe('zhujian');
  });
});

describe('trained on real messages', () => {
  it('stores a version, serves it, and routes held-out messages', async () => {
    if (!fs.existsSync(DATA)) {
      throw new Error(
        `缺少训练数据 / missing ${DATA}: the classifier test needs ../shared/data/train.csv (see ../shared/data/README.md)`,
      );
    }
    const { texts, labels } = readTrainingCsv(DATA, 'title,body', 'label');
    expect(texts.length).toBeGreaterThan(2000);
    // Train on 2 of 5 stratified folds (about 1,000 messages) to keep the test quick; hold out the rest.
    const fold = stratifiedFolds(labels, 5, 11);
    const trainIdx = [...labels.keys()].filter((i) => (fold[i] as number) < 2);
    const testIdx = [...labels.keys()].filter((i) => (fold[i] as number) >= 2);
    const { model, report } = train(
      trainIdx.map((i) => texts[i] as string),
      trainIdx.map((i) => labels[i] as string),
      { seed: 5 },
    );
    expect(report.seconds).toBeLessThan(60);
    const version = await saveModel(h.ctx.db, model, {
      trainedOn: { file: 'train.csv', rows: trainIdx.length },
    });
    expect(version).toBe(1);
    const audit = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'classifier.train'));
    expect(audit).toHaveLength(1);

    // Held-out accuracy well above chance (7 labels) even on 40 % of the data.
    const { classifier } = await activeClassifier(h.ctx.db);
    const correct = testIdx.filter((i) => classifier.predict(texts[i] as string).top[0]?.label === labels[i]);
    expect(correct.length / testIdx.length).toBeGreaterThan(0.8);

    const cases: [string, string, string][] = [
      ['A市某小区物业乱收停车费', '物业公司未经业主同意占用公共区域收取停车费，业主投诉无门。', '城乡建设'],
      ['公司拖欠员工工资', '我们在A2区某公司上班，公司已经拖欠工资三个月，老板拒不支付。', '劳动和社会保障'],
      ['孩子入学问题', '孩子今年上小学，学区划片不合理，学校不接收。', '教育文体'],
      ['化工厂排放废气', '工厂每天晚上偷排废气，臭味刺鼻，附近居民无法开窗。', '环境保护'],
    ];
    for (const [subject, content, category] of cases) {
      const res = await suggest({ subject, content, jurisdictionCode: '320102' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.modelVersion).toBe(1);
      expect(body.top3).toHaveLength(3);
      expect(body.top3[0].category).toBe(category);
      const sum = body.top3.reduce((s: number, t: { probability: number }) => s + t.probability, 0);
      expect(sum).toBeLessThanOrEqual(1.0001);
      expect(body.top3[0].probability).toBeGreaterThan(body.top3[1].probability);
      for (const t of body.top3) expect(t.department.key).toMatch(/^[a-z]+$/);
      expect(body.why.length).toBeGreaterThan(0);
    }

    // Roll back to the lexicon and forward again.
    await activateVersion(h.ctx.db, 'lexicon');
    expect((await suggest({ subject: '公司拖欠工资' })).json().modelVersion).toBe('lexicon');
    await activateVersion(h.ctx.db, 1);
    expect((await suggest({ subject: '公司拖欠工资' })).json().modelVersion).toBe(1);
    expect((await listModels(h.ctx.db)).map((m) => [m.version, m.active])).toEqual([[1, true]]);
  });
});

describe("the platform's category dictionary as the tree `classify train` learns from", () => {
  it('turns the live second and third levels into prior rows under their first level', async () => {
    expect((await storedTaxonomyPrior(h.ctx.db)).leaves).toBe(0);
    const put = (code: string, name: string) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/v1/categories/dictionary/${code}`,
        headers: h.as('admin'),
        payload: { name },
      });
    for (const [code, name] of [
      ['010100', '城市建设和市政管理'],
      ['010101', '地铁城铁'],
      ['010102', '园林绿化'],
      ['100100', '出租车管理'],
    ] as const) {
      expect((await put(code, name)).statusCode).toBe(200);
    }
    const retired = await h.app.inject({
      method: 'POST',
      url: '/api/v1/categories/dictionary/010102/retire',
      headers: h.as('admin'),
    });
    expect(retired.statusCode).toBe(200);
    const prior = await storedTaxonomyPrior(h.ctx.db);
    expect(prior.version).toBe(5);
    expect(prior.leaves).toBe(2);
    expect(prior.texts).toContain('地铁城铁。城市建设和市政管理 地铁城铁');
    expect(prior.texts).not.toContain('园林绿化。城市建设和市政管理 园林绿化');
    expect(prior.labels[prior.texts.indexOf('出租车管理')]).toBe('交通运输');
  });
});
