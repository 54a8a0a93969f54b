// The suggestions (意见建议) of the monthly report, drafted by rules over hand-made figures.
import { describe, expect, it } from 'vitest';
import {
  areaWord,
  draftSuggestions,
  hotspotPhrase,
  REPORT_THRESHOLDS,
} from '../../src/domain/reportRules.ts';
import { draftSections, reportTitle } from '../../src/reports/sections.ts';
import type { BreakdownRow, Indicators, OverdueUnit, ReportData } from '../../src/reports/types.ts';

function indicators(p: Partial<Indicators> = {}): Indicators {
  return {
    total: 100,
    totalPrevYear: 100,
    totalPrevPeriod: 100,
    yoy: 0,
    mom: 0,
    online: 50,
    onlineShare: 0.5,
    onlineSharePrev: 0.5,
    acceptedTimely: 98,
    acceptanceDecided: 100,
    timelyAcceptanceRate: 0.98,
    completedOnTime: 95,
    completed: 100,
    onTimeCompletionRate: 0.95,
    rated: 80,
    ratable: 100,
    participationRate: 0.8,
    satisfied: 76,
    satisfactionRate: 0.95,
    bureauSatisfied: 76,
    bureauSatisfactionRate: 0.95,
    skippedLevel: 0,
    visits: 20,
    skipLevelRate: 0,
    repeats: 5,
    repeatRate: 0.05,
    backlogResolved: 1,
    backlog: 2,
    backlogResolutionRate: 0.5,
    groupBatches: 1,
    groupPersons: 10,
    ...p,
  };
}

const row = (label: string, total: number, prev: number): BreakdownRow => ({
  key: label,
  label,
  total,
  totalPrevPeriod: prev,
  mom: prev === 0 ? null : total / prev - 1,
  yoy: null,
});

function report(
  p: {
    current?: Partial<Indicators>;
    previous?: Partial<Indicators>;
    categories?: BreakdownRow[];
    overdue?: OverdueUnit[];
    nextMonth?: number;
  } = {},
): ReportData {
  const point = (period: string, mean: number) => ({
    period,
    mean,
    lo80: mean * 0.9,
    hi80: mean * 1.1,
    lo95: mean * 0.8,
    hi95: mean * 1.2,
  });
  const next = point('2026-11', p.nextMonth ?? 100);
  return {
    kind: 'monthly',
    period: '2026-10',
    from: '2026-10-01',
    to: '2026-10-31',
    scope: { code: '320000', name: '江苏省', fullName: '江苏省', level: 1 },
    situation: {
      current: indicators(p.current),
      previousMonth: indicators(p.previous),
      sameMonthLastYear: indicators(),
    },
    breakdowns: { byJurisdiction: [], byCategory: p.categories ?? [], byForm: [] },
    trend: [],
    problems: { hotspots: [], overdueUnits: p.overdue ?? [], repeatByCategory: [] },
    forecast: {
      model: 'test',
      mase: 0.8,
      points: [next, point('2026-12', 100), point('2027-01', 100)],
      nextMonth: next,
      nextQuarter: point('2026-11~2027-01', 300),
    },
  };
}

const rules = (d: ReportData) => draftSuggestions(d).map((s) => s.rule);

