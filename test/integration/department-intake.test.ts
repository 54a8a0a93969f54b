// A department registers a petition sent straight to it (《信访工作条例》: every organ that receives
// one registers it): it holds the matter — accepts, handles, replies — while the petition bureau
// of its jurisdiction stays in charge and sees it; other departments do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let caseId = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_handler', 'gl_registrar', 'gl_supervisor', 'gl_analyst', 'nj_handler']);
});
afterAll(async () => {
  await h?.close();
});

const letter = {
  form: 'letter',
  purpose: 'claim',
  subject: '小区违建长期未拆除',
  content: '来信反映小区内违法搭建长期未拆除，请求住建部门依法处理。',
  jurisdictionCode: '320106',
  petitioner: { name: '李四', phone: '13812340099' },
};
const register = (user: string, payload: object = letter) =>
  h.app.inject({ method: 'POST', url: '/api/v1/cases', headers: h.as(user), payload });
const detail = (user: string) => h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: h.as(user) });

describe('a department registers the petitions it receives', () => {
  it('the 住建局 handler registers a letter and holds it; the county bureau is in charge', async () => {
    const res = await register('gl_handler');
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
    const d = (await detail('gl_handler')).json();
    expect(d.state).toBe('registered');
    expect(d.units.registering.name).toBe('鼓楼区住房和城乡建设局');
    expect(d.units.current.name).toBe('鼓楼区住房和城乡建设局');
    expect(d.units.bureau.name).toBe('鼓楼区信访局');
    expect(d.availableActions.map((a: { action: string }) => a.action)).toContain('accept');
  });

  it('the department accepts and replies; the bureau sees it, another department does not', async () => {
    await h.act('gl_handler', caseId, 'accept');
    await h.act('gl_handler', caseId, 'reply', {
      outcome: 'supported',
      request: '拆除违建',
      facts: '经现场核查属实',
      reasons: '违反规划管理规定',
      decision: '责令限期拆除',
    });
    expect((await detail('gl_handler')).json().state).toBe('replied');
    expect((await detail('gl_supervisor')).statusCode).toBe(200);
    expect((await detail('nj_handler')).statusCode).toBe(404);
  });

  it('staff who do not register are refused with a clear message', async () => {
    const res = await register('gl_analyst');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
