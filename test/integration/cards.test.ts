// 权益保障卡 over HTTP: a county registrar issues a numbered card at a first visit; each level's
// handling (受理、办理、答复、复查) is written on it from the case's events; its QR code's URL shows a
// public scan only what the public query shows and a staff scan the full card; the printable PDF and
// the holder's digital card; at a later visit the card tells the registrar whether the visitor skipped
// a level (越级: two levels above where the matter sits), with the guidance notice (Word); and the
// 越级上访率 from cards issued, visits with a card and 越级 visits. And who may not do what.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const CITIZEN = '13900000001';
let caseId = 0;
let cardNo = '';
let qrUrl = '';
let zhujian = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    CITIZEN,
    'gl_registrar',
    'gl_handler',
    'gl_supervisor',
    'nj_registrar',
    'nj_reviewer',
    'js_registrar',
    'js_supervisor',
  ]);
  const units = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json().units;
  zhujian = units.find((u: { name: string }) => u.name === '鼓楼区住房和城乡建设局').id;
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string | null, url: string) =>
  h.app.inject({ url: `/api/v1${url}`, headers: user ? h.as(user) : {} });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });

/** The citizen comes to the county reception hall for the first time (来访). */
async function visit(subject: string, user = 'gl_registrar', form = 'visit') {
  const res = await post(user, '/cases', {
    form,
    subject,
    content: `${subject}，来访人反映多次协商无果，请求依法处理。`,
    jurisdictionCode: '320106',
    petitioner: { name: '张三', phone: CITIZEN },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId as number;
}

describe('issuing a card at a first visit', () => {
  it('refuses what is not a first visit of the caller’s bureau', async () => {
    const letter = await visit('物业费收取标准不公开', 'gl_registrar', 'letter');
    const res = await post('gl_registrar', '/cards', { caseId: letter });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'card_visit_only',
      message: '权益保障卡只发给来访的信访人',
    });
    expect((await post('gl_registrar', '/cards', { caseId: 'x' })).statusCode).toBe(400);
  });

  it('issues a numbered card, on the matter’s timeline, once', async () => {
    caseId = await visit('房屋征收补偿款未足额支付');
    expect((await post('gl_supervisor', '/cards', { caseId })).statusCode).toBe(403);
    expect((await post('nj_registrar', '/cards', { caseId })).statusCode).toBe(403);
    const res = await post('gl_registrar', '/cards', { caseId });
    expect(res.statusCode, res.body).toBe(201);
    const card = res.json();
    const year = shanghaiDate(new Date()).slice(0, 4);
    expect(card.cardNo).toBe(`QB320106-${year}-000001`);
    expect(card).toMatchObject({
      holder: '张三',
      unit: '鼓楼区信访局',
      levelName: '县级',
      caseId,
      entries: [],
    });
    expect(card.qrUrl).toMatch(new RegExp(`/portal/card/${card.cardNo}\\?s=[\\w-]{16}$`));
    cardNo = card.cardNo;
    qrUrl = card.qrUrl;
    const again = await post('gl_registrar', '/cards', { caseId });
    expect(again.json().error.code).toBe('card_exists');
    const labels = (await get('gl_registrar', `/cases/${caseId}`))
      .json()
      .timeline.map((e: { label: string }) => e.label);
    expect(labels).toContain('发放权益保障卡');
    // The link from the matter to its card; the supervisor sees the holder masked.
    const byCase = await get('gl_supervisor', `/cards/by-case/${caseId}`);
    expect(byCase.json()).toMatchObject({ cardNo, holder: '张*' });
  });
});

