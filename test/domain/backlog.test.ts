// The 积案 rules as tables and pure functions: candidate rules (defaults, per-jurisdiction values,
// the loosest set for the pass's query), the status table, the seven standards, the ledger's sums.
import { describe, expect, it } from 'vitest';
import { childOf, daysOpen, planStatus, resolutionRates } from '../../src/domain/backlog/ledger.ts';
import {
  DEFAULT_QUOTAS,
  leaderCompliance,
  periodOf,
  quotasFromSettings,
} from '../../src/domain/backlog/packages.ts';
import {
  candidateHits,
  DEFAULT_CANDIDATE_RULES,
  loosest,
  rulesFromSettings,
} from '../../src/domain/backlog/rules.ts';
import { STANDARDS, unmetStandards } from '../../src/domain/backlog/standards.ts';
import { levelOfCode, nextStatus } from '../../src/domain/backlog/states.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('candidate rules', () => {
  it('proposes by repeats, days open, contested review and group matters', () => {
    const r = DEFAULT_CANDIDATE_RULES;
    const base = { repeatCount: 0, receivedAt: ago(10), state: 'handling', isGroup: false };
    expect(candidateHits(base, r, NOW)).toEqual([]);
    expect(candidateHits({ ...base, repeatCount: 3 }, r, NOW).map((h) => h.rule)).toEqual(['repeat']);
    expect(candidateHits({ ...base, receivedAt: ago(180) }, r, NOW)).toEqual([
      { rule: 'open_days', label: '受理后180天未化解' },
    ]);
    expect(candidateHits({ ...base, state: 'reviewed' }, r, NOW).map((h) => h.rule)).toEqual([
      'contested_review',
    ]);
    expect(candidateHits({ ...base, isGroup: true, receivedAt: ago(60) }, r, NOW).map((h) => h.rule)).toEqual(
      ['group'],
    );
    expect(candidateHits({ ...base, repeatCount: 9 }, { ...r, enabled: false }, NOW)).toEqual([]);
  });

  it('takes each field from the nearest setting, ignoring values out of range', () => {
    const rules = rulesFromSettings([
      { repeatMin: 5, openDaysMin: 120 },
      { repeatMin: 2, openDaysMin: -4 },
      'junk',
    ]);
    expect(rules).toMatchObject({ repeatMin: 2, openDaysMin: 120, contestedReview: true });
  });

  it('the pass queries with the loosest thresholds of all jurisdictions', () => {
    const l = loosest([
      DEFAULT_CANDIDATE_RULES,
      { ...DEFAULT_CANDIDATE_RULES, repeatMin: 2, groupOpenDaysMin: 0 },
    ]);
    expect(l).toMatchObject({ repeatMin: 2, openDaysMin: 180, groupOpenDaysMin: 60 });
    expect(loosest([{ ...DEFAULT_CANDIDATE_RULES, enabled: false }]).enabled).toBe(false);
  });
});

describe('statuses and standards', () => {
  it('moves only along the table', () => {
    expect(nextStatus('propose', 'candidate')).toBe('proposed');
    expect(nextStatus('approve', 'proposed')).toBe('identified');
    expect(nextStatus('approve', 'candidate')).toBeNull();
    expect(nextStatus('add_progress', 'identified')).toBe('identified');
    expect(nextStatus('add_progress', 'resolved')).toBeNull();
    expect(nextStatus('return_close', 'closing')).toBe('identified');
  });

  it('names the level of a jurisdiction code', () => {
    expect(['320000', '320100', '320106'].map(levelOfCode)).toEqual(['province', 'city', 'county']);
  });

  it('a standard is met with evidence and a sign-off, all seven in the seed’s order', () => {
    expect(STANDARDS.map((s) => s.name).join('、')).toBe(
      '认定恰当、标识准确、程序完整、要件齐全、实体合理、结案合规、审核严谨',
    );
    const checks = STANDARDS.map((s) => ({ standard: s.key, evidence: '见卷宗', signed: true }));
    expect(unmetStandards(checks)).toEqual([]);
    expect(unmetStandards(checks.map((c, i) => (i === 2 ? { ...c, signed: false } : c)))).toEqual([
      'procedure',
    ]);
    expect(unmetStandards(checks.slice(1))).toEqual(['identification']);
  });
});

describe('ledger arithmetic', () => {
  it('化解率 = 化解 ÷ 认定, by the jurisdictions below the scope', () => {
    const m = (jurisdictionCode: string, status: 'identified' | 'resolved' | 'unflagged' | 'proposed') => ({
      jurisdictionCode,
      status,
    });
    const { rows, total } = resolutionRates(
      [
        m('320106', 'resolved'),
        m('320106', 'identified'),
        m('320115', 'resolved'),
        m('320115', 'unflagged'),
        m('320211', 'proposed'),
      ],
      '320000',
    );
    expect(total).toMatchObject({ identified: 3, resolved: 2 });
    expect(total.rate).toBeCloseTo(2 / 3);
    expect(rows).toEqual([{ code: '320100', identified: 3, resolved: 2, open: 1, rate: 2 / 3 }]);
    expect(childOf('320100', '320106001')).toBe('320106');
  });

  it('plan status and days open', () => {
    expect(planStatus([], '2026-12-01').label).toBe('未制定');
    expect(planStatus([{ dueDate: '2026-11-30', done: false }], '2026-12-01')).toMatchObject({
      overdue: 1,
      label: '有逾期',
    });
    expect(planStatus([{ dueDate: '2026-12-01', done: false }], '2026-12-01').label).toBe('推进中');
    expect(planStatus([{ dueDate: '2026-11-01', done: true }], '2026-12-01').label).toBe('已完成');
    expect(daysOpen(ago(30), null, NOW)).toBe(30);
    expect(daysOpen(ago(30), ago(10), NOW)).toBe(20);
    expect(daysOpen(null, null, NOW)).toBeNull();
  });
});

describe('领导包案 quotas', () => {
  it('city leaders one a half-year, county leaders one a quarter, unless a jurisdiction says otherwise', () => {
    expect(DEFAULT_QUOTAS).toEqual({
      city: { period: 'half_year', count: 1 },
      county: { period: 'quarter', count: 1 },
    });
    expect(quotasFromSettings([{ county: { period: 'quarter', count: 2 } }, { city: null }])).toEqual({
      county: { period: 'quarter', count: 2 },
    });
    expect(quotasFromSettings([{ county: { period: 'month', count: 2 } }]).county).toEqual(
      DEFAULT_QUOTAS.county,
    );
  });

  it('periods: quarters, half-years and years with their first and last days', () => {
    expect(periodOf('quarter', '2026-11-15')).toEqual({
      key: '2026-Q4',
      name: '2026年第4季度',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodOf('half_year', '2026-03-01')).toEqual({
      key: '2026-H1',
      name: '2026年上半年',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(periodOf('quarter', '2028-02-10').to).toBe('2028-03-31');
    expect(periodOf('year', '2026-07-01').key).toBe('2026');
  });

  it('counts the matters taken in the period against the quota, and the resolution of all', () => {
    const q4 = periodOf('quarter', '2026-11-15');
    const c = leaderCompliance(
      [
        { takenOn: '2026-09-30', resolved: true },
        { takenOn: '2026-10-01', resolved: false },
      ],
      { period: 'quarter', count: 1 },
      q4,
    );
    expect(c).toEqual({ taken: 1, required: 1, met: true, resolved: 1, total: 2, rate: 0.5 });
  });
});
