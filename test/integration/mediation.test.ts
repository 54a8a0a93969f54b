// 访调对接 and 专家库 over HTTP. The scenario: a matter is referred to people's mediation, a session
// is recorded, an agreement is reached and its 调解协议书 (Word, names masked) produced, and the
// matter is settled through the lifecycle action 调解和解; a referral without agreement leaves the
// matter in handling; a part referral does not settle the whole; counts by body. Third parties
// (律师参与) on the matter. An expert from the handling unit is refused (回避, 409 in Chinese),
// another is assigned and gives an opinion; a backlog matter's responsible unit is a conflict too;
// load per expert. And who may not see or do what.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backlogMatters } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const today = () => shanghaiDate(new Date());
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));
let zhujian = 0; // 鼓楼区住房和城乡建设局 (gl_handler's unit)
let renshe = 0; // 鼓楼区人力资源和社会保障局
let bodyId = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    '13900000001',
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'gl_reviewer',
    'gl_leader',
    'nj_handler',
    'nj_leader',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
  renshe = units.find((u: { name: string }) => u.name.includes('人力资源')).id;
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });
const act = (user: string, id: number, payload: Record<string, unknown>) =>
  post(user, `/mediation/referrals/${id}/actions`, payload);
const caseOf = async (id: number) => (await get('gl_supervisor', `/cases/${id}`)).json();

