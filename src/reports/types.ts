// What a monthly special report (专报) says, as data: the figures gathered once when the draft is
// made (stored in reports.data, so a report never changes when later cases arrive), and the
// editable texts of its four sections (reports.sections). No personal data anywhere: counts only.

import type { Indicators } from '../domain/indicators/index.ts';
import type {
  BreakdownRow,
  ForecastPoint,
  HotspotItem,
  OverdueUnit,
  RepeatByCategory,
  ReportData,
  ReportForecast,
  TrendPoint,
} from './contract.ts';

/** The data's shapes live in the contract (the console reads them). */
export type {
  BreakdownRow,
  ForecastPoint,
  HotspotItem,
  Indicators,
  OverdueUnit,
  RepeatByCategory,
  ReportData,
  ReportForecast,
  TrendPoint,
};

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
