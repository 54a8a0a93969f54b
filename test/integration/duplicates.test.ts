// Duplicate and repeat detection over HTTP (重复信访, 联名/群体): the check before saving, `related`
// on the case detail, linking a repeat through the lifecycle engine, and the group flag.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseSignatures } from '../../src/db/schema.ts';
import { backfillSignatures } from '../../src/duplicates/store.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  for (const u of [
    'gl_registrar',
    'gl_supervisor',
    'gl_leader',
    'gl_handler',
    'nj_registrar',
    '13900000001',
  ]) {
    t[u] = await h.login(u);
  }
});
afterAll(async () => {
  await h?.close();
});

const as = (user: string) => bearer(t[user] ?? '');

/** A valid 18-digit ID number (GB 11643 check digit) for person n. */
function idNumber(n: number): string {
  const body = `32010619800101${String(n).padStart(3, '0')}`.slice(0, 17);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (w[i] as number), 0);
  return body + '10X98765432'[sum % 11];
}
const phone = (n: number) => `1381234${String(n).padStart(4, '0')}`;

async function register(
  user: string,
  p: { subject: string; content: string; jurisdictionCode?: string; person: number },
) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: as(user),
    payload: {
      form: 'letter',
      purpose: 'claim',
      subject: p.subject,
      content: p.content,
      jurisdictionCode: p.jurisdictionCode ?? '320106',
      petitioner: { name: '王五', idNumber: idNumber(p.person), phone: phone(p.person) },
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { caseId: number; caseNumber: string; state: string };
}

interface Candidate {
  caseId: number;
  caseNumber: string;
  score: number;
  reasons: string[];
  reasonText: string;
}
async function similar(user: string, body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases/similar',
    headers: as(user),
    payload: { jurisdictionCode: '320106', ...body },
  });
  return { status: res.statusCode, body: res.body, candidates: (res.json().candidates ?? []) as Candidate[] };
}
const detail = async (user: string, id: number) =>
  (await h.app.inject({ url: `/api/v1/cases/${id}`, headers: as(user) })).json();

const FEES =
  '阳光花园小区物业公司未经业主大会同意，从三月起将物业费上调百分之三十，业主多次与物业协商无果，请有关部门核查物业收费是否合规。';
const FEES_EDITED =
  '阳光花园小区物业公司没有经过业主大会同意，从三月起将物业费上调百分之三十，业主多次与物业协商都无果，请有关部门尽快核查物业收费是否合规。';
const WAGES =
  '本人在宏达建筑公司承建的工地务工，工程已完工半年，包工头仍拖欠工资，请求劳动监察部门帮助追讨。';

