// The 通报's scorecard: weighted score over the metrics with a basis, ranking with shared ranks,
// and the rules that name jurisdictions for commendation or criticism.
import { describe, expect, it } from 'vitest';
import { findings, rankByScore, type ScoredFigures, scoreOf } from '../../src/domain/bulletins/scorecard.ts';

const fig = (o: Partial<ScoredFigures> = {}): ScoredFigures => ({
  total: 20,
  timelyAcceptanceRate: 1,
  onTimeCompletionRate: 1,
  completed: 10,
  satisfactionRate: 1,
  repeatRate: 0,
  backlogIdentified: 2,
  backlogResolved: 2,
  backlogResolutionRate: 1,
  overdue: 0,
  ...o,
});

describe('scoreOf', () => {
  it('is 100 when every metric is at its best and falls with a worse one, by its weight', () => {
    expect(scoreOf(fig())).toBe(100);
    // 积案化解率 weighs 30 of 100: half resolved costs 15 points.
    expect(scoreOf(fig({ backlogResolutionRate: 0.5 }))).toBe(85);
    // 重复信访率 is better lower: 20 % repeats cost 10 × 0.2 = 2 points.
    expect(scoreOf(fig({ repeatRate: 0.2 }))).toBe(98);
  });

  it('leaves out a metric without a basis and scales the others', () => {
    // No backlog matter: the other 70 points are the whole; satisfaction 0.5 costs 20/70 × 0.5.
    expect(scoreOf(fig({ backlogResolutionRate: null, satisfactionRate: 0.5 }))).toBeCloseTo(85.7, 1);
  });

  it('does not score a jurisdiction whose measured metrics weigh under 60 %', () => {
    const thin = fig({ backlogResolutionRate: null, onTimeCompletionRate: null, satisfactionRate: null });
    expect(scoreOf(thin)).toBeNull();
  });
});

describe('rankByScore and findings', () => {
  const rows = [
    { code: 'a', name: '甲市', ...fig() },
    { code: 'b', name: '乙市', ...fig() },
    { code: 'c', name: '丙市', ...fig({ satisfactionRate: 0.8 }) },
    {
      code: 'd',
      name: '丁市',
      ...fig({ backlogIdentified: 4, backlogResolved: 1, backlogResolutionRate: 0.25 }),
    },
    { code: 'e', name: '戊市', ...fig({ timelyAcceptanceRate: 0.5, overdue: 5 }) },
    {
      code: 'f',
      name: '己市',
      ...fig({ onTimeCompletionRate: null, satisfactionRate: null, backlogResolutionRate: null }),
    },
  ];
  const ranked = rankByScore(rows, (r) => r.code);

  it('ranks best first, equal scores share a rank, the unscored come last without one', () => {
    expect(ranked.map((r) => [r.row.name, r.rank])).toEqual([
      ['甲市', 1],
      ['乙市', 1],
      ['丙市', 3],
      ['戊市', 4],
      ['丁市', 5],
      ['己市', null],
    ]);
  });

  it('commends the top and the cleared backlog, criticises the bottom two and low rates', () => {
    const f = findings(ranked);
    const named = (rule: string) => f.filter((x) => x.rule === rule).map((x) => x.name);
    expect(named('top_score')).toEqual(['甲市', '乙市', '丙市']);
    expect(named('bottom_score')).toEqual(['戊市', '丁市']);
    expect(named('backlog_low')).toEqual(['丁市']);
    expect(named('late_acceptance')).toEqual(['戊市']);
    expect(named('overdue')).toEqual(['戊市']);
    expect(f.find((x) => x.rule === 'backlog_low')?.text).toBe('积案化解率25.0%（认定4件、化解1件）');
  });
});