describe('draftSuggestions', () => {
  it('says the situation is steady when every figure is within the requirements', () => {
    const s = draftSuggestions(report());
    expect(s.map((x) => x.rule)).toEqual(['steady']);
    expect(s[0]?.text).toContain('全省信访形势总体平稳');
  });

  it('asks for timely acceptance when 及时受理率 is below 95 %, naming the rate', () => {
    const s = draftSuggestions(report({ current: { timelyAcceptanceRate: 0.846 } }));
    expect(s.map((x) => x.rule)).toEqual(['timely_acceptance']);
    expect(s[0]?.text).toContain('及时受理率为84.6%，低于95%');
    expect(rules(report({ current: { timelyAcceptanceRate: 0.95 } }))).toEqual(['steady']);
  });

  it('asks for 专项治理 of a category growing more than 20 % month on month, not a small one', () => {
    const d = report({
      categories: [row('城乡建设', 36, 29), row('国土资源', 14, 12), row('民政', 6, 2)],
    });
    const s = draftSuggestions(d);
    // 36/29 = +24.1 % → yes; 14/12 = +16.7 % → no; 民政 tripled but 6 < 10 cases → no.
    expect(s.map((x) => x.rule)).toEqual(['category_growth']);
    expect(s[0]?.text).toContain('“城乡建设”类信访本月36件，环比上升24.1%');
    expect(s[0]?.text).toContain('专项治理');
  });

  it('names several growing categories in one suggestion, the largest increases first', () => {
    const d = report({
      categories: [
        row('教育文体', 16, 10),
        row('城乡建设', 91, 60),
        row('交通运输', 19, 5),
        row('国土资源', 40, 24),
        row('环境保护', 12, 8),
        row('民政', 30, 29),
      ],
    });
    const s = draftSuggestions(d).filter((x) => x.rule === 'category_growth');
    // Five grew by more than 20 % on at least 10 petitions (民政 +3.4 % did not): one suggestion,
    // naming the three with the largest increase (+31, +16, +14), counting the rest.
    expect(s).toHaveLength(1);
    expect(s[0]?.text).toBe(
      '“城乡建设”“国土资源”“交通运输”等5类信访环比上升较快，其中“城乡建设”类91件、上升51.7%，“国土资源”类40件、上升66.7%，“交通运输”类19件、上升280.0%。建议会同相关主管部门开展专项治理，排查共性问题，从政策层面推动源头化解。',
    );
    const two = draftSuggestions(report({ categories: [row('城乡建设', 36, 29), row('交通运输', 19, 5)] }));
    expect(two.find((x) => x.rule === 'category_growth')?.text).toMatch(
      /^“交通运输”“城乡建设”类信访环比上升较快，其中/,
    );
  });

  it('asks for 督办 of a unit holding a concentration of the overdue matters', () => {
    const overdue: OverdueUnit[] = [
      { unitName: '住房和城乡建设局', jurisdictionName: '南京市', open: 40, overdue: 6 },
      { unitName: '民政局', jurisdictionName: '苏州市', open: 10, overdue: 2 },
      { unitName: '信访局', jurisdictionName: '无锡市', open: 10, overdue: 2 },
    ];
    const s = draftSuggestions(report({ overdue }));
    // 6 of 10 = 60 % ≥ 30 % and ≥ 3 cases; the others have 2 (below the minimum count).
    expect(s.map((x) => x.rule)).toEqual(['overdue_concentration']);
    expect(s[0]?.text).toContain('南京市住房和城乡建设局超期未办结6件，占全省超期事项的60.0%');
    expect(s[0]?.text).toContain('挂牌督办');
  });

  it('flags falling satisfaction by the drop in percentage points', () => {
    const s = draftSuggestions(
      report({ current: { satisfactionRate: 0.92 }, previous: { satisfactionRate: 0.96 } }),
    );
    expect(s.map((x) => x.rule)).toEqual(['satisfaction']);
    expect(s[0]?.text).toContain('满意率为92.0%，较上月下降4.0个百分点');
    // A drop of one point at a high level is noise; a low level is flagged without a drop.
    expect(
      rules(report({ current: { satisfactionRate: 0.95 }, previous: { satisfactionRate: 0.96 } })),
    ).toEqual(['steady']);
    expect(
      rules(report({ current: { satisfactionRate: 0.85 }, previous: { satisfactionRate: 0.85 } })),
    ).toEqual(['satisfaction']);
  });

  it('covers repeats, level-skipping, group visits and a forecast rise, in a fixed order', () => {
    const d = report({
      current: {
        repeatRate: 0.2,
        skipLevelRate: 0.05,
        groupBatches: 3,
        groupPersons: 60,
        onTimeCompletionRate: 0.8,
      },
      previous: { groupBatches: 1 },
      nextMonth: 125,
    });
    expect(rules(d)).toEqual([
      'on_time_completion',
      'repeat_rate',
      'skip_level',
      'group_visits',
      'forecast_growth',
    ]);
    expect(draftSuggestions(d).at(-1)?.text).toContain('预计下月信访总量约125件，较本月增长25.0%');
  });

  it('ignores rates without a basis (null) rather than reading them as 0 %', () => {
    expect(
      rules(
        report({
          current: { timelyAcceptanceRate: null, satisfactionRate: null, onTimeCompletionRate: null },
        }),
      ),
    ).toEqual(['steady']);
  });

  it('keeps its thresholds where the bureau can read them', () => {
    expect(REPORT_THRESHOLDS.timelyAcceptance).toBe(0.95);
    expect(REPORT_THRESHOLDS.categoryGrowth).toBe(0.2);
  });
});