describe('POST /api/v1/cases/similar', () => {
  let fees: { caseId: number; caseNumber: string };
  beforeAll(async () => {
    fees = await register('gl_registrar', { subject: '阳光花园物业费上涨', content: FEES, person: 1 });
  });

  it('finds the same ID number even with different content, without returning personal data', async () => {
    const r = await similar('gl_registrar', {
      subject: '工资拖欠',
      content: WAGES,
      idNumber: idNumber(1),
    });
    expect(r.status).toBe(200);
    const hit = r.candidates.find((c) => c.caseId === fees.caseId);
    expect(hit?.reasons).toContain('same_id_number');
    expect(hit?.reasons).not.toContain('similar_content');
    expect(hit?.reasonText).toMatch(/同一身份证号/);
    expect(r.body).not.toContain(idNumber(1));
    expect(r.body).not.toContain(phone(1));
    expect(r.body).not.toContain('王五');
    const byPhone = await similar('gl_registrar', { subject: '工资', content: WAGES, phone: phone(1) });
    expect(byPhone.candidates.find((c) => c.caseId === fees.caseId)?.reasons).toContain('same_phone');
  });

  it('finds a near-duplicate with small edits, and not an unrelated petition', async () => {
    const near = await similar('gl_registrar', { subject: '阳光花园物业费上涨问题', content: FEES_EDITED });
    const hit = near.candidates.find((c) => c.caseId === fees.caseId);
    expect(hit?.score).toBeGreaterThanOrEqual(0.5);
    expect(hit?.reasons).toEqual(['similar_content', 'same_place']);
    expect(hit?.reasonText).toMatch(/内容相似度 \d+%/);
    const unrelated = await similar('gl_registrar', { subject: '工资拖欠', content: WAGES });
    expect(unrelated.candidates.map((c) => c.caseId)).not.toContain(fees.caseId);
    // The same text about another county is another matter.
    const elsewhere = await similar('gl_registrar', {
      subject: '阳光花园物业费上涨',
      content: FEES,
      jurisdictionCode: '320102',
    });
    expect(elsewhere.candidates.map((c) => c.caseId)).not.toContain(fees.caseId);
  });

  it('never returns cases outside the caller’s scope', async () => {
    const xuanwu = await register('nj_registrar', {
      subject: '玄武区道路施工噪音',
      content: '玄武区中山路夜间道路施工噪音严重扰民，持续一个多月，居民无法休息，请求城管部门依法查处。',
      jurisdictionCode: '320102',
      person: 2,
    });
    const probe = {
      subject: '玄武区道路施工噪音',
      content: '玄武区中山路夜间道路施工噪音严重扰民，持续一个多月，居民无法休息，请求城管部门依法查处。',
      jurisdictionCode: '320102',
      idNumber: idNumber(2),
    };
    const nj = await similar('nj_registrar', probe);
    expect(nj.candidates.map((c) => c.caseId)).toContain(xuanwu.caseId);
    const gl = await similar('gl_registrar', probe);
    expect(gl.candidates.map((c) => c.caseId)).not.toContain(xuanwu.caseId);
  });

  it('matches on ID number and phone only for roles that may search by them (not supervisors, leaders)', async () => {
    const probe = { subject: '工资拖欠', content: WAGES };
    for (const user of ['gl_supervisor', 'gl_leader']) {
      // The case list does not find the matter by the petitioner's ID number for these roles …
      const list = await h.app.inject({ url: `/api/v1/cases?q=${idNumber(1)}`, headers: as(user) });
      expect(list.json().items.map((c: { id: number }) => c.id)).not.toContain(fees.caseId);
      // … and neither does the check before saving, by ID number or by phone.
      for (const pii of [{ idNumber: idNumber(1) }, { phone: phone(1) }]) {
        const r = await similar(user, { ...probe, ...pii });
        expect(r.status).toBe(200);
        expect(r.candidates.map((c) => c.caseId)).not.toContain(fees.caseId);
      }
      // Content still matches for them.
      const near = await similar(user, { subject: '阳光花园物业费上涨问题', content: FEES_EDITED });
      expect(near.candidates.map((c) => c.caseId)).toContain(fees.caseId);
    }
    // A registrar, who may search by them, still finds it.
    const r = await similar('gl_registrar', { ...probe, idNumber: idNumber(1) });
    expect(r.candidates.map((c) => c.caseId)).toContain(fees.caseId);
  });

  it('is for bureau staff who register, not departments or citizens', async () => {
    expect((await similar('gl_handler', { subject: 'x', content: FEES })).status).toBe(403);
    expect((await similar('13900000001', { subject: 'x', content: FEES })).status).toBe(403);
    expect((await similar('gl_supervisor', { subject: 'x', content: FEES })).status).toBe(200);
  });
});

describe('related cases and linking a repeat', () => {
  it('shows similar cases on the detail and links a repeat through the action endpoint', async () => {
    const open = await register('gl_registrar', {
      subject: '幸福里小区电梯长期故障',
      content:
        '幸福里小区三号楼电梯已停运五个月，物业以维修资金未到位为由不维修，老人上下楼十分困难，请求协调解决。',
      person: 10,
    });
    const repeat = await register('gl_registrar', {
      subject: '三号楼电梯停运没人管',
      content:
        '幸福里小区三号楼电梯已经停运五个月，物业以维修资金未到位为由一直不维修，老人上下楼十分困难，请求尽快协调解决。',
      person: 11,
    });
    const d = await detail('gl_registrar', repeat.caseId);
    const rel = d.related.find((c: Candidate) => c.caseId === open.caseId);
    expect(rel?.reasons).toContain('similar_content');
    expect(d.availableActions.map((a: { action: string }) => a.action)).toContain('link_repeat');

    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${repeat.caseId}/actions`,
      headers: as('gl_registrar'),
      payload: { action: 'link_repeat', targetCaseId: open.caseId, note: '同一事项正在办理' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const linked = res.json();
    expect(linked.state).toBe('not_accepted');
    expect(linked.reasonCode).toBe('BEING_HANDLED_SAME_MATTER');
    expect(linked.timeline.at(-1).label).toContain(open.caseNumber);

    const target = await detail('gl_registrar', open.caseId);
    expect(target.flags.repeatCount).toBe(1);
    expect(target.timeline.map((e: { action: string }) => e.action)).toContain('link_repeat');
    const back = target.related.find((c: Candidate) => c.caseId === repeat.caseId);
    expect(back?.reasonText).toMatch(/已关联为重复信访/);
    const audits = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'case.link_repeat'));
    expect(audits.some((a) => a.entityId === String(repeat.caseId))).toBe(true);

    // Not again: the repeat is closed (409: its state comes before who holds it, which is no one).
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${repeat.caseId}/actions`,
      headers: as('gl_registrar'),
      payload: { action: 'link_repeat', targetCaseId: open.caseId },
    });
    expect(again.statusCode).toBe(409);
    expect((await detail('gl_registrar', open.caseId)).flags.repeatCount).toBe(1);
  });

  it('refuses a target out of scope or already closed', async () => {
    const other = await register('nj_registrar', {
      subject: '秦淮区某事项',
      content: '秦淮区某小区门口长期占道经营，影响交通和环境卫生，请求城管部门整治。',
      jurisdictionCode: '320104',
      person: 20,
    });
    const mine = await register('gl_registrar', {
      subject: '鼓楼区占道经营',
      content: '鼓楼区某路口长期占道经营，影响交通，请求整治。',
      person: 21,
    });
    const post = (targetCaseId: number) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${mine.caseId}/actions`,
        headers: as('gl_registrar'),
        payload: { action: 'link_repeat', targetCaseId },
      });
    const out = await post(other.caseId);
    expect(out.statusCode).toBe(400);
    expect(out.json().error.field).toBe('targetCaseId');
    const closed = await register('gl_registrar', {
      subject: '已不予受理的事项',
      content: '某小区绿化带被占用种菜，请求恢复绿化。',
      person: 22,
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${closed.caseId}/actions`,
      headers: as('gl_registrar'),
      payload: { action: 'not_accept', reasonCode: 'NOT_IN_REMIT', reasonText: '不属于本机关职权范围' },
    });
    expect((await post(closed.caseId)).statusCode).toBe(409);
    expect((await detail('gl_registrar', mine.caseId)).state).toBe('registered');
  });
});

