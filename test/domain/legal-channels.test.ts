import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEGAL_CHANNEL_RULES,
  type LegalChannelRule,
  matchLegalChannels,
  validateLegalChannelRules,
} from '../../src/domain/legalChannels.ts';

const hints = (text: string) => matchLegalChannels(text, DEFAULT_LEGAL_CHANNEL_RULES);

describe('default legal-channel table', () => {
  it('points a dismissed worker to labour arbitration, with the words that matched', () => {
    const [h] = hints('公司未签劳动合同就把我辞退了，也不给经济补偿，我想申请仲裁');
    expect(h?.ruleId).toBe('labour_arbitration');
    expect(h?.channel).toBe('arbitration');
    expect(h?.matched).toEqual(['劳动合同', '辞退', '经济补偿']);
    expect(h?.advice).toContain('劳动人事争议仲裁委员会');
    expect(h?.advice).toContain('一年');
  });

  it('sends a dissatisfied litigant back to the courts (诉访分离)', () => {
    const [h] = hints('我对区法院的一审判决不服，判决书认定事实错误');
    expect(h?.ruleId).toBe('litigation_judgment');
    expect(h?.matched).toEqual(expect.arrayContaining(['判决', '不服', '一审判决', '判决书']));
  });

  it('recognises administrative penalties, corruption reports and land-contract disputes', () => {
    expect(hints('城管对我作出行政处罚，罚款五千元')[0]?.channel).toBe('administrative');
    expect(hints('举报村支书贪污扶贫款、收受贿赂')[0]?.ruleId).toBe('discipline_inspection');
    expect(hints('村里把我家的承包地收回流转给老板')[0]?.ruleId).toBe('rural_land_arbitration');
  });

  it('gives no hint for an ordinary petition', () => {
    expect(hints('小区门口路灯坏了一个月没人修，晚上出行很不安全')).toEqual([]);
    expect(hints('统一审批流程太慢，建议优化')).toEqual([]);
  });

  it('a specific channel suppresses the general one (劳动合同纠纷 is labour, not civil litigation)', () => {
    expect(hints('本人与公司存在劳动合同纠纷，拖欠工资三个月').map((h) => h.ruleId)).toEqual([
      'labour_arbitration',
    ]);
    expect(hints('与装修公司发生合同纠纷')[0]?.ruleId).toBe('civil_litigation');
  });

  it('needs every part of an A+B keyword', () => {
    expect(hints('判决已经执行完毕').some((h) => h.matched.includes('不服'))).toBe(false);
  });

  it('has unique ids and keywords of at least two characters', () => {
    expect(validateLegalChannelRules(DEFAULT_LEGAL_CHANNEL_RULES)).toEqual([]);
  });
});

describe('edited rules', () => {
  const rule: LegalChannelRule = {
    id: 'property_committee',
    channel: 'duty_performance',
    label: '业主委员会纠纷',
    keywords: ['业委会+选举'],
    category: '城乡建设',
    competentBody: '街道办事处',
    advice: '业主委员会选举争议由街道办事处指导监督。',
  };

  it('a rule with a category fires only when the classifier suggests that category', () => {
    const text = '业委会选举程序违法';
    expect(matchLegalChannels(text, [rule])).toEqual([]);
    expect(matchLegalChannels(text, [rule], { categories: ['城乡建设'] })[0]?.matched).toEqual([
      '业委会',
      '选举',
    ]);
  });

  it('a disabled rule never fires', () => {
    expect(
      matchLegalChannels('业委会选举', [{ ...rule, enabled: false }], { categories: ['城乡建设'] }),
    ).toEqual([]);
  });

  it('validation names the faulty field in Chinese', () => {
    expect(validateLegalChannelRules([rule, { ...rule, keywords: ['法', '业委会+'] }])).toEqual([
      { field: 'rules.1.id', message: '规则编号重复：property_committee' },
      { field: 'rules.1.keywords.0', message: '关键词“法”过短：每个词至少2个字' },
      { field: 'rules.1.keywords.1', message: '关键词“业委会+”格式不正确：“+”两侧都应有词' },
    ]);
  });
});