describe('report texts', () => {
  it('titles the report by month and area', () => {
    expect(reportTitle(report())).toBe('关于2026年10月全省信访形势的专报');
    const city = {
      ...report(),
      scope: { code: '320100', name: '南京市', fullName: '江苏省南京市', level: 2 },
    };
    expect(reportTitle(city)).toBe('关于2026年10月全市信访形势的专报');
    expect(areaWord(3, '沛县')).toBe('全县');
    expect(areaWord(3, '鼓楼区')).toBe('全区');
  });

  it('drafts the four sections from the figures, numbering the suggestions', () => {
    const d = report({ current: { timelyAcceptanceRate: 0.9, onTimeCompletionRate: 0.85 } });
    const s = draftSections(d);
    expect(s.situation).toContain('2026年10月，全省信访部门共登记信访事项100件');
    expect(s.forecast).toContain(
      '预计2026年11月信访总量约100件，大概率（80%）在90～110件之间，几乎可以肯定（95%）在80～120件之间',
    );
    // The backtest in words, not as a metric's name.
    expect(s.forecast).toContain('误差小于简单套用去年同月的做法');
    expect(s.forecast).not.toMatch(/MAPE|MASE|百分比误差/);
    expect(s.suggestions.split('\n')).toHaveLength(2);
    expect(s.suggestions).toMatch(/^（一）及时受理率为90\.0%/);
    expect(s.suggestions).toContain('（二）按期办结率为85.0%');
    expect(draftSections(d)).toEqual(s);
  });

  it('names the hotspots by what they are about and where, the largest first', () => {
    const d = report();
    const hotspot = (subject: string, place: string, size: number, petitioners: number) => ({
      label: `${place} ${subject}`,
      subject,
      place,
      size,
      petitioners,
      growth: 0,
    });
    const withHotspots: ReportData = {
      ...d,
      problems: {
        ...d.problems,
        hotspots: [
          hotspot('培训机构', '江苏省', 8, 8),
          hotspot('宅基地确权', '鼓楼区', 6, 6),
          hotspot('缴纳社会保险', '南京市', 9, 7),
        ],
      },
    };
    expect(draftSections(withHotspots).problems).toContain(
      '（一）热点问题相对集中。“缴纳社会保险”问题9件（南京市，涉及7人）；“培训机构”问题8件（全省多地，涉及8人）；“宅基地确权”问题6件（鼓楼区，涉及6人）。',
    );
    // A report drafted before the subject was kept still reads.
    const gulou = { name: '鼓楼区', level: 3 };
    expect(
      hotspotPhrase({ label: '鼓楼区 宅基地 确权', place: '鼓楼区', size: 6, petitioners: 6 }, gulou),
    ).toBe('“鼓楼区 宅基地 确权”6件（涉及6人）');
    // A county's report: its hotspots are all its own.
    expect(
      hotspotPhrase({ label: '', subject: '宅基地确权', place: '鼓楼区', size: 6, petitioners: 5 }, gulou),
    ).toBe('“宅基地确权”问题6件（涉及5人）');
  });

  it('calls overdue matters a pressing problem only where a unit holds several', () => {
    const unit = (unitName: string, overdue: number): OverdueUnit => ({
      unitName,
      jurisdictionName: '鼓楼区',
      open: 10,
      overdue,
    });
    const few = draftSections(report({ overdue: [unit('信访局', 2), unit('交通运输局', 1)] })).problems;
    expect(few).toContain('部分单位存在超期未办结事项。鼓楼区信访局超期2件；鼓楼区交通运输局超期1件。');
    expect(draftSections(report({ overdue: [unit('住房和城乡建设局', 6)] })).problems).toContain(
      '部分单位超期未办结问题突出。鼓楼区住房和城乡建设局超期6件。',
    );
    // Matters of the place overdue at an upper bureau are counted apart, not listed as its units.
    const d = report({ overdue: [unit('信访局', 2)] });
    const withAbove: ReportData = { ...d, problems: { ...d.problems, overdueAbove: 3 } };
    expect(draftSections(withAbove).problems).toContain(
      '部分单位存在超期未办结事项。鼓楼区信访局超期2件。另有3件在上级机关办理中超期。',
    );
    const onlyAbove: ReportData = { ...report(), problems: { ...report().problems, overdueAbove: 2 } };
    expect(draftSections(onlyAbove).problems).toContain('（一）2件事项在上级机关办理中超期。');
  });

  it('says 历史数据不足 and drafts no forecast rise when a thin history gave no forecast', () => {
    const d = report();
    const thin: ReportData = {
      ...d,
      forecast: {
        model: 'none',
        mase: null,
        note: '历史数据不足（多数月份为零），暂不预测',
        points: [],
        nextMonth: null,
        nextQuarter: null,
      },
    };
    expect(draftSections(thin).forecast).toBe('历史数据不足（多数月份为零），暂不预测。');
    expect(rules(thin)).not.toContain('forecast_growth');
  });

  it('says a month not over yet runs to its day and compares with the same days', () => {
    const d = { ...report(), through: '2026-10-04' };
    const s = draftSections(d);
    expect(s.situation).toContain(
      '2026年10月1日至4日，全省信访部门共登记信访事项100件，环比（与上月同期相比）',
    );
  });
});
