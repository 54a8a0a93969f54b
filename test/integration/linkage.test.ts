// 联席会议、部门联动 over HTTP: 鼓楼区's conference has its seven member bodies by default; a matter
// of each type goes to the bodies the table names (and no other); a public-order referral goes to
// 鼓楼区公安局, whose own staff file the feedback; the bureau asks for more, then closes it; the case
// timeline shows each step; counts by type and body; who may not see or do what. Then 跨省协作: a
// cooperation record with letters both ways and its outcome.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkageReferrals } from '../../src/db/schema.ts';
import { REFERRAL_RULES, REFERRAL_TYPES } from '../../src/domain/linkage/referrals.ts';
import { DEMO_CITIZEN, onlinePetition } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let caseId = 0;
let gonganUnit = 0;

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const timelineLabels = async (id: number) =>
  (await get('gl_supervisor', `/cases/${id}`)).json().timeline.map((e: { label: string }) => e.label);

async function newCase(subject: string): Promise<number> {
  const { caseId } = await h.register(
    DEMO_CITIZEN,
    onlinePetition(subject, { content: `${subject}，多次反映未果，情绪激动。` }),
  );
  await h.act('gl_registrar', caseId, 'accept');
  return caseId;
}

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'gl_leader',
    'gl_admin',
    'gl_analyst',
    'nj_supervisor',
    'js_leader',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  gonganUnit = units.find((u: { name: string }) => u.name === '鼓楼区公安局').id;
  // A handler of 鼓楼区公安局 (警信联动): the member body's own staff.
  const created = await post('gl_admin', '/users', {
    username: 'gl_police',
    password: 'Police@2026x',
    role: 'handler',
    unitId: gonganUnit,
    displayName: '公安联络员',
  });
  expect(created.statusCode).toBe(201);
  await h.loginAll(['gl_police'], 'Police@2026x');
  caseId = await newCase('小区停车纠纷多次冲突');
});
afterAll(async () => {
  await h?.close();
});

