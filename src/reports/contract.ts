// The stored reports' answers (月度专报 here; 通报 in src/bulletins/contract.ts; server–web contract,
// docs/architecture.md): the summary, the editable texts, and the figures gathered when the draft
// was made (reports.data). Only zod and types here: the console imports them with `import type`.
// No personal data anywhere: counts only.
import { z } from 'zod';
import type { Indicators } from '../domain/indicators/index.ts';

export const StoredReportSummary = z.object({
  id: z.number(),
  kind: z.string(),
  period: z.string(),
  scope: z.object({ code: z.string(), name: z.string() }),
  title: z.string(),
  status: z.enum(['draft', 'issued']),
  createdAt: z.string(),
  updatedAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type StoredReportSummary = z.infer<typeof StoredReportSummary>;

/**
 * The figures stored when the draft was made, typed as `T` for the console. At run time the answer
 * checks only that they are an object: a report keeps the shape it was drafted with (older reports
 * carry fields since retired, e.g. the forecast's MAPE), so the stored data is not re-validated.
 */
export const storedData = <T>(description: string) =>
  z.record(z.string(), z.unknown()).meta({ description }) as unknown as z.ZodType<T>;

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
  /** What the matters are about, as a phrase: the street and the cluster's top words (宅基地确权). */
  subject?: string;
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
  problems: {
    hotspots: HotspotItem[];
    /** The place's own units holding overdue matters of the place. */
    overdueUnits: OverdueUnit[];
    repeatByCategory: RepeatByCategory[];
    /** Overdue matters of the place held by an upper bureau (absent in reports drafted before). */
    overdueAbove?: number;
  };
  forecast: ReportForecast;
}

export const ReportSections = z.object({
  situation: z.string(),
  problems: z.string(),
  forecast: z.string(),
  suggestions: z.string(),
});

export const ReportDetail = StoredReportSummary.extend({
  sections: ReportSections,
  data: storedData<ReportData>('ReportData：指标、分项、趋势、问题、预测（仅统计数字）'),
});
export type ReportDetail = z.infer<typeof ReportDetail>;