async function newAssignedCase(subject: string): Promise<number> {
  const res = await post('13900000001', '/cases', {
    form: 'online',
    purpose: 'claim',
    subject,
    content: `${subject}，本人张三（电话13900000001）与物业公司多次协商未果。`,
    jurisdictionCode: '320106',
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().caseId as number;
  await h.act('gl_registrar', id, 'accept');
  await h.act('gl_registrar', id, 'assign', { targetUnitId: zhujian });
  return id;
}

describe('mediation bodies', () => {
  it('a bureau leader adds the people’s mediation committee; a handler may not', async () => {
    const body = {
      kind: 'people',
      name: '鼓楼区人民调解委员会',
      jurisdictionCode: '320106',
      address: '南京市鼓楼区中山北路1号',
      phone: '025-83000000',
    };
    expect((await post('gl_handler', '/mediation/bodies', body)).statusCode).toBe(403);
    const res = await post('gl_leader', '/mediation/bodies', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kindName: '人民调解', deadlineDays: 30, active: true });
    bodyId = res.json().id;
    expect((await post('gl_leader', '/mediation/bodies', body)).json().error.code).toBe(
      'mediation_body_exists',
    );
    const bad = await post('gl_leader', '/mediation/bodies', { ...body, kind: 'court', name: '某法院' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('调解类型');
    // A county bureau may not add a body of another district.
    expect(
      (await post('gl_leader', '/mediation/bodies', { ...body, jurisdictionCode: '320102' })).statusCode,
    ).toBe(403);
    const list = (await get('gl_handler', '/mediation/bodies')).json().items;
    expect(list.map((b: { name: string }) => b.name)).toContain('鼓楼区人民调解委员会');
    // An empty edit changes nothing and is not an error (it was a 500: an empty SET; fuzz seed 440625654).
    const patch = (payload: Record<string, unknown>) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/v1/mediation/bodies/${res.json().id}`,
        headers: h.as('gl_leader'),
        payload,
      });
    expect((await patch({})).statusCode).toBeLessThan(300);
    expect((await patch({ phone: '025-83000000' })).statusCode).toBeLessThan(300);
    const edited = (await get('gl_handler', '/mediation/bodies')).json().items;
    expect(edited.find((b: { name: string }) => b.name === '鼓楼区人民调解委员会')).toMatchObject({
      name: '鼓楼区人民调解委员会',
      active: true,
    });
  });
});

describe('访调对接: referred to people’s mediation → agreement → 调解协议书 → settled', () => {
  let caseId = 0;
  let id = 0;

  it('the handling unit refers the whole matter with a deadline; a second referral is refused', async () => {
    caseId = await newAssignedCase('物业维修基金使用纠纷');
    const res = await post('gl_handler', '/mediation/referrals', {
      caseId,
      bodyId,
      reason: '信访人与物业公司就维修基金使用存在争议，属民间纠纷，适宜人民调解。',
      mediator: '王调解',
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    id = d.id;
    expect(d).toMatchObject({
      status: 'referred',
      statusName: '调解中',
      scopeName: '整体移交',
      deadline: inDays(30),
      body: '鼓楼区人民调解委员会',
      kindName: '人民调解',
    });
    const again = await post('gl_handler', '/mediation/referrals', { caseId, bodyId, reason: '再次移交' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('mediation_already_referred');
    // The matter stays with its handler while mediated.
    expect((await caseOf(caseId)).state).toBe('handling');
    // Another city's staff see nothing of it.
    expect((await get('nj_handler', `/mediation/referrals/${id}`)).statusCode).toBe(404);
  });

  it('a session is recorded; attendees are masked for roles that see parties masked', async () => {
    const bad = await act('gl_handler', id, {
      action: 'record_session',
      date: today(),
      place: '调委会',
      attendees: [],
      notes: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('参加人员');
    const res = await act('gl_handler', id, {
      action: 'record_session',
      date: today(),
      place: '鼓楼区人民调解委员会调解室',
      attendees: [
        { name: '张三', role: '信访人' },
        { name: '李经理', role: '物业公司代表' },
      ],
      notes: '张三陈述诉求，物业公司同意公开维修基金账目。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sessions[0].attendees[0].name).toBe('张三'); // the handler sees parties in full
    const seen = (await get('gl_supervisor', `/mediation/referrals/${id}`)).json();
    expect(seen.sessions[0].attendees.map((a: { name: string }) => a.name)).toEqual(['张*', '李**']);
    expect(seen.sessions[0].notes).toContain('张*陈述诉求');
    expect(seen.availableActions.map((a: { action: string }) => a.action)).toEqual([
      'record_session',
      'record_agreement',
      'record_no_agreement',
      'withdraw',
    ]);
  });

  it('an agreement is reached and its 调解协议书 is a Word file with the parties masked', async () => {
    expect((await act('gl_handler', id, { action: 'settle_case' })).statusCode).toBe(409);
    const res = await act('gl_handler', id, {
      action: 'record_agreement',
      terms: '一、物业公司于十日内公开维修基金使用明细；\n二、张三（电话13900000001）不再就此事项信访。',
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.status).toBe('agreement');
    expect(d.agreementNumber).toBe(`〔${today().slice(0, 4)}〕调协字第1号`);
    expect(d.agreementUrl).toBe(`/api/v1/mediation/referrals/${id}/agreement.docx`);
    const doc = await get('gl_supervisor', `/mediation/referrals/${id}/agreement.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    writeFileSync(join(tmpdir(), 'mediation-agreement.docx'), doc.rawPayload); // to look at: render-doc
    const xml =
      (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('调解协议书');
    expect(text).toContain(d.agreementNumber);
    expect(text).toContain('鼓楼区人民调解委员会');
    expect(text).toContain('物业公司于十日内公开维修基金使用明细');
    expect(text).toContain('张*');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13900000001');
  });

  it('the matter is settled through 调解和解, and the referral records it', async () => {
    // 调解和解 is the holder's: the bureau's supervisor is not offered it, the handling unit is.
    const actions = async (u: string) =>
      (await get(u, `/mediation/referrals/${id}`))
        .json()
        .availableActions.map((a: { action: string }) => a.action);
    expect(await actions('gl_supervisor')).toEqual([]);
    expect(await actions('gl_handler')).toEqual(['settle_case']);
    expect((await act('gl_supervisor', id, { action: 'settle_case' })).statusCode).toBe(403);
    const res = await act('gl_handler', id, { action: 'settle_case' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'settled', statusName: '已据协议办结' });
    expect(res.json().settledEventId).toEqual(expect.any(Number));
    const c = await caseOf(caseId);
    expect(c.state).toBe('settled');
    const labels = c.timeline.map((e: { label: string }) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['移交调解', '调解记录', '达成调解协议', '调解和解']));
    const settle = c.timeline.find((e: { action: string }) => e.action === 'settle');
    expect(JSON.stringify(settle)).toContain('调协字第1号');
    expect((await act('gl_handler', id, { action: 'settle_case' })).statusCode).toBe(409);
  });

  it('no agreement: the matter is back to handling; a part referral does not settle the whole', async () => {
    const other = await newAssignedCase('小区噪声扰民纠纷');
    const made = await post('gl_supervisor', '/mediation/referrals', {
      caseId: other,
      bodyId,
      reason: '邻里纠纷',
    });
    expect(made.json().error).toBeUndefined();
    const r = made.json();
    const res = await act('gl_handler', r.id, {
      action: 'record_no_agreement',
      reason: '双方分歧较大，未能达成一致',
    });
    expect(res.json()).toMatchObject({ status: 'no_agreement', availableActions: [] });
    const c = await caseOf(other);
    expect(c.state).toBe('handling');
    expect(c.timeline.map((e: { label: string }) => e.label)).toContain('调解不成，退回办理');
    // The handler may still answer; a part of it referred and agreed does not end the matter.
    const partial = await post('gl_handler', '/mediation/referrals', {
      caseId: other,
      bodyId,
      scope: 'part',
      reason: '赔偿部分',
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.field).toBe('part');
    const p = (
      await post('gl_handler', '/mediation/referrals', {
        caseId: other,
        bodyId,
        scope: 'part',
        part: '噪声造成的财产损失赔偿',
        reason: '赔偿部分适宜调解',
      })
    ).json();
    await act('gl_handler', p.id, { action: 'record_agreement', terms: '赔偿500元' });
    const settle = await act('gl_handler', p.id, { action: 'settle_case' });
    expect(settle.statusCode).toBe(409);
    expect(settle.json().error.code).toBe('mediation_partial');
    expect((await caseOf(other)).state).toBe('handling');
    // No agreement document without an agreement; citizens see none of it.
    expect((await get('gl_handler', `/mediation/referrals/${r.id}/agreement.docx`)).statusCode).toBe(409);
    expect((await get('13900000001', `/mediation/referrals?caseId=${other}`)).statusCode).toBe(403);
    // Back to handling: the handler answers the matter as usual.
    await h.act('gl_handler', other, 'reply', {
      outcome: 'explained',
      request: '要求解决噪声扰民',
      facts: '经调解未能达成一致。',
      reasons: '依据相关规定。',
      decision: '已责成物业公司加强管理，财产损失部分已调解赔偿。',
    });
    expect((await caseOf(other)).state).toBe('replied');
  });

  it('counts by body: referrals, agreements and the agreement rate', async () => {
    const res = await get('gl_supervisor', `/mediation/indicators?from=${inDays(-1)}&to=${today()}`);
    expect(res.statusCode).toBe(200);
    const { total, byBody } = res.json();
    expect(total).toMatchObject({ referrals: 3, agreements: 2, failed: 1, settled: 1, agreementRate: 66.7 });
    expect(byBody[0]).toMatchObject({ body: '鼓楼区人民调解委员会', referrals: 3 });
    expect(
      (await get('gl_supervisor', `/mediation/indicators?from=${today()}&to=${today()}&jurisdiction=320102`))
        .statusCode,
    ).toBe(403);
    expect((await get('13900000001', `/mediation/indicators?from=${today()}&to=${today()}`)).statusCode).toBe(
      403,
    );
  });

  it('third parties: a lawyer’s part is recorded on the matter with who, when and the result', async () => {
    const res = await post('gl_handler', '/mediation/interventions', {
      caseId,
      kind: 'lawyer',
      provider: '赵律师',
      organization: '江苏某某律师事务所',
      date: today(),
      activity: '参与接待，向信访人释法明理，解释维修基金使用规定。',
      result: '信访人接受调解方案。',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kindName: '律师参与', provider: '赵律师' });
    expect(
      (
        await post('gl_handler', '/mediation/interventions', {
          caseId,
          kind: 'priest',
          provider: 'x',
          date: today(),
          activity: 'x',
          result: 'x',
        })
      ).statusCode,
    ).toBe(400);
    const list = (await get('gl_supervisor', `/mediation/interventions?caseId=${caseId}`)).json();
    expect(list.items).toHaveLength(1);
    expect((await caseOf(caseId)).timeline.map((e: { label: string }) => e.label)).toContain('第三方参与');
    expect((await get('nj_handler', `/mediation/interventions?caseId=${caseId}`)).statusCode).toBe(404);
  });
});

describe('专家库: conflict of interest refused, another expert gives an opinion', () => {
  let caseId = 0;
  let conflicted = 0;
  let lawyer = 0;

  it('a bureau leader keeps the library', async () => {
    const a = await post('gl_leader', '/experts', {
      name: '钱工程',
      field: 'construction',
      level: 'county',
      title: '高级工程师',
      unitId: zhujian,
      affiliation: '鼓楼区住房和城乡建设局',
      jurisdictionCode: '320106',
    });
    expect(a.statusCode).toBe(201);
    conflicted = a.json().id;
    const b = await post('gl_leader', '/experts', {
      name: '孙法官',
      field: 'law',
      level: 'county',
      title: '退休法官',
      affiliation: '南京大学法学院',
      jurisdictionCode: '320106',
      expertise: '物业纠纷、相邻关系',
    });
    lawyer = b.json().id;
    expect(b.json()).toMatchObject({ fieldName: '法律', levelName: '县级', availabilityName: '可接受指派' });
    expect(
      (
        await post('gl_handler', '/experts', {
          name: 'x',
          field: 'law',
          level: 'county',
          affiliation: 'x',
          jurisdictionCode: '320106',
        })
      ).statusCode,
    ).toBe(403);
    // Department staff do not browse the library.
    expect((await get('gl_handler', '/experts')).statusCode).toBe(403);
    const list = (await get('gl_supervisor', '/experts?field=law')).json().items;
    expect(list.map((e: { name: string }) => e.name)).toEqual(['孙法官']);
  });

  it('an expert from the handling unit is refused with 409 (回避)', async () => {
    caseId = await newAssignedCase('住宅楼质量问题');
    const res = await post('gl_supervisor', '/expert-assignments', {
      expertId: conflicted,
      caseId,
      question: '住宅楼墙体开裂是否属于质量问题？',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('expert_conflict');
    expect(res.json().error.message).toBe(
      '专家钱工程所在单位（鼓楼区住房和城乡建设局）是该事项的当前办理单位，应当回避，不予指派',
    );
  });

  it('another expert is assigned and gives a written opinion; load per expert', async () => {
    expect(
      (await post('gl_handler', '/expert-assignments', { expertId: lawyer, caseId, question: 'x' }))
        .statusCode,
    ).toBe(403);
    const res = await post('gl_supervisor', '/expert-assignments', {
      expertId: lawyer,
      caseId,
      question: '开发商的保修责任如何认定？',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'assigned', purposeName: '疑难事项会商研判', expert: '孙法官' });
    expect(
      (
        await post('gl_supervisor', '/expert-assignments', { expertId: lawyer, caseId, question: '再次' })
      ).json().error.code,
    ).toBe('expert_already_assigned');
    const bad = await post('gl_supervisor', `/expert-assignments/${a.id}/actions`, {
      action: 'file_opinion',
      opinion: '',
      date: today(),
    });
    expect(bad.statusCode).toBe(400);
    const op = await post('gl_supervisor', `/expert-assignments/${a.id}/actions`, {
      action: 'file_opinion',
      opinion: '墙体开裂在保修期内，开发商应承担保修责任，建议责令限期维修。',
      date: today(),
    });
    expect(op.statusCode).toBe(200);
    expect(op.json()).toMatchObject({
      status: 'opinion_filed',
      statusName: '已出具意见',
      availableActions: [],
    });
    // The case page's panel: the handling unit reads the opinion on its matter.
    const panel = (await get('gl_handler', `/expert-assignments?caseId=${caseId}`)).json();
    expect(panel.items[0].opinion).toContain('开发商应承担保修责任');
    expect(panel.canAssign).toBe(false);
    expect((await get('gl_supervisor', `/expert-assignments?caseId=${caseId}`)).json().canAssign).toBe(true);
    const labels = (await caseOf(caseId)).timeline.map((e: { label: string }) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['专家指派', '专家意见']));
    const expert = (await get('gl_supervisor', `/experts/${lawyer}`)).json();
    expect(expert).toMatchObject({ openAssignments: 0, opinions: 1 });
    expect(expert.assignments[0].opinion).toContain('保修责任');
    expect((await get('gl_handler', `/experts/${lawyer}`)).statusCode).toBe(403);
  });

  it('a backlog matter: the responsible unit’s expert is refused; the library’s expert supervises it', async () => {
    const [b] = await h.ctx.db
      .insert(backlogMatters)
      .values({
        caseId,
        jurisdictionCode: '320106',
        status: 'identified',
        source: 'manual',
        level: 'county',
        responsibleUnitId: renshe,
        deadline: inDays(60),
      })
      .returning({ id: backlogMatters.id });
    const hr = (
      await post('gl_leader', '/experts', {
        name: '周社保',
        field: 'social_security',
        level: 'county',
        unitId: renshe,
        affiliation: '鼓楼区人力资源和社会保障局',
        jurisdictionCode: '320106',
      })
    ).json();
    const refused = await post('gl_supervisor', '/expert-assignments', {
      expertId: hr.id,
      backlogMatterId: b?.id,
      question: '督导化解',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('积案责任单位');
    // The unit the petition complains about counts too.
    const complained = await post('gl_supervisor', '/expert-assignments', {
      expertId: hr.id,
      caseId,
      complainedUnitId: renshe,
      question: '社保缴费争议',
    });
    expect(complained.statusCode).toBe(409);
    expect(complained.json().error.message).toContain('被反映单位');
    // Paused experts are not assigned either.
    await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/experts/${lawyer}`,
      headers: h.as('gl_leader'),
      payload: { availability: 'unavailable' },
    });
    expect(
      (
        await post('gl_supervisor', '/expert-assignments', {
          expertId: lawyer,
          backlogMatterId: b?.id,
          question: '督导',
        })
      ).json().error.code,
    ).toBe('expert_unavailable');
    await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/experts/${lawyer}`,
      headers: h.as('gl_leader'),
      payload: { availability: 'available' },
    });
    const ok = await post('gl_supervisor', '/expert-assignments', {
      expertId: lawyer,
      backlogMatterId: b?.id,
      question: '督导积案化解方案',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ purposeName: '积案化解督导', backlogMatterId: b?.id });
    const list = (await get('gl_supervisor', `/expert-assignments?backlogMatterId=${b?.id}`)).json().items;
    expect(list.map((x: { purpose: string }) => x.purpose)).toEqual(['backlog_supervision']);
    // The assigning bureau's leader withdraws it; the handling unit may not.
    const wd = `/expert-assignments/${ok.json().id}/actions`;
    expect((await post('gl_handler', wd, { action: 'withdraw', reason: '另行安排' })).statusCode).toBe(404);
    const withdrawn = await post('gl_leader', wd, { action: 'withdraw', reason: '另行安排专家' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', statusName: '已撤回' });
    expect((await post('gl_leader', wd, { action: 'withdraw', reason: '再次' })).json().error.code).toBe(
      'expert_wrong_status',
    );
  });
});
