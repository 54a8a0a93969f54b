// 权益保障卡号 at a visit (来访): validated with a Chinese message, stored encrypted with the
// petitioner, shown on the case detail in full to the roles that see ID numbers, masked to others.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties } from '../../src/db/schema.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};

const register = (form: string, rightsCardNo?: string, name = '王五') =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: bearer(t.gl_registrar ?? ''),
    payload: {
      form,
      subject: `来访反映工资拖欠问题（${name}）`,
      content: '来访人反映其在某工地务工，工资被拖欠三个月，请求协调解决。',
      jurisdictionCode: '320106',
      petitioner: {
        name,
        phone: `138${[...name].length}2223333`.slice(0, 11),
        ...(rightsCardNo ? { rightsCardNo } : {}),
      },
    },
  });

beforeAll(async () => {
  h = await startHarness();
  for (const u of ['gl_registrar', 'gl_supervisor']) t[u] = await h.login(u);
});
afterAll(async () => {
  await h?.close();
});

describe('权益保障卡号', () => {
  it('is kept with a visit, encrypted, and shown on the detail by role', async () => {
    const res = await register('visit', 'JS-3201060012345');
    expect(res.statusCode).toBe(201);
    const { caseId } = res.json();
    const [row] = await h.ctx.db.select().from(caseParties).where(eq(caseParties.caseId, caseId));
    expect(row?.rightsCardEnc).toBeTruthy();
    expect(row?.rightsCardEnc).not.toContain('3201060012345');

    const detail = (user: string) =>
      h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: bearer(t[user] ?? '') }).then((r) => r.json());
    expect((await detail('gl_registrar')).parties[0].rightsCardNo).toBe('JS-3201060012345');
    expect((await detail('gl_supervisor')).parties[0].rightsCardNo).toBe('JS-3********2345');
  });

  it('is optional, and absent on matters without one', async () => {
    // Another visitor (the same one again would be a repeat of the first matter).
    const res = await register('visit', undefined, '赵六一');
    expect(res.statusCode).toBe(201);
    const d = (
      await h.app.inject({ url: `/api/v1/cases/${res.json().caseId}`, headers: bearer(t.gl_registrar ?? '') })
    ).json();
    expect(d.parties[0].rightsCardNo).toBeNull();
  });

  it('is refused with a Chinese message when malformed or not at a visit', async () => {
    const bad = await register('visit', '卡号12');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/权益保障卡号应为6到30位字母、数字或“-”$/);
    const letter = await register('letter', 'JS3201060012345');
    expect(letter.statusCode).toBe(400);
    expect(letter.json().error).toMatchObject({
      code: 'rights_card_visit_only',
      message: '权益保障卡号仅在登记来访时填写',
    });
  });
});
