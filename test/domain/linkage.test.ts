// The linkage tables as pure rules: which body a referral type goes to, the referral's steps, the
// relief approval chain by amount and the closure condition, the 三无 criteria of a year and the
// result from the evidence.
import { describe, expect, it } from 'vitest';
import {
  bodyFits,
  memberName,
  nextReferralStatus,
  REFERRAL_RULES,
  REFERRAL_TYPES,
  referralOverdue,
} from '../../src/domain/linkage/referrals.ts';
import {
  approvalChain,
  approvalLevelFor,
  closureBlockers,
  nextApprovalLevel,
  yuan,
} from '../../src/domain/linkage/relief.ts';
import { criteriaOf, evaluate, resultOf } from '../../src/domain/linkage/sanwu.ts';

describe('referral table', () => {
  it('sends each type to its bodies only', () => {
    expect(bodyFits('report', 'jiwei')).toBe(true);
    expect(bodyFits('report', 'gongan')).toBe(false);
    expect(bodyFits('legal', 'fayuan')).toBe(true);
    expect(bodyFits('relief', 'minzheng')).toBe(true);
    expect(bodyFits('public_order', 'gongan')).toBe(true);
    for (const t of REFERRAL_TYPES) expect(REFERRAL_RULES[t].bodies.length).toBeGreaterThan(0);
  });
  it('names bodies by level', () => {
    expect(memberName('fayuan', '江苏省', 1)).toBe('江苏省高级人民法院');
    expect(memberName('fayuan', '南京市', 2)).toBe('南京市中级人民法院');
    expect(memberName('fayuan', '鼓楼区', 3)).toBe('鼓楼区人民法院');
    expect(memberName('caizheng', '江苏省', 1)).toBe('江苏省财政厅');
  });
  it('moves a referral through its steps', () => {
    expect(nextReferralStatus('track', 'referred')).toBe('referred');
    expect(nextReferralStatus('feedback', 'referred')).toBe('fed_back');
    expect(nextReferralStatus('close', 'referred')).toBeNull();
    expect(nextReferralStatus('return', 'fed_back')).toBe('referred');
    expect(nextReferralStatus('close', 'fed_back')).toBe('closed');
    expect(nextReferralStatus('track', 'closed')).toBeNull();
    expect(referralOverdue({ status: 'referred', deadline: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(referralOverdue({ status: 'fed_back', deadline: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});

describe('信访救助 approval chain', () => {
  it('picks the level by amount (fen)', () => {
    expect(approvalLevelFor(3_000_000)).toBe(3);
    expect(approvalLevelFor(3_000_001)).toBe(2);
    expect(approvalLevelFor(10_000_000)).toBe(2);
    expect(approvalLevelFor(10_000_001)).toBe(1);
    expect(approvalChain(2_000_000)).toEqual([3]);
    expect(approvalChain(15_000_000)).toEqual([3, 2, 1]);
  });
  it('goes up only while the amount approved is above the level’s limit', () => {
    expect(nextApprovalLevel(3, 2_000_000)).toBeNull();
    expect(nextApprovalLevel(3, 5_000_000)).toBe(2);
    expect(nextApprovalLevel(2, 5_000_000)).toBeNull();
    expect(nextApprovalLevel(2, 12_000_000)).toBe(1);
    expect(nextApprovalLevel(1, 30_000_000)).toBeNull();
  });
  it('the matter waits on full payment and the undertaking', () => {
    const base = { status: 'approved' as const, approvedFen: 100, paidFen: 50, undertakingSigned: false };
    expect(closureBlockers(base)).toEqual(['救助金尚未足额发放', '信访人尚未签署息诉罢访承诺书']);
    expect(closureBlockers({ ...base, status: 'paid', paidFen: 100, undertakingSigned: true })).toEqual([]);
    expect(yuan(1_234_505)).toBe('12,345.05');
  });
});

describe('三无 criteria', () => {
  it('a year without its own table uses the latest before it', () => {
    expect(criteriaOf(2027)).toBe(criteriaOf(2026));
    expect(criteriaOf(2025)).toHaveLength(3);
    expect(criteriaOf(2020)).toBe(criteriaOf(2025));
  });
  it('platform criteria are met at zero; manual ones as entered; the result needs them all', () => {
    const criteria = criteriaOf(2026);
    const counts = {
      group_skipping_cases: { count: 0, caseIds: [] },
      group_event_warnings: { count: 2, caseIds: [7, 8] },
      extreme_risk_warnings: { count: 1, caseIds: [9] },
    };
    const partial = evaluate(criteria, counts, { beijing: { met: true } });
    expect(resultOf(partial)).toBeNull();
    const all = evaluate(criteria, counts, { beijing: { met: true }, extreme: { met: true } });
    expect(all.find((e) => e.key === 'extreme')).toMatchObject({ count: 1, met: true });
    expect(all.find((e) => e.key === 'group_event')).toMatchObject({ met: false, caseIds: [7, 8] });
    expect(resultOf(all)).toBe('not_qualified');
    const clean = evaluate(
      criteria,
      { ...counts, group_event_warnings: { count: 0, caseIds: [] } },
      {
        beijing: { met: true },
        extreme: { met: true },
      },
    );
    expect(resultOf(clean)).toBe('qualified');
  });
});