describe('possible group matter (联名/群体)', () => {
  const ROAD =
    '龙江新城小区门前道路封闭施工已经三个月，没有设置便道，居民出行非常困难，老人孩子只能绕行，请求督促施工单位尽快恢复通行。';
  const listFlagged = async () =>
    (
      await h.app.inject({
        url: '/api/v1/cases?flag=group_suspect&pageSize=100',
        headers: as('gl_supervisor'),
      })
    ).json() as { items: { id: number; flags: { groupSuspect: boolean } }[]; total: number };

  it('flags the matters at the 5th distinct petitioner, not before', async () => {
    const ids: number[] = [];
    for (let k = 0; k < 4; k++) {
      ids.push(
        (await register('gl_registrar', { subject: '道路封闭施工出行难', content: ROAD, person: 30 + k }))
          .caseId,
      );
    }
    expect((await listFlagged()).items.map((c) => c.id)).not.toContain(ids[0]);
    ids.push(
      (await register('gl_registrar', { subject: '道路封闭施工出行难', content: ROAD, person: 34 })).caseId,
    );
    const flagged = await listFlagged();
    for (const id of ids) expect(flagged.items.map((c) => c.id)).toContain(id);
    expect(flagged.items.every((c) => c.flags.groupSuspect)).toBe(true);
    const d = await detail('gl_supervisor', ids[0] as number);
    expect(d.flags.groupSuspect).toBe(true);
    expect(d.timeline.map((e: { action: string }) => e.action)).toContain('group_suspect');
  });

  it('does not flag five filings by one person', async () => {
    const SCHOOL =
      '实验小学门口每天放学时段大量车辆乱停乱放，堵塞道路，孩子过马路非常危险，请求交警部门在放学时段加强疏导管理。';
    const ids: number[] = [];
    // Different subjects: the same subject would be linked to the open matter at intake (Art 19).
    for (let k = 0; k < 5; k++) {
      ids.push(
        (
          await register('gl_registrar', {
            subject: `学校门口交通拥堵（第${k + 1}次）`,
            content: SCHOOL,
            person: 40,
          })
        ).caseId,
      );
    }
    const flagged = (await listFlagged()).items.map((c) => c.id);
    for (const id of ids) expect(flagged).not.toContain(id);
  });
});

describe('signatures', () => {
  it('are written at intake and backfilled for cases without one', async () => {
    const c = await register('gl_registrar', { subject: '补写签名', content: WAGES, person: 50 });
    const [sig] = await h.ctx.db.select().from(caseSignatures).where(eq(caseSignatures.caseId, c.caseId));
    expect(sig?.minhash).toHaveLength(96);
    expect(sig?.countyCode).toBe('320106');
    await h.ctx.db.delete(caseSignatures).where(eq(caseSignatures.caseId, c.caseId));
    expect(await backfillSignatures(h.ctx.db)).toBe(1);
    expect(await backfillSignatures(h.ctx.db)).toBe(0);
    const [again] = await h.ctx.db.select().from(caseSignatures).where(eq(caseSignatures.caseId, c.caseId));
    expect(again?.minhash).toEqual(sig?.minhash);
  });
});
