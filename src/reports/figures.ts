// The key-figure table shared by the Word and PDF layouts and the console preview.
import { pct } from '../domain/reportRules.ts';
import type { Indicators, ReportData } from './types.ts';

const rows: [string, (i: Indicators) => string][] = [
  ['信访总量（件）', (i) => String(i.total)],
  ['网上信访占比', (i) => pct(i.onlineShare)],
  ['及时受理率', (i) => pct(i.timelyAcceptanceRate)],
  ['按期办结率', (i) => pct(i.onTimeCompletionRate)],
  ['群众参评率', (i) => pct(i.participationRate)],
  ['满意率', (i) => pct(i.satisfactionRate)],
  ['越级上访率', (i) => pct(i.skipLevelRate)],
  ['重复信访率', (i) => pct(i.repeatRate)],
  ['积案化解率', (i) => pct(i.backlogResolutionRate)],
  ['集体访（批/人次）', (i) => `${i.groupBatches}/${i.groupPersons}`],
];

export const FIGURE_HEADER = ['指标', '本月', '上月', '去年同月'] as const;

export function figureRows(d: ReportData): string[][] {
  const s = d.situation;
  return rows.map(([label, f]) => [label, f(s.current), f(s.previousMonth), f(s.sameMonthLastYear)]);
}

export const FORECAST_HEADER = ['月份', '预测值', '80%区间', '95%区间'] as const;

export function forecastRows(d: ReportData): string[][] {
  const r = (x: number) => String(Math.round(x));
  const q = d.forecast.nextQuarter;
  return [...d.forecast.points, ...(q ? [{ ...q, period: '下季度合计' }] : [])].map((p) => [
    p.period,
    r(p.mean),
    `${r(p.lo80)}～${r(p.hi80)}`,
    `${r(p.lo95)}～${r(p.hi95)}`,
  ]);
}