describe('联席会议成员单位', () => {
  it('a county conference has the seven default bodies, named by place, 公安 and 民政 tied to their units', async () => {
    const res = await get('gl_supervisor', '/linkage/members');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { body: string; name: string; unitId: number | null }[];
    expect(items.map((m) => m.name)).toEqual([
      '鼓楼区纪委监委',
      '鼓楼区委政法委',
      '鼓楼区人民法院',
      '鼓楼区人民检察院',
      '鼓楼区财政局',
      '鼓楼区民政局',
      '鼓楼区公安局',
    ]);
    expect(items.find((m) => m.body === 'gongan')?.unitId).toBe(gonganUnit);
    expect(items.find((m) => m.body === 'jiwei')?.unitId).toBeNull();
    // The province's names its bodies at province level; asking twice creates nothing new.
    const js = (await get('js_leader', '/linkage/members?jurisdiction=320000')).json().items;
    expect(js.map((m: { name: string }) => m.name)).toContain('江苏省高级人民法院');
    expect((await get('js_leader', '/linkage/members?jurisdiction=320000')).json().items).toHaveLength(7);
    // Outside the caller's subtree: refused.
    expect((await get('gl_supervisor', '/linkage/members?jurisdiction=320100')).statusCode).toBe(403);
  });

  it('a leader sets a liaison; a supervisor may not', async () => {
    const m = (await get('gl_leader', '/linkage/members')).json().items[0];
    const patch = (user: string) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/v1/linkage/members/${m.id}`,
        headers: h.as(user),
        payload: { liaison: '王科长 025-83001234' },
      });
    expect((await patch('gl_supervisor')).statusCode).toBe(403);
    expect((await patch('gl_leader')).statusCode).toBe(204);
    expect((await get('gl_supervisor', '/linkage/members')).json().items[0].liaison).toBe(
      '王科长 025-83001234',
    );
  });
});

describe('移交: the referral table decides where a matter may go', () => {
  it('the rules list every type with its bodies, as the domain table says', async () => {
    const types = (await get('gl_registrar', '/linkage/rules')).json().types;
    expect(types.map((t: { type: string }) => t.type)).toEqual([...REFERRAL_TYPES]);
    expect(
      types.find((t: { type: string }) => t.type === 'legal').bodies.map((b: { name: string }) => b.name),
    ).toEqual(['政法委', '法院', '检察院']);
  });

  it('a 检举揭发 matter goes to 纪委监委, not to 公安; the default deadline is the table’s', async () => {
    const wrong = await post('gl_registrar', '/linkage/referrals', {
      caseId,
      type: 'report',
      body: 'gongan',
      reason: '反映社区干部收受好处',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'linkage_body_mismatch', field: 'body' });
    expect(wrong.json().error.message).toContain('纪委监委');
    const ok = await post('gl_registrar', '/linkage/referrals', {
      caseId,
      type: 'report',
      reason: '反映社区干部收受好处',
    });
    expect(ok.statusCode).toBe(201);
    const r = ok.json();
    expect(r).toMatchObject({ member: '鼓楼区纪委监委', typeName: '检举揭发', status: 'referred' });
    const days = (Date.parse(r.deadline) - Date.parse(r.referredAt.slice(0, 10))) / 86_400_000;
    expect(Math.round(days)).toBeGreaterThanOrEqual(REFERRAL_RULES.report.feedbackDays - 1);
  });

  it('bad input is a 400 naming the field and stores nothing', async () => {
    const before = (await get('gl_registrar', `/linkage/referrals?caseId=${caseId}`)).json().items.length;
    const bad = await post('gl_registrar', '/linkage/referrals', { caseId, type: 'weather', reason: 'x' });
    expect(bad.statusCode).toBe(400);
    const past = await post('gl_registrar', '/linkage/referrals', {
      caseId,
      type: 'legal',
      reason: '不服判决',
      deadline: '2020-01-01',
    });
    expect(past.json().error).toMatchObject({ code: 'linkage_deadline_past', field: 'deadline' });
    expect((await get('gl_registrar', `/linkage/referrals?caseId=${caseId}`)).json().items).toHaveLength(
      before,
    );
  });

  it('警信联动: referred to 公安局, its own staff feed back, the bureau asks for more, then closes', async () => {
    // A handler of a department may not refer.
    const refused = await post('gl_handler', '/linkage/referrals', {
      caseId,
      type: 'public_order',
      reason: '信访人扬言到区政府聚集',
    });
    expect([403, 404]).toContain(refused.statusCode);
    const res = await post('gl_supervisor', '/linkage/referrals', {
      caseId,
      type: 'public_order',
      reason: '信访人扬言到区政府聚集',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(res.json().member).toBe('鼓楼区公安局');
    // 公安's own handler sees it in the list and may file the feedback — nothing else.
    const police = (await get('gl_police', '/linkage/referrals')).json().items;
    expect(police.map((x: { id: number }) => x.id)).toEqual([id]);
    const seen = (await get('gl_police', `/linkage/referrals/${id}`)).json();
    expect(seen.availableActions.map((a: { action: string }) => a.action)).toEqual(['feedback']);
    const track = await post('gl_police', `/linkage/referrals/${id}/actions`, { action: 'track', note: 'x' });
    expect(track.statusCode).toBe(403);
    // The bureau records a tracking note.
    const tracked = await post('gl_supervisor', `/linkage/referrals/${id}/actions`, {
      action: 'track',
      note: '已电话联系派出所，正在研判',
    });
    expect(tracked.json().status).toBe('referred');
    const fb = await post('gl_police', `/linkage/referrals/${id}/actions`, {
      action: 'feedback',
      feedback: '派出所民警已上门约谈，信访人承诺依法反映诉求',
    });
    expect(fb.statusCode).toBe(200);
    expect(fb.json()).toMatchObject({ status: 'fed_back', statusName: '已反馈待办结' });
    // Closing twice is not possible; a second feedback in this state is a 409.
    const again = await post('gl_police', `/linkage/referrals/${id}/actions`, {
      action: 'feedback',
      feedback: 'y',
    });
    expect(again.statusCode).toBe(409);
    const ret = await post('gl_supervisor', `/linkage/referrals/${id}/actions`, {
      action: 'return',
      reason: '请补充后续稳控措施',
    });
    expect(ret.json().status).toBe('referred');
    await post('gl_police', `/linkage/referrals/${id}/actions`, {
      action: 'feedback',
      feedback: '已落实社区民警每周走访',
    });
    const closed = await post('gl_supervisor', `/linkage/referrals/${id}/actions`, { action: 'close' });
    expect(closed.json()).toMatchObject({ status: 'closed', feedback: '已落实社区民警每周走访' });
    expect(closed.json().history.map((e: { label: string }) => e.label)).toEqual([
      '移交',
      '跟踪记录',
      '登记反馈',
      '要求补充反馈',
      '登记反馈',
      '办结',
    ]);
    const labels = await timelineLabels(caseId);
    for (const l of ['移交联席会议成员单位', '联动跟踪', '成员单位反馈', '要求补充反馈', '联动办结'])
      expect(labels).toContain(l);
  });

  it('counts by type and body; the city sees 鼓楼区 referrals, another county’s staff do not', async () => {
    const counts = (await get('gl_supervisor', '/linkage/referrals/counts')).json().items;
    expect(counts).toContainEqual({
      type: 'public_order',
      body: 'gongan',
      referred: 1,
      fedBack: 1,
      closed: 1,
      overdue: 0,
    });
    expect(counts).toContainEqual({
      type: 'report',
      body: 'jiwei',
      referred: 1,
      fedBack: 0,
      closed: 0,
      overdue: 0,
    });
    expect((await get('nj_supervisor', '/linkage/referrals')).json().items).toHaveLength(2);
    // A department handler outside the referral sees none of them.
    expect((await get('gl_handler', '/linkage/referrals')).json().items).toHaveLength(0);
    const one = (await get('gl_supervisor', '/linkage/referrals')).json().items[0].id;
    expect((await get('gl_handler', `/linkage/referrals/${one}`)).statusCode).toBe(404);
    expect((await get('gl_supervisor', '/linkage/referrals/counts?jurisdiction=320100')).statusCode).toBe(
      403,
    );
  });
});

describe('日监测: a referral past its deadline without feedback', () => {
  it('is listed for the county’s supervisor with the days overdue and a link to it', async () => {
    const res = await post('gl_supervisor', '/linkage/referrals', {
      caseId,
      type: 'legal',
      body: 'jianchayuan',
      reason: '对执行活动有异议',
    });
    const id = res.json().id;
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await h.ctx.db.update(linkageReferrals).set({ deadline: twoDaysAgo }).where(eq(linkageReferrals.id, id));
    const overdue = (await get('gl_supervisor', `/linkage/referrals?overdue=true`)).json().items;
    expect(overdue.map((r: { id: number }) => r.id)).toEqual([id]);
    const daily = (await get('gl_supervisor', '/monitoring/daily')).json();
    const source = daily.sources.find((x: { id: string }) => x.id === 'linkage_overdue');
    expect(source.total).toBe(1);
    expect(source.items[0]).toMatchObject({
      title: '涉法涉诉移交逾期未反馈',
      unit: '鼓楼区人民检察院',
      days: 2,
      action: { path: `/linkage/referrals/${id}` },
    });
  });
});

describe('跨省协作', () => {
  it('a cooperation record with letters both ways and its outcome, on the case timeline', async () => {
    const bad = await post('gl_supervisor', '/linkage/cooperations', {
      caseId,
      counterpartProvince: '320000',
      counterpartBureau: '信访局',
      subject: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('counterpartProvince');
    const res = await post('gl_supervisor', '/linkage/cooperations', {
      caseId,
      counterpartProvince: '340000',
      counterpartBureau: '安徽省滁州市信访局',
      subject: '信访人户籍在滁州，协助做好息访工作',
      letter: {
        date: '2026-01-05',
        direction: 'out',
        reference: '鼓信函〔2026〕3号',
        summary: '请求协助核实信访人家庭情况',
      },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ counterpartProvinceName: '安徽省', status: 'open', canAct: true });
    const letter = await post('gl_supervisor', `/linkage/cooperations/${c.id}/actions`, {
      action: 'letter',
      letter: { date: '2026-01-20', direction: 'in', summary: '已核实：信访人在滁州有住房，家属愿意配合' },
    });
    expect(letter.json().letters.map((l: { directionName: string }) => l.directionName)).toEqual([
      '发函',
      '来函',
    ]);
    // Someone else's county may not add to it; a city reader sees it but may not act.
    const nj = (await get('nj_supervisor', `/linkage/cooperations/${c.id}`)).json();
    expect(nj.canAct).toBe(false);
    const closed = await post('gl_supervisor', `/linkage/cooperations/${c.id}/actions`, {
      action: 'close',
      outcome: 'resolved',
      note: '两地协作，信访人签订息诉协议',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', outcomeName: '协作化解' });
    const late = await post('gl_supervisor', `/linkage/cooperations/${c.id}/actions`, {
      action: 'letter',
      letter: { date: '2026-01-21', direction: 'in', summary: 'x' },
    });
    expect(late.statusCode).toBe(409);
    const labels = await timelineLabels(caseId);
    for (const l of ['跨省协作', '跨省协作函件', '跨省协作结束']) expect(labels).toContain(l);
  });
});
