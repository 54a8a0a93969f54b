import { describe, expect, it } from 'vitest';
import {
  CASE_FLAGS,
  FLAG_RULES,
  isCaseFlag,
  newlyReporting,
  staffOnlyFlags,
  upwardReportText,
} from '../../src/domain/flags.ts';

describe('national flags (事项标识)', () => {
  it('has the five national flags, each named; only 重大紧急 reports upwards', () => {
    expect(CASE_FLAGS.map((f) => FLAG_RULES[f].name)).toEqual([
      '重大紧急',
      '同意公开',
      '涉法涉诉',
      '涉港澳台侨外',
      '扬言',
    ]);
    expect(CASE_FLAGS.filter((f) => FLAG_RULES[f].reportsUp)).toEqual(['major_urgent']);
    expect(isCaseFlag('threat')).toBe(true);
    expect(isCaseFlag('toString')).toBe(false);
  });

  it('the petitioner gives only their consent to publication', () => {
    expect(staffOnlyFlags(['consent_public'])).toEqual([]);
    expect(staffOnlyFlags(['consent_public', 'major_urgent', 'threat'])).toEqual(['major_urgent', 'threat']);
  });

  it('reports a matter when 重大紧急 is newly set, not when it was set before', () => {
    expect(newlyReporting(['major_urgent', 'threat'], [])).toEqual(['major_urgent']);
    expect(newlyReporting(['major_urgent'], ['major_urgent'])).toEqual([]);
    expect(newlyReporting(['threat'], [])).toEqual([]);
  });

  it('the SMS names the bureau, the flag and the case number only', () => {
    expect(
      upwardReportText({ from: '鼓楼区信访局', caseNumber: '3201062026000001', flag: 'major_urgent' }),
    ).toBe(
      '【信访事项上报】鼓楼区信访局报告重大紧急信访事项，编号3201062026000001，请登录工作台“日监测”查看并签收。',
    );
  });
});
