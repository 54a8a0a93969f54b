// Anonymous letters (匿名信, issue 11 item 6): staff register a letter or call with no name; nobody
// is notified or given a query code, nobody rates it, yet it is classified, handled, replied to,
// kept on file and counted in the totals (src/domain/anonymity.ts).
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, outbox } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { runDeadlineSweep } from '../../src/jobs/deadlines.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let zhujian = 0;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['13900000001', 'gl_registrar', 'gl_handler', 'gl_analyst']);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
});
afterAll(async () => {
  await h?.close();
});

const letter = {
  form: 'letter',
  purpose: 'accusation',
  categoryCode: '010000',
  subject: '举报某工地夜间违规施工',
  content: '某小区旁工地长期夜间施工，噪声扰民严重，请有关部门查处。',
  jurisdictionCode: '320106',
  anonymous: true,
};
const register = (user: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: h.as(user), payload });
const detail = async (id: number) =>
  (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: h.as('gl_registrar') })).json();
const totals = async (from: string, to: string) => {
  const res = await h.app.inject({
    url: `/api/v1/analytics/indicators?from=${from}&to=${to}&scope=320106`,
    headers: h.as('gl_analyst'),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().totals as { total: number; ratable: number; rated: number };
};
const today = () => shanghaiDate(new Date());
const later = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('who may register a matter anonymously', () => {
  it('a citizen online never: 400 with a Chinese message, nothing stored', async () => {
    const before = (await h.ctx.db.select({ id: cases.id }).from(cases)).length;
    const res = await register('13900000001', { ...letter, form: 'online' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'anonymous_not_allowed',
      message: '网上信访须实名提出，不能匿名',
    });
    expect((await h.ctx.db.select({ id: cases.id }).from(cases)).length).toBe(before);
  });

  it('a registrar may not register a visit as anonymous: the visitor is there', async () => {
    const res = await register('gl_registrar', { ...letter, form: 'visit' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('anonymous_form');
  });

  it("a department's handler registers an anonymous letter it received; a registrar an anonymous call", async () => {
    const dept = await register('gl_handler', { ...letter, subject: '匿名反映小区违建' });
    expect(dept.statusCode, dept.body).toBe(201);
    expect(dept.json().queryCode).toBeUndefined();
    const call = await register('gl_registrar', { ...letter, form: 'phone', subject: '匿名来电反映噪声' });
    expect(call.statusCode, call.body).toBe(201);
    expect((await detail(call.json().caseId)).flags.anonymous).toBe(true);
  });

  it('without the mark, a letter with no petitioner is still refused', async () => {
    const res = await register('gl_registrar', { ...letter, anonymous: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('missing_petitioner');
  });
});

describe('an anonymous letter from registration to the archive', () => {
  let id = 0;
  let caseNumber = '';
  let before = { total: 0, ratable: 0, rated: 0 };

  it('is registered (201) with no query code shown and no SMS queued', async () => {
    before = await totals(today(), today());
    const res = await register('gl_registrar', letter);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    id = r.caseId;
    caseNumber = r.caseNumber;
    expect(r.queryCode).toBeUndefined();
    expect(await h.ctx.db.select().from(outbox).where(eq(outbox.caseId, id))).toEqual([]);
    const d = await detail(id);
    expect(d.flags.anonymous).toBe(true);
    const [row] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(row?.categoryCode).toBe('010000');
    expect(d.parties).toEqual([
      { role: 'petitioner', name: '匿名', idNumber: null, phone: null, address: null, rightsCardNo: null },
    ]);
  });

  it('is listed as 匿名 and counted in the total', async () => {
    const named = await register('gl_registrar', {
      ...letter,
      anonymous: undefined,
      subject: '反映小区供暖不达标',
      petitioner: { name: '钱七', phone: '13811114444' },
    });
    expect(named.statusCode, named.body).toBe(201);
    const list = (
      await h.app.inject({ url: '/api/v1/cases?flag=anonymous', headers: h.as('gl_registrar') })
    ).json();
    expect(list.items.map((c: { caseNumber: string }) => c.caseNumber)).toContain(caseNumber);
    expect(list.items.every((c: { flags: { anonymous: boolean } }) => c.flags.anonymous)).toBe(true);
    expect(list.items.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain(
      named.json().caseNumber,
    );
    const after = await totals(today(), today());
    expect(after.total - before.total).toBe(2); // this letter and the named one
  });

  it('is accepted, assigned, replied to and kept on file, with nothing sent', async () => {
    await h.act('gl_registrar', id, 'accept');
    await h.act('gl_registrar', id, 'assign', { targetUnitId: zhujian, instructions: '请依法查处' });
    await h.act('gl_handler', id, 'reply', {
      outcome: 'supported',
      request: '请求查处夜间施工',
      facts: '经查，该工地确有夜间违规施工。',
      reasons: '依据环境噪声污染防治有关规定。',
      decision: '已责令停止夜间施工并处罚款。',
    });
    const d = await h.act('gl_handler', id, 'deliver', { method: 'other' });
    expect(d.state).toBe('delivered');
    expect(d.evaluation.status).toBeNull();
    expect(d.availableActions.map((a: { action: string }) => a.action)).not.toContain('rate');
    expect(d.deadlines.map((x: { clock: string }) => x.clock)).not.toContain('evaluation');
    // The documents are addressed to 匿名信访人 and rendered as any other.
    const docs = d.documents as { kind: string; id: number }[];
    expect(docs.map((x) => x.kind)).toEqual(
      expect.arrayContaining(['acceptance_notice', 'handling_opinion']),
    );
    for (const doc of docs) {
      const res = await h.app.inject({
        url: `/api/v1/cases/${id}/documents/${doc.id}`,
        headers: h.as('gl_registrar'),
      });
      expect(res.statusCode, doc.kind).toBe(200);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
      // Addressed to 匿名信访人, kept on file.
      if (doc.kind === 'handling_opinion') expect(text).toContain('匿名信访人：');
    }
    expect(await h.ctx.db.select().from(outbox).where(eq(outbox.caseId, id))).toEqual([]);
  });

  it('cannot be rated, even recorded by the registrar', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      headers: h.as('gl_registrar'),
      payload: { action: 'rate', bureauRating: 'satisfied', unitRating: 'satisfied' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('40 days later the sweep closes it without marking it 超期未评价 or counting it as ratable', async () => {
    const span = [today(), shanghaiDate(later(45))] as const;
    const ratableBefore = (await totals(...span)).ratable;
    await runDeadlineSweep(h.ctx, later(41));
    const [row] = await h.ctx.db.select().from(cases).where(eq(cases.id, id));
    expect(row?.evaluationStatus).toBeNull();
    expect(row?.state).toBe('closed');
    const expired = await h.ctx.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.action, 'deadline')));
    expect(expired.filter((e) => (e.detail as { kind?: string }).kind === 'evaluation_expired')).toEqual([]);
    const after = await totals(...span);
    expect(after.ratable).toBe(ratableBefore);
    expect(after.rated).toBe(0);
  });
});
