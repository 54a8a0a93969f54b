// 接待大厅 over HTTP: counter staff register visitors with the day's queue numbers (one sequence per
// hall), the ID number brings up the visitor's earlier matters at once, a group visit names at most
// five representatives, numbers are called (the next one, or again) and finished or marked left,
// the waiting-room display shows numbers and surnames only, and a duty lawyer's consultation goes
// on the matter's timeline. Who may not do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let caseId = 0;
const ID = '11010519491231002X';

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_registrar', 'gl_leader', 'gl_analyst', 'gl_handler', 'nj_registrar', '13900000001']);
  const res = await post('gl_registrar', '/cases', {
    form: 'visit',
    purpose: 'claim',
    jurisdictionCode: '320106',
    subject: '小区违章搭建长期未拆除',
    content: '小区内违章搭建长期未拆除，影响通行和消防安全，请求依法处理。',
    petitioner: { name: '王某某', idNumber: ID },
  });
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json().caseId;
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
function post(user: string, url: string, payload?: Record<string, unknown>) {
  return h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
}
const visitor = (extra: Record<string, unknown> = {}) => ({
  name: '王某某',
  visitors: 1,
  purpose: '反映违章搭建',
  ...extra,
});

describe('接待大厅: registration and the queue', () => {
  let first = 0;

  it('numbers visitors 1, 2, 3 per hall and day, and shows an ID holder’s earlier matters at once', async () => {
    const a = await post('gl_registrar', '/hall/visits', visitor({ idNumber: ID }));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().visit).toMatchObject({
      queueNo: 1,
      queueLabel: '001',
      status: 'waiting',
      name: '王某某',
    });
    expect(a.json().history.matters.map((m: { id: number }) => m.id)).toContain(caseId);
    first = a.json().visit.id;
    const b = await post('gl_registrar', '/hall/visits', visitor({ name: '李四' }));
    expect(b.json()).toMatchObject({ visit: { queueNo: 2 }, history: null });
    // Another hall (the city's) starts its own numbers.
    const c = await post('nj_registrar', '/hall/visits', visitor({ name: '赵六' }));
    expect(c.json().visit.queueNo).toBe(1);
    const again = await post('gl_registrar', '/hall/visits', visitor({ idNumber: ID }));
    expect(again.json().visit.queueNo).toBe(3);
    // The earlier visit of the day shows as well.
    expect(again.json().history.visits.map((v: { id: number }) => v.id)).toContain(first);
  });

  it('the ID number typed or read alone looks up the visitor; a bad number is a clear 400', async () => {
    const r = await post('gl_registrar', '/hall/lookup', { idNumber: ID });
    expect(r.statusCode).toBe(200);
    expect(r.json().matters[0]).toMatchObject({ id: caseId, stateName: expect.any(String) });
    expect(r.json().idNumber).not.toContain('19491231');
    const bad = await post('gl_registrar', '/hall/lookup', { idNumber: '110105194912310021' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('idNumber');
    expect((await post('gl_leader', '/hall/lookup', { idNumber: ID })).statusCode).toBe(403);
  });

  it('a group visit names 1–5 representatives: six are refused, none for 20 people is refused', async () => {
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `代表${'甲乙丙丁戊己'[i]}` }));
    const six = await post(
      'gl_registrar',
      '/hall/visits',
      visitor({ visitors: 20, representatives: reps(6) }),
    );
    expect(six.statusCode).toBe(400);
    expect(six.json().error).toMatchObject({
      code: 'hall_too_many_representatives',
      field: 'representatives',
    });
    const none = await post('gl_registrar', '/hall/visits', visitor({ visitors: 20 }));
    expect(none.json().error.code).toBe('hall_representatives_required');
    const ok = await post(
      'gl_registrar',
      '/hall/visits',
      visitor({ visitors: 20, representatives: reps(5) }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().visit).toMatchObject({ visitors: 20, queueNo: 4 });
    expect(ok.json().visit.representatives).toHaveLength(5);
    // Nothing half-stored: the refused ones took no number.
    const queue = (await get('gl_registrar', '/hall/queue')).json().items;
    expect(queue.map((v: { queueNo: number }) => v.queueNo)).toEqual([1, 2, 3, 4]);
  });

  it('calls the next number to a window, finishes it with its matter, marks another left', async () => {
    const called = await post('gl_registrar', '/hall/call-next', { counter: '3号窗口' });
    expect(called.json().visit).toMatchObject({ id: first, status: 'called', counter: '3号窗口' });
    const second = await post('gl_registrar', '/hall/call-next', { counter: '1号窗口' });
    expect(second.json().visit.queueNo).toBe(2);
    const waitingFinish = await post('gl_registrar', `/hall/visits/${first + 10_000}/finish`, {});
    expect(waitingFinish.statusCode).toBe(404);
    const done = await post('gl_registrar', `/hall/visits/${first}/finish`, { caseId });
    expect(done.json().visit).toMatchObject({ status: 'done', caseId });
    expect(
      (await post('gl_registrar', `/hall/visits/${first}/call`, { counter: '3号窗口' })).statusCode,
    ).toBe(409);
    const left = await post('gl_registrar', `/hall/visits/${second.json().visit.id}/leave`);
    expect(left.json().visit.status).toBe('left');
    // Another hall's visit is not found from here.
    const theirs = (await get('nj_registrar', '/hall/queue')).json().items[0].id;
    expect((await post('gl_registrar', `/hall/visits/${theirs}/call`, { counter: '1' })).statusCode).toBe(
      404,
    );
  });

  it('the waiting-room display shows numbers, windows and surnames only', async () => {
    const d = await get('gl_analyst', '/hall/display');
    expect(d.statusCode).toBe(200);
    const body = d.json();
    expect(body.called[0]).toMatchObject({ queueLabel: '002', counter: '1号窗口', name: '李*' });
    expect(body.called[1]).toMatchObject({ queueLabel: '001', name: '王**' });
    expect(body.waiting).toBe(2);
    expect(body.nextUp).toEqual(['003', '004']);
    expect(d.body).not.toContain('王某某');
    expect(d.body).not.toContain(ID);
    // The analyst sees the display, not the queue with its names.
    const q = (await get('gl_analyst', '/hall/queue')).statusCode;
    expect(q).toBe(403);
  });

  it('departments and citizens have no hall', async () => {
    expect((await post('gl_handler', '/hall/visits', visitor())).statusCode).toBe(403);
    expect((await get('13900000001', '/hall/display')).statusCode).toBe(403);
  });
});

