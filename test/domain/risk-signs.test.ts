// Extreme-risk phrases in petition text, with the simple negation rule.
import { describe, expect, it } from 'vitest';
import { describeRisk, findRiskSigns } from '../../src/domain/riskSigns.ts';

const kinds = (t: string) => [...new Set(findRiskSigns(t).map((s) => s.kind))].sort();

describe('risk signs', () => {
  it('finds self-harm, threats to others and extreme acts', () => {
    expect(kinds('工资拖欠两年，我实在活不下去了，再不解决就去跳楼。')).toEqual(['self_harm']);
    expect(kinds('如果还不赔偿，我就和他同归于尽。')).toEqual(['harm_others']);
    expect(kinds('再拖下去我就带着汽油到政府门口自焚')).toEqual(['extreme_act']);
    expect(kinds('我不想活了，也要让他偿命')).toEqual(['harm_others', 'self_harm']);
  });

  it('ignores negated phrases in the same clause, but not across clauses', () => {
    expect(findRiskSigns('我不会轻生，只想讨个说法')).toEqual([]);
    expect(findRiskSigns('本人从未想过自杀，请依法处理')).toEqual([]);
    expect(findRiskSigns('我们绝不会采取放火等过激行为')).toEqual([]);
    // The negator belongs to another clause: the sign stands.
    expect(kinds('我没有办法了，只能自杀')).toEqual(['self_harm']);
    // One negated occurrence does not hide a later plain one.
    expect(kinds('我不会跳楼。但是如果再不管，我就跳楼')).toEqual(['self_harm']);
  });

  it('leaves ordinary petition language alone', () => {
    for (const t of [
      '反映遭到村干部打击报复，请求调查',
      '小区燃气管道老化，担心发生爆炸，请求更换',
      '加油站汽油价格问题咨询',
      '拖欠农民工工资，请求帮助追讨',
      '举报某公司非法排污',
    ]) {
      expect(findRiskSigns(t)).toEqual([]);
    }
  });

  it('ignores whitespace inside phrases and describes kinds without quoting', () => {
    const signs = findRiskSigns('我 要 自 焚');
    expect(signs.map((s) => s.phrase)).toEqual(['自焚']);
    expect(describeRisk(findRiskSigns('不想活了，要去跳河，还要弄死他'))).toBe('自伤自杀倾向、伤害他人倾向');
  });
});
