// The drafted texts of the four sections, from the figures. Paragraphs are separated by a newline;
// analysts edit them before issue. Same data → same text.

import { chineseInteger } from '../documents/format.ts';
import { areaWord, draftSuggestions, hotspotPhrase, pct, REPORT_THRESHOLDS } from '../domain/reportRules.ts';
import type { ReportData, ReportSections } from './types.ts';

const change = (r: number | null, up = '上升', down = '下降') =>
  r === null ? '无可比数据' : r === 0 ? '持平' : `${r > 0 ? up : down}${pct(Math.abs(r))}`;

/** 2026-10 → 2026年10月 */
export const monthLabel = (period: string) => {
  const [y, m] = period.split('-');
  return `${y}年${Number(m)}月`;
};

export function reportTitle(data: Pick<ReportData, 'period' | 'scope'>): string {
  return `关于${monthLabel(data.period)}${areaWord(data.scope.level, data.scope.name)}信访形势的专报`;
}

function situationText(d: ReportData): string {
  const c = d.situation.current;
  const area = areaWord(d.scope.level, d.scope.name);
  // A month not over yet says so, and its 环比/同比 are against the same days (collect.ts).
  const when = d.through
    ? `${monthLabel(d.period)}1日至${Number(d.through.slice(8, 10))}日`
    : monthLabel(d.period);
  const vs = d.through ? '（与上月同期相比）' : '';
  const vsYear = d.through ? '（与去年同期相比）' : '';
  const lines = [
    `${when}，${area}信访部门共登记信访事项${c.total}件，环比${vs}${change(c.mom)}，同比${vsYear}${change(c.yoy)}。其中网上信访${c.online}件，占${pct(c.onlineShare)}（上月${pct(c.onlineSharePrev)}）。`,
    `及时受理率${pct(c.timelyAcceptanceRate)}，按期办结率${pct(c.onTimeCompletionRate)}，群众参评率${pct(c.participationRate)}，满意率${pct(c.satisfactionRate)}；越级上访率${pct(c.skipLevelRate)}，重复信访率${pct(c.repeatRate)}，积案化解率${pct(c.backlogResolutionRate)}；集体访${c.groupBatches}批${c.groupPersons}人次。`,
  ];
  const cities = d.breakdowns.byJurisdiction.filter((r) => r.total > 0).slice(0, 3);
  if (cities.length > 0)
    lines.push(`从地区看，信访量居前的是${cities.map((r) => `${r.label}（${r.total}件）`).join('、')}。`);
  const cats = d.breakdowns.byCategory.filter((r) => r.total > 0).slice(0, 3);
  if (cats.length > 0 && c.total > 0)
    lines.push(
      `从内容看，${cats.map((r) => `${r.label}类${r.total}件、占${pct(r.total / c.total)}`).join('，')}。`,
    );
  return lines.join('\n');
}

function problemsText(d: ReportData): string {
  const lines: string[] = [];
  const n = (i: number) => `（${chineseInteger(i + 1)}）`;
  let i = 0;
  // The five leading hotspots, the largest first.
  const hs = d.problems.hotspots.slice(0, 5).sort((a, b) => b.size - a.size || b.petitioners - a.petitioners);
  if (hs.length > 0)
    lines.push(`${n(i++)}热点问题相对集中。${hs.map((h) => hotspotPhrase(h, d.scope)).join('；')}。`);
  const ou = d.problems.overdueUnits.filter((u) => u.overdue > 0).slice(0, 5);
  // 问题突出 only where a unit holds several (REPORT_THRESHOLDS.overdueMinCount): one or two overdue
  // matters a unit are named, not called a pressing problem.
  const pressing = ou.some((u) => u.overdue >= REPORT_THRESHOLDS.overdueMinCount);
  const above = d.problems.overdueAbove ?? 0;
  const aboveText = above > 0 ? `另有${above}件在上级机关办理中超期。` : '';
  if (ou.length > 0)
    lines.push(
      `${n(i++)}${pressing ? '部分单位超期未办结问题突出' : '部分单位存在超期未办结事项'}。${ou.map((u) => `${u.jurisdictionName}${u.unitName}超期${u.overdue}件`).join('；')}。${aboveText}`,
    );
  else if (above > 0) lines.push(`${n(i++)}${above}件事项在上级机关办理中超期。`);
  const rc = d.problems.repeatByCategory.filter((r) => r.repeats > 0).slice(0, 5);
  if (rc.length > 0)
    lines.push(
      `${n(i++)}重复信访集中在少数领域。${rc.map((r) => `${r.label}类${r.repeats}件（占${pct(r.share)}）`).join('、')}。`,
    );
  if (lines.length === 0) lines.push('本月未发现需要专门报告的突出问题。');
  return lines.join('\n');
}

function forecastText(d: ReportData): string {
  const f = d.forecast;
  const m = f.nextMonth;
  const q = f.nextQuarter;
  if (!m || !q) return `${f.note ?? '历史数据不足，暂不预测'}。`;
  const r = (x: number) => Math.round(x);
  // Plain words for the leader: how the forecast fared on the last months, not the metric's name.
  const mase = f.mase ?? null;
  const fit =
    mase === null
      ? ''
      : mase < 1
        ? '（按此方法回测近3个月，误差小于简单套用去年同月的做法）'
        : '（按此方法回测近3个月，误差与简单套用去年同月的做法相当或更大，仅供参考）';
  return [
    `根据近两年信访量的季节规律和趋势${fit}，预计${monthLabel(m.period)}信访总量约${r(m.mean)}件，大概率（80%）在${r(m.lo80)}～${r(m.hi80)}件之间，几乎可以肯定（95%）在${r(m.lo95)}～${r(m.hi95)}件之间。`,
    `预计未来三个月（${monthLabel(f.points[0]?.period ?? m.period)}至${monthLabel(f.points[f.points.length - 1]?.period ?? m.period)}）合计约${r(q.mean)}件，80%区间${r(q.lo80)}～${r(q.hi80)}件，95%区间${r(q.lo95)}～${r(q.hi95)}件。`,
  ].join('\n');
}

function suggestionsText(d: ReportData): string {
  return draftSuggestions(d)
    .map((s, i) => `（${chineseInteger(i + 1)}）${s.text}`)
    .join('\n');
}

export function draftSections(data: ReportData): ReportSections {
  return {
    situation: situationText(data),
    problems: problemsText(data),
    forecast: forecastText(data),
    suggestions: suggestionsText(data),
  };
}
