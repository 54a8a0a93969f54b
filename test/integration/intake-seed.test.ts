// The demo 登记分类 seed: online petitions registered through intake, classified there; most wait
// for the registrar (待确认), one is confirmed and one changed — and seeding twice adds nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClassifications, caseEvents, cases } from '../../src/db/schema.ts';
import { seedIntake } from '../../src/seed/intake.ts';
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
});
