// 分类建议模型 (GET /api/v1/classify/models, POST …/models/active): the stored versions with what they
// were trained on and which serves, the built-in lexicon last; the province administrator puts
// another into service (audited, the suggestion follows at once), nobody else may, and a version
// never stored is a plain 404.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { train } from '../../src/classify/model.ts';
import { saveModel } from '../../src/classify/store.ts';
import { suggestRouting } from '../../src/classify/suggest.ts';
import { auditLog, units } from '../../src/db/schema.ts';
import { DAILY_PASSES, runPasses } from '../../src/jobs/passes.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['admin', 'nj_admin', 'gl_registrar', '13900000001']);
});
afterAll(async () => {
  await h?.close();
});

const models = (user: string) => h.app.inject({ url: '/api/v1/classify/models', headers: h.as(user) });
const activate = (user: string, version: unknown) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/classify/models/active',
    headers: h.as(user),
    payload: { version },
  });
const suggestedBy = async () =>
  (
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/classify',
      headers: h.as('gl_registrar'),
      payload: { subject: '公司拖欠工资', content: '老板拖欠三个月工资' },
    })
  ).json().modelVersion;

describe('the classifier versions on the console', () => {
  it('lists the stored versions and the lexicon; the province administrator switches between them', async () => {
    const texts = ['公司拖欠工资三个月', '老板拖欠农民工工资', '学校乱收补课费', '幼儿园收费太高'];
    const labels = ['劳动和社会保障', '劳动和社会保障', '教育文体', '教育文体'];
    const { model } = train(texts, labels, { seed: 1, calibrationFolds: 0, minDf: 1 });
    await saveModel(h.ctx.db, model, {
      trainedOn: { file: 'cases-2025.csv', rows: 4, labels: { 劳动和社会保障: 2, 教育文体: 2 } },
      metrics: { selectionMacroF1: [0.81, 0.86] },
    });
    await saveModel(h.ctx.db, model, {
      trainedOn: {
        file: 'cases-2026.csv',
        rows: 4,
        labels: { 劳动和社会保障: 2, 教育文体: 2 },
        taxonomy: { source: 'taxonomy.csv', leaves: 3, rows: 4 },
      },
    });

    const list = await models('gl_registrar');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        version: 2,
        name: 'v2',
        active: true,
        file: 'cases-2026.csv',
        rows: 4,
        taxonomy: 'taxonomy.csv',
        estimate: null,
      }),
      expect.objectContaining({
        version: 1,
        active: false,
        file: 'cases-2025.csv',
        labels: ['劳动和社会保障', '教育文体'],
        estimate: 0.86,
      }),
      expect.objectContaining({ version: 'lexicon', name: '内置关键词表', active: false, rows: null }),
    ]);
    expect(await suggestedBy()).toBe(2);

    // Two online petitions classified by version 2; the registrar decides one of them.
    const petition = async (subject: string) =>
      (
        await h.register('13900000001', {
          form: 'online',
          purpose: 'claim',
          subject,
          content: `${subject}，请有关部门处理。`,
          jurisdictionCode: '320106',
        })
      ).caseId as number;
    const waiting = await petition('老板拖欠工资');
    const decided = await petition('学校乱收补课费');
    await h.settle();
    const decide = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${decided}/category`,
      headers: h.as('gl_registrar'),
      payload: { categoryCode: '060000' },
    });
    expect(decide.statusCode, decide.body).toBe(200);
    const versionOf = async (caseId: number) =>
      (
        await h.app.inject({ url: `/api/v1/cases/${caseId}/classification`, headers: h.as('gl_registrar') })
      ).json().suggestion.modelVersion;
    expect([await versionOf(waiting), await versionOf(decided)]).toEqual(['2', '2']);

    // Back to version 1: it serves at once, and the audit log names who did it.
    const back = await activate('admin', 1);
    expect(back.statusCode, back.body).toBe(200);
    expect(
      back.json().items.map((m: { version: unknown; active: boolean }) => [m.version, m.active]),
    ).toEqual([
      [2, false],
      [1, true],
      ['lexicon', false],
    ]);
    expect(await suggestedBy()).toBe(1);
    // The matter still 待确认 now carries version 1's suggestion; the decided one keeps what it was shown.
    expect([await versionOf(waiting), await versionOf(decided)]).toEqual(['1', '2']);
    const [row] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'classifier.activate'), eq(auditLog.entityId, 'category@1')));
    expect(row?.actorRole).toBe('admin');
    expect(row?.actorUserId).not.toBeNull();

    const lexicon = await activate('admin', 'lexicon');
    expect(lexicon.json().items.at(-1)).toMatchObject({ version: 'lexicon', active: true });
    expect(await suggestedBy()).toBe('lexicon');
    expect(await versionOf(waiting)).toBe('lexicon');

    // A model stored from the command line serves at once; the daily pass renews what is still pending.
    await saveModel(h.ctx.db, model, { trainedOn: { file: 'cases-2027.csv', rows: 4 } });
    expect(await versionOf(waiting)).toBe('lexicon');
    const [renewal] = await runPasses(
      h.ctx,
      new Date(),
      undefined,
      DAILY_PASSES.filter((p) => p.job === 'intake_reclassify'),
    );
    expect(renewal).toMatchObject({ job: 'intake_reclassify', result: { reclassified: 1 } });
    expect(await versionOf(waiting)).toBe('3');
    await activate('admin', 'lexicon');
  });

  it('refuses anyone but the province administrator, a version never stored and a bad version', async () => {
    const city = await activate('nj_admin', 1);
    expect(city.statusCode).toBe(403);
    expect(city.json().error.message).toBe('只有省级管理员可以启用分类建议模型');
    expect((await activate('gl_registrar', 1)).statusCode).toBe(403);
    expect((await models('13900000001')).statusCode).toBe(403);
    const missing = await activate('admin', 9);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({
      code: 'model_not_found',
      message: '没有版本 9 / no stored version 9',
    });
    expect((await activate('admin', 0)).statusCode).toBe(400);
    expect((await activate('admin', 'latest')).statusCode).toBe(400);
    // Nothing changed: the lexicon still serves.
    expect(await suggestedBy()).toBe('lexicon');
  });

  it('a renewal pass over several places routes each matter to its own place’s units, as registering it would', async () => {
    // The pass reads each place's routing once (passRouting): a matter must still get its own
    // place's 人社 unit, not the one of the place before it.
    const places = ['320106', '320102', '320106', '320211', '320102'];
    const ids: number[] = [];
    for (const [i, place] of places.entries()) {
      const r = await h.register('13900000001', {
        form: 'online',
        purpose: 'claim',
        subject: `老板拖欠工资${i + 1}`,
        content: '公司拖欠三个月工资，请人社部门处理。',
        jurisdictionCode: place,
      });
      ids.push(r.caseId as number);
    }
    await h.settle();
    const { model } = train(
      ['公司拖欠工资三个月', '老板拖欠农民工工资', '学校乱收补课费', '幼儿园收费太高'],
      ['劳动和社会保障', '劳动和社会保障', '教育文体', '教育文体'],
      { seed: 1, calibrationFolds: 0, minDf: 1 },
    );
    const version = await saveModel(h.ctx.db, model, { trainedOn: { file: 'cases-2028.csv', rows: 4 } });
    const [renewal] = await runPasses(
      h.ctx,
      new Date(),
      undefined,
      DAILY_PASSES.filter((p) => p.job === 'intake_reclassify'),
    );
    // These five, and the first test's matter still 待确认.
    expect(renewal).toMatchObject({ result: { reclassified: places.length + 1 } });
    const placeOfUnit = new Map(
      (await h.ctx.db.select({ id: units.id, code: units.jurisdictionCode }).from(units)).map((u) => [
        u.id,
        u.code,
      ]),
    );
    for (const [i, caseId] of ids.entries()) {
      const c = (
        await h.app.inject({ url: `/api/v1/cases/${caseId}/classification`, headers: h.as('admin') })
      ).json();
      expect(c.suggestion.modelVersion).toBe(String(version));
      const first = c.suggestion.top3[0];
      expect(first.category).toBe('劳动和社会保障');
      expect(placeOfUnit.get(first.department.unitId), `${places[i]}: ${first.department.unitName}`).toBe(
        places[i],
      );
      // The same three suggestions as one registration there gets now.
      const live = await suggestRouting(h.ctx.db, {
        subject: `老板拖欠工资${i + 1}`,
        content: '公司拖欠三个月工资，请人社部门处理。',
        jurisdictionCode: places[i],
      });
      expect(c.suggestion.top3).toEqual(live.top3);
    }
    await activate('admin', 'lexicon');
  });
});
