// 访调对接 and 专家库 rules as data: kinds and their deadlines, the referral's steps, the agreement
// rate, and the conflict-of-interest rule.
import { describe, expect, it } from 'vitest';
import { ancestorCodes, assignable, conflictOf } from '../../src/domain/experts/experts.ts';
import {
  agreementNumber,
  agreementRate,
  defaultReferralDeadline,
  MEDIATION_KIND_RULES,
  nextReferralStatus,
  referralOverdue,
  settlesMatter,
} from '../../src/domain/mediation/referrals.ts';

describe('mediation referrals', () => {
  it('each kind has a name and a default deadline', () => {
    expect(MEDIATION_KIND_RULES.people).toMatchObject({ name: '人民调解', deadlineDays: 30 });
    expect(defaultReferralDeadline('people', '2026-01-31')).toBe('2026-03-02');
    expect(defaultReferralDeadline('judicial', '2026-12-20')).toBe('2027-01-04');
  });

  it('steps move a referral only from where they may', () => {
    expect(nextReferralStatus('record_session', 'referred')).toBe('referred');
    expect(nextReferralStatus('record_agreement', 'referred')).toBe('agreement');
    expect(nextReferralStatus('record_no_agreement', 'referred')).toBe('no_agreement');
    expect(nextReferralStatus('settle_case', 'agreement')).toBe('settled');
    expect(nextReferralStatus('settle_case', 'referred')).toBeNull();
    expect(nextReferralStatus('record_agreement', 'no_agreement')).toBeNull();
    expect(nextReferralStatus('withdraw', 'settled')).toBeNull();
  });

  it('only a whole-matter agreement settles the petition', () => {
    expect(settlesMatter('whole')).toBe(true);
    expect(settlesMatter('part')).toBe(false);
  });

  it('overdue only while still mediating past the deadline', () => {
    expect(referralOverdue({ status: 'referred', deadline: '2026-01-10' }, '2026-01-11')).toBe(true);
    expect(referralOverdue({ status: 'referred', deadline: '2026-01-10' }, '2026-01-10')).toBe(false);
    expect(referralOverdue({ status: 'agreement', deadline: '2026-01-10' }, '2026-02-01')).toBe(false);
  });

  it('the agreement rate is of concluded referrals, one decimal', () => {
    expect(agreementRate({ agreements: 0, failed: 0 })).toBeNull();
    expect(agreementRate({ agreements: 2, failed: 1 })).toBe(66.7);
    expect(agreementRate({ agreements: 3, failed: 0 })).toBe(100);
    expect(agreementNumber(2026, 7)).toBe('〔2026〕调协字第7号');
  });
});

describe('experts', () => {
  it('an expert of a unit concerned must withdraw (回避)', () => {
    const concerned = [
      { unitId: 5, role: 'handling' as const },
      { unitId: 9, role: 'complained' as const },
    ];
    expect(conflictOf(9, concerned)).toEqual({ unitId: 9, role: 'complained' });
    expect(conflictOf(7, concerned)).toBeNull();
    expect(conflictOf(null, concerned)).toBeNull();
  });

  it('a paused expert is not assignable; libraries above a place', () => {
    expect(assignable('available')).toBe(true);
    expect(assignable('busy')).toBe(true);
    expect(assignable('unavailable')).toBe(false);
    expect(ancestorCodes('320106')).toEqual(['320000', '320100']);
    expect(ancestorCodes('320100')).toEqual(['320000']);
    expect(ancestorCodes('320000')).toEqual([]);
  });
});