describe('接待大厅: the lawyers on duty', () => {
  it('a roster of lawyers per day, and a consultation recorded on the matter', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const duty = await post('gl_leader', '/hall/lawyers', {
      day: today,
      lawyerName: '陈律师',
      firm: '江苏某某律师事务所',
      specialty: '房产拆迁',
    });
    expect(duty.statusCode, duty.body).toBe(201);
    const twice = await post('gl_leader', '/hall/lawyers', {
      day: today,
      lawyerName: '陈律师',
      firm: '江苏某某律师事务所',
    });
    expect(twice.statusCode).toBe(409);
    expect(
      (await post('gl_analyst', '/hall/lawyers', { day: today, lawyerName: '周律师', firm: '某所' }))
        .statusCode,
    ).toBe(403);
    const noTarget = await post('gl_registrar', '/hall/consultations', {
      dutyId: duty.json().id,
      advice: '建议走行政复议',
    });
    expect(noTarget.json().error.code).toBe('hall_consultation_target');
    const c = await post('gl_registrar', '/hall/consultations', {
      dutyId: duty.json().id,
      caseId,
      advice: '违章搭建属城管执法范围，建议依法向综合行政执法部门申请查处。',
    });
    expect(c.statusCode, c.body).toBe(201);
    const roster = (await get('gl_registrar', `/hall/lawyers?from=${today}&to=${today}`)).json().items;
    expect(roster).toEqual([expect.objectContaining({ lawyerName: '陈律师', consultations: 1 })]);
    const timeline = (await get('gl_registrar', `/cases/${caseId}`)).json().timeline as {
      label: string;
      detail: { lawyer?: string };
    }[];
    const entry = timeline.find((e) => e.label === '法律顾问接待咨询');
    expect(entry?.detail.lawyer).toBe('陈律师（江苏某某律师事务所）');
  });
});
