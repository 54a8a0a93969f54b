// The legal-channel list: read by staff, replaced by administrators for their subtree (inherited
// below, audited), validated with Chinese messages, and applied by POST /api/v1/classify.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import { DEFAULT_LEGAL_CHANNEL_RULES } from '../../src/domain/legalChannels.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  for (const u of ['admin', 'nj_admin', 'gl_admin', 'gl_registrar']) t[u] = await h.login(u);
  t.citizen = await h.login('13900000001');
}, 120_000);
afterAll(async () => {
  await h?.close();
});
const as = (u: string) => bearer(t[u] ?? '');
const classify = (subject: string, content: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/classify',
    headers: as('gl_registrar'),
    payload: { subject, content, jurisdictionCode: '320106' },
  });

const ownRule = {
  id: 'property_committee',
  channel: 'duty_performance',
  label: '业主委员会选举争议',
  keywords: ['业委会+选举'],
  competentBody: '街道办事处',
  advice: '业主委员会选举争议由街道办事处、乡镇人民政府指导和监督（《物业管理条例》）。',
};

describe('legal-channel hints', () => {
  it('classify returns the matching rule, its advice and the words behind it', async () => {
    const res = await classify('单位辞退不给补偿', '公司没有签劳动合同，突然把我辞退，也不支付经济补偿。');
    expect(res.statusCode, res.body).toBe(200);
    const [hint] = res.json().legalHints;
    expect(hint).toMatchObject({
      ruleId: 'labour_arbitration',
      channel: 'arbitration',
      label: '劳动人事争议仲裁',
    });
    expect(hint.matched).toEqual(['劳动合同', '辞退', '经济补偿']);
    expect(hint.advice).toContain('劳动人事争议仲裁委员会');
    const plain = await classify('路灯不亮', '小区门口的路灯坏了一个月，晚上出行不安全。');
    expect(plain.json().legalHints).toEqual([]);
  });

  it('staff read the list in force; citizens may not', async () => {
    const res = await h.app.inject({ url: '/api/v1/settings/legal-channels', headers: as('gl_registrar') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '320106', source: null });
    expect(res.json().rules).toHaveLength(DEFAULT_LEGAL_CHANNEL_RULES.length);
    expect(res.json().channels.arbitration).toBe('仲裁');
    const citizen = await h.app.inject({ url: '/api/v1/settings/legal-channels', headers: as('citizen') });
    expect(citizen.statusCode).toBe(403);
  });

  it('a city list applies to its districts, is refused to a district admin and to other cities', async () => {
    const rules = [...DEFAULT_LEGAL_CHANNEL_RULES, ownRule];
    const refused = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/legal-channels',
      headers: as('gl_admin'),
      payload: { code: '320100', rules },
    });
    expect(refused.statusCode).toBe(403);
    const registrar = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/legal-channels',
      headers: as('gl_registrar'),
      payload: { rules },
    });
    expect(registrar.statusCode).toBe(403);
    const ok = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/legal-channels',
      headers: as('nj_admin'),
      payload: { rules },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ code: '320100', source: '320100' });

    const district = await h.app.inject({
      url: '/api/v1/settings/legal-channels?code=320106',
      headers: as('gl_registrar'),
    });
    expect(district.json().source).toBe('320100');
    const hint = (await classify('业委会选举', '我们小区业委会选举没有公示候选人名单。')).json()
      .legalHints[0];
    expect(hint).toMatchObject({ ruleId: 'property_committee', matched: ['业委会', '选举'] });
    // 苏州 still has the defaults.
    const sz = await h.app.inject({
      url: '/api/v1/settings/legal-channels?code=320508',
      headers: as('admin'),
    });
    expect(sz.json().source).toBeNull();

    const audits = await h.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.legal_channels'));
    expect(audits).toHaveLength(1);

    const dropped = await h.app.inject({
      method: 'DELETE',
      url: '/api/v1/settings/legal-channels?code=320100',
      headers: as('nj_admin'),
    });
    expect(dropped.json().source).toBeNull();
    expect((await classify('业委会选举', '业委会选举没有公示。')).json().legalHints).toEqual([]);
  });

  it('rejects a faulty list with a Chinese message naming the field, changing nothing', async () => {
    const put = (rules: unknown[]) =>
      h.app.inject({
        method: 'PUT',
        url: '/api/v1/settings/legal-channels',
        headers: as('admin'),
        payload: { rules },
      });
    const dup = await put([ownRule, ownRule]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'invalid_rule', field: 'rules.1.id' });
    expect(dup.json().error.message).toContain('规则编号重复');
    const short = await put([{ ...ownRule, keywords: ['法'] }]);
    expect(short.json().error.message).toContain('至少2个字');
    const noAdvice = await put([{ ...ownRule, advice: '' }]);
    expect(noAdvice.statusCode).toBe(400);
    expect(noAdvice.json().error.message).toContain('告知意见');
    const unknownCategory = await put([{ ...ownRule, category: '组织人事' }]);
    expect(unknownCategory.statusCode).toBe(400);
    expect(unknownCategory.json().error.message).toContain('内容分类应为平台内容分类之一');
    const list = await h.app.inject({ url: '/api/v1/settings/legal-channels', headers: as('admin') });
    expect(list.json().source).toBeNull();
  });
});