describe('handling written on the card, read by scanning its QR code', () => {
  it('each level’s 受理、办理、答复 and the upper level’s 复查 are written with dates and units', async () => {
    await h.act('gl_registrar', caseId, 'accept');
    await h.act('gl_registrar', caseId, 'assign', { targetUnitId: zhujian });
    await h.act('gl_handler', caseId, 'reply', {
      outcome: 'explained',
      request: '请求足额支付补偿款',
      facts: '经查，补偿款差额系评估争议所致。',
      reasons: '依据征收补偿方案。',
      decision: '差额部分重新评估后支付。',
    });
    const card = (await get('gl_registrar', `/cards/${cardNo}`)).json();
    expect(card.entries.map((e: { stageName: string; unit: string }) => [e.stageName, e.unit])).toEqual([
      ['受理', '鼓楼区信访局'],
      ['办理', '鼓楼区住房和城乡建设局'],
      ['答复', '鼓楼区住房和城乡建设局'],
    ]);
    // The year the card shows (Beijing time), not the instant's UTC year: on 1 January before 08:00
    // they differ.
    expect(shanghaiDate(new Date(card.entries[0].at)).slice(0, 4)).toBe(shanghaiDate(new Date()).slice(0, 4));
    expect(card.matterLevelName).toBe('县级');
  });

  it('a public scan shows what the public query shows; a staff scan the full card', async () => {
    const path = new URL(qrUrl).pathname.replace('/portal/card/', '');
    const s = new URL(qrUrl).searchParams.get('s');
    const pub = await get(null, `/public/cards/${path}?s=${s}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ view: 'public', full: null, card: { cardNo, unit: '鼓楼区信访局' } });
    expect(pub.json().card.entries.map((e: { stageName: string }) => e.stageName)).toEqual([
      '受理',
      '办理',
      '答复',
    ]);
    expect(JSON.stringify(pub.json())).not.toMatch(/张|13900000001|征收补偿款/);
    expect((await get(null, `/public/cards/${cardNo}?s=0000000000000000`)).statusCode).toBe(404);
    const staff = await get('gl_supervisor', `/public/cards/${cardNo}?s=${s}`);
    expect(staff.json()).toMatchObject({
      view: 'full',
      full: { cardNo, caseId, subject: '房屋征收补偿款未足额支付' },
    });
  });

  it('prints as PDF, and the holder has the digital card on the portal', async () => {
    const pdf = await get('gl_registrar', `/cards/${cardNo}/card.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const mine = (await get(CITIZEN, '/my/cards')).json().items;
    expect(mine.map((c: { cardNo: string }) => c.cardNo)).toEqual([cardNo]);
    expect(mine[0].entries).toHaveLength(3);
    // Another holder's card is not found.
    expect((await get('gl_handler', `/cards/${cardNo}`)).statusCode).toBe(404);
  });
});

describe('a later visit with the card', () => {
  it('at the province, two levels above the county where the matter sits: 越级, with the guidance notice', async () => {
    const res = await post('js_registrar', '/cards/check-visit', { cardNo: qrUrl });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      verdict: 'skipped',
      verdictName: '越级走访',
      skipped: true,
      visitLevel: 1,
      matterLevel: 3,
      rightUnit: '鼓楼区住房和城乡建设局',
      holder: '张三',
      card: { cardNo, caseId },
    });
    expect(res.json().message).toMatch(/^越级走访：该事项由鼓楼区住房和城乡建设局（县级）办理/);
    const doc = await get('js_registrar', `/cards/visits/${res.json().visitId}/guidance.docx`);
    expect(doc.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')?.async('string');
    const text = (xml ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('逐级走访引导告知书');
    expect(text).toContain(cardNo);
    expect(text).toContain('属于越级走访');
    expect(text).toContain('张*');
    expect(text).not.toContain('张三');
    // Only the bureau that checked the visit issues it.
    expect((await get('gl_registrar', `/cards/visits/${res.json().visitId}/guidance.docx`)).statusCode).toBe(
      404,
    );
    const card = (await get('gl_registrar', `/cards/${cardNo}`)).json();
    expect(card.visits).toEqual([expect.objectContaining({ verdictName: '越级走访', guidanceIssued: true })]);
  });

  it('at the city, one level up: not 越级, and no guidance notice', async () => {
    const res = await post('nj_registrar', '/cards/check-visit', { cardNo: cardNo.toLowerCase() });
    expect(res.json()).toMatchObject({ verdict: 'next_level', skipped: false, visitLevel: 2 });
    const doc = await get('nj_registrar', `/cards/visits/${res.json().visitId}/guidance.docx`);
    expect(doc.statusCode).toBe(409);
    expect(doc.json().error.code).toBe('card_not_skipped');
  });

  it('after the city’s 复查 the matter sits at the city: the province is one level up', async () => {
    await h.act('gl_handler', caseId, 'deliver', { method: 'in_person' });
    await h.act('gl_registrar', caseId, 'request_review', { reason: '补偿款仍未足额支付' });
    await h.act('nj_reviewer', caseId, 'decide_review', {
      outcome: 'uphold',
      facts: '重新评估已启动。',
      reasons: '原处理意见恰当。',
      decision: '维持原处理意见。',
    });
    const card = (await get('gl_registrar', `/cards/${cardNo}`)).json();
    expect(card.entries.at(-1)).toMatchObject({ stageName: '复查', unit: '南京市信访局', levelName: '市级' });
    expect(card.matterLevelName).toBe('市级');
    const res = await post('js_registrar', '/cards/check-visit', { cardNo });
    expect(res.json()).toMatchObject({ verdict: 'next_level', skipped: false, matterLevel: 2 });
  });

  it('refuses an unknown card and who may not check', async () => {
    const res = await post('gl_registrar', '/cards/check-visit', { cardNo: 'QB320106-2020-999999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'card_unknown', field: 'cardNo' });
    expect((await post('gl_handler', '/cards/check-visit', { cardNo })).statusCode).toBe(403);
    expect((await post(CITIZEN, '/cards/check-visit', { cardNo })).statusCode).toBe(403);
  });

  it('the 越级上访率 from cards: issued, visits with a card, 越级 visits', async () => {
    const today = shanghaiDate(new Date());
    const res = await get('gl_supervisor', `/cards/rates?from=${today}&to=${today}`);
    expect(res.json()).toEqual({ issued: 1, visitsWithCard: 3, skipped: 1, skipRate: 33.3 });
    const province = await get('js_supervisor', `/cards/rates?jurisdiction=320000&from=${today}&to=${today}`);
    expect(province.json().skipped).toBe(1);
    expect(
      (await get('gl_supervisor', `/cards/rates?jurisdiction=320000&from=${today}&to=${today}`)).statusCode,
    ).toBe(403);
    const list = (await get('gl_supervisor', `/cards?q=${cardNo.slice(-6)}`)).json().items;
    expect(list.map((c: { cardNo: string }) => c.cardNo)).toEqual([cardNo]);
  });

  it('each bureau lists the checks made at its own counter, newest first', async () => {
    const province = (await get('js_registrar', '/cards/visits')).json().items;
    // Two checks at the province: the 越级 one (guidance issued), then one level up after the 复查.
    expect(province.map((v: { verdictName: string }) => v.verdictName)).toEqual(['向上一级走访', '越级走访']);
    expect(province[1]).toMatchObject({
      cardNo,
      caseId,
      holder: '张三',
      skipped: true,
      guidanceIssued: true,
      rightLevelName: '县级',
    });
    expect(province[0]).toMatchObject({ skipped: false, guidanceIssued: false, rightLevelName: '市级' });
    const city = (await get('nj_registrar', '/cards/visits')).json().items;
    expect(city.map((v: { verdict: string }) => v.verdict)).toEqual(['next_level']);
    // 鼓楼区 checked none; the other roles have no counter.
    expect((await get('gl_registrar', '/cards/visits')).json().items).toEqual([]);
    expect((await get('gl_supervisor', '/cards/visits')).statusCode).toBe(403);
    expect((await get(CITIZEN, '/cards/visits')).statusCode).toBe(403);
    expect((await get('js_registrar', '/cards/visits?limit=0')).statusCode).toBe(400);
  });
});
