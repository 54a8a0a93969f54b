// The demo 登记分类 seed: online petitions registered through intake, classified there; most wait
// for the registrar (待确认), one is confirmed and one changed — and seeding twice adds nothing; the
// suggestion history of past matters, seeded once.
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClassifications, caseEvents, cases, users } from '../../src/db/schema.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { DEMO_CITIZEN } from '../../src/seed/demo.ts';
import { seedIntake } from '../../src/seed/intake.ts';
import { seedSuggestionHistory } from '../../src/seed/suggestionHistory.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar']);
});
afterAll(async () => {
  await h?.close();
});

describe('demo intake seed', () => {
  it('leaves online petitions with suggestions pending, one confirmed and one changed', async () => {
    expect(await seedIntake(h.ctx)).toBe(5);
    const rows = await h.ctx.db
      .select({ status: caseClassifications.status, form: cases.form, code: cases.categoryCode })
      .from(caseClassifications)
      .innerJoin(cases, eq(cases.id, caseClassifications.caseId));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.form === 'online')).toBe(true);
    const pending = rows.filter((r) => r.status === 'pending');
    expect(pending).toHaveLength(3);
    expect(pending.every((r) => r.code === null)).toBe(true);
    expect(rows.filter((r) => r.status !== 'pending').every((r) => r.code !== null)).toBe(true);
    const decided = await h.ctx.db
      .select({ action: caseEvents.action })
      .from(caseEvents)
      .where(eq(caseEvents.public, false));
    expect(decided.filter((e) => e.action.startsWith('category_'))).toHaveLength(2);
    // The registrar's desk shows them as 待确认.
    const id = (
      await h.ctx.db
        .select({ id: caseClassifications.caseId })
        .from(caseClassifications)
        .where(eq(caseClassifications.status, 'pending'))
        .limit(1)
    )[0]?.id;
    const c = await h.app.inject({
      url: `/api/v1/cases/${id}/classification`,
      headers: h.as('gl_registrar'),
    });
    expect(c.json()).toMatchObject({ statusName: '待确认', mayCategorize: true });
    expect(await seedIntake(h.ctx)).toBe(0);
  });

  it('the demo citizen wrote one of them; four residents wrote the others, from their own accounts', async () => {
    const by = await h.ctx.db
      .select({ phoneHash: users.phoneHash, subject: cases.subject })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.petitionerUserId));
    expect(by).toHaveLength(5);
    const own = by.filter((r) => r.phoneHash === h.ctx.pii.hash(DEMO_CITIZEN.phone));
    expect(own.map((r) => r.subject)).toEqual(['小区商品房墙体开裂开发商拒不维修']);
    expect(new Set(by.map((r) => r.phoneHash)).size).toBe(5);
    // Each petition carries its writer's name as the petitioner (decrypted from the case's party).
    const [wages] = await h.ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.subject, '公司拖欠三个月工资'));
    const res = await h.app.inject({ url: `/api/v1/cases/${wages?.id}`, headers: h.as('gl_registrar') });
    expect(res.statusCode, res.body).toBe(200);
    const parties = res.json().parties as { role: string; name: string }[];
    expect(parties.find((p) => p.role === 'petitioner')?.name).toBe('王立新');
  });
});

describe('demo suggestion history', () => {
  it('gives the latest matters of the place the suggestion intake would have kept — once', async () => {
    const before = new Set(
      (await h.ctx.db.select({ id: caseClassifications.caseId }).from(caseClassifications)).map((r) => r.id),
    );
    await seedCases(h.ctx.db, h.ctx.pii, { count: 80, seed: 3, places: { '320106': 1 } });
    expect(await seedSuggestionHistory(h.ctx, { prefix: '320106', days: 730, limit: 10 })).toBe(10);
    const history = (
      await h.ctx.db
        .select({ id: cases.id, status: caseClassifications.status, form: cases.form })
        .from(caseClassifications)
        .innerJoin(cases, eq(cases.id, caseClassifications.caseId))
        .where(isNotNull(cases.categoryCode))
    ).filter((r) => !before.has(r.id));
    expect(history).toHaveLength(10);
    // Online petitions were decided at the desk; letters and visits came with their category.
    for (const r of history)
      expect(r.status, r.form).toEqual(
        r.form === 'online' ? expect.stringMatching(/^(confirmed|changed)$/) : 'given',
      );
    expect(await seedSuggestionHistory(h.ctx, { prefix: '320106', days: 730, limit: 10 })).toBe(0);
  });
});
