// What a monthly special report (专报) says, as data: the figures gathered once when the draft is
// made (stored in reports.data, so a report never changes when later cases arrive), and the
// editable texts of its four sections (reports.sections). No personal data anywhere: counts only.

import type { Indicators } from '../domain/indicators/index.ts';

export type { Indicators };

/** One row of a breakdown (by city, category or form) for the report month. */
export interface BreakdownRow {
  key: string;
  label: string;
  total: number;
  totalPrevPeriod: number;
  mom: number | null;
  yoy: number | null;
}

export interface TrendPoint {
  period: string; // 'YYYY-MM'
  total: number;
  online: number;
  /** The month is not over: its counts run to this day ('YYYY-MM-DD'). */
  through?: string;
}

export interface HotspotItem {
  label: string;
  place: string;
  size: number;
  petitioners: number;
  growth: number | null;
}

export interface OverdueUnit {
  unitName: string;
  jurisdictionName: string;
  open: number;
  overdue: number;
}

/** 重复信访 by content category: counts only, never who. */
export interface RepeatByCategory {
  categoryCode: string;
  label: string;
  repeats: number;
  share: number | null; // of all repeat petitions in the month
}

export interface ForecastPoint {
  period: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface ReportForecast {
  model: string;
  /** Backtest MASE (< 1 beats "same month last year"); null when not measurable. */
  mase?: number | null;
  /** Reports stored before MASE carry their MAPE; it is no longer computed or shown. */
  mape?: number | null;
  /** Why there is no forecast (历史数据不足), else absent or null: then points are empty. */
  note?: string | null;
  points: ForecastPoint[]; // the next three months
  nextMonth: ForecastPoint | null;
  /** The sum of the next three months (intervals added conservatively: a band, not a distribution). */
  nextQuarter: ForecastPoint | null;
}

export interface ReportData {
  kind: 'monthly';
  period: string; // 'YYYY-MM'
  from: string; // 'YYYY-MM-DD'
  to: string;
  /** Drafted before the month was over: figures to this day, compared with the same days. */
  through?: string | null;
  scope: { code: string; name: string; fullName: string; level: number; bureauName?: string };
  situation: { current: Indicators; previousMonth: Indicators; sameMonthLastYear: Indicators };
  breakdowns: { byJurisdiction: BreakdownRow[]; byCategory: BreakdownRow[]; byForm: BreakdownRow[] };
  trend: TrendPoint[]; // 13 months ending with the report month
  problems: { hotspots: HotspotItem[]; overdueUnits: OverdueUnit[]; repeatByCategory: RepeatByCategory[] };
  forecast: ReportForecast;
}

export const SECTION_KEYS = ['situation', 'problems', 'forecast', 'suggestions'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type ReportSections = Record<SectionKey, string>;

export const SECTION_HEADINGS: Record<SectionKey, string> = {
  situation: '一、基本情况',
  problems: '二、存在的问题',
  forecast: '三、趋势预测',
  suggestions: '四、意见建议',
};

export interface Suggestion {
  rule: string;
  text: string;
}
