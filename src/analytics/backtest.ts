// Forecast backtest (回测): for each city and, province-wide, each content category, hold out the
// last H complete months, forecast them from the months before, and report the MASE (mean absolute
// scaled error: the error ÷ the in-sample error of "same month last year"; < 1 beats it) — next to
// the seasonal naive forecast's own MASE on the held-out months and the sMAPE. MAPE is not used: it
// is undefined on zero months, and a sparse county series scored "0.0 %" on its one non-zero month.
// A series too thin to forecast (src/domain/forecast insufficientHistory) is listed without figures.
import type { Executor } from '../db/client.ts';
import { categoryLabel } from '../domain/categories.ts';
import {
  forecastSeries,
  type Insufficient,
  insufficientHistory,
  mase,
  seasonalNaive,
  smape,
} from '../domain/forecast/index.ts';
import {
  addMonths,
  HISTORY_MONTHS,
  monthlyCountsBySeries,
  shanghaiMonth,
  trimLeadingZeros,
} from './forecast.ts';

export interface BacktestSeries {
  key: string;
  label: string;
  group: 'city' | 'category';
  months: number;
  meanMonthly: number;
  model: string;
  mase: number | null;
  naiveMase: number | null;
  smape: number | null;
  /** Why the series was not forecast (too short, mostly zeros); else null. */
  insufficient: Insufficient | null;
}

export interface BacktestSummary {
  holdout: number;
  until: string;
  series: BacktestSeries[];
  /** Averages over the series with a figure, per group. */
  average: Record<
    'city' | 'category',
    { mase: number | null; naiveMase: number | null; smape: number | null }
  >;
}

const CITY_NAMES: Record<string, string> = {
  '3201': '南京市',
  '3202': '无锡市',
  '3203': '徐州市',
  '3204': '常州市',
  '3205': '苏州市',
  '3206': '南通市',
  '3207': '连云港市',
  '3208': '淮安市',
  '3209': '盐城市',
  '3210': '扬州市',
  '3211': '镇江市',
  '3212': '泰州市',
  '3213': '宿迁市',
};

const avg = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

export async function runBacktest(
  db: Executor,
  opts: { holdouts: number[]; until?: string; now?: Date },
): Promise<BacktestSummary[]> {
  const until = opts.until ?? addMonths(shanghaiMonth(opts.now ?? new Date()), -1);
  const next = addMonths(until, 1);
  const from = addMonths(next, -HISTORY_MONTHS);
  const all = await monthlyCountsBySeries(db, { from, untilExclusive: next });
  const picked: { key: string; label: string; group: 'city' | 'category'; y: number[] }[] = [];
  for (const [key, byMonth] of all) {
    const [prefix = '', category = ''] = key.split('|');
    const isCity = prefix.length === 4 && category === '';
    const isCategory = prefix === '32' && category !== '';
    if (!isCity && !isCategory) continue;
    const rows: { total: number }[] = [];
    for (let p = from; p < next; p = addMonths(p, 1)) rows.push({ total: byMonth.get(p) ?? 0 });
    picked.push({
      key,
      label: isCity ? (CITY_NAMES[prefix] ?? prefix) : categoryLabel(category),
      group: isCity ? 'city' : 'category',
      y: trimLeadingZeros(rows).map((r) => r.total),
    });
  }
  picked.sort((a, b) => a.key.localeCompare(b.key));
  return opts.holdouts.map((h) => {
    const series = picked.map((s): BacktestSeries => {
      const train = s.y.slice(0, Math.max(0, s.y.length - h));
      const test = s.y.slice(train.length);
      const meanMonthly = s.y.length ? s.y.reduce((a, b) => a + b, 0) / s.y.length : 0;
      const insufficient = insufficientHistory(train);
      if (train.length < 3 || test.length < h || insufficient) {
        return {
          ...s,
          months: s.y.length,
          meanMonthly,
          model: 'none',
          mase: null,
          naiveMase: null,
          smape: null,
          insufficient: insufficient ?? 'short',
        };
      }
      const f = forecastSeries(train, { horizon: h });
      const predicted = f.points.map((p) => p.mean);
      const naive = train.length >= 12 ? seasonalNaive(train, 12, h).mean : null;
      return {
        key: s.key,
        label: s.label,
        group: s.group,
        months: s.y.length,
        meanMonthly,
        model: f.model,
        mase: mase(test, predicted, train),
        naiveMase: naive ? mase(test, naive, train) : null,
        smape: smape(test, predicted),
        insufficient: null,
      };
    });
    const group = (g: 'city' | 'category') => {
      const xs = series.filter((s) => s.group === g);
      return {
        mase: avg(xs.map((s) => s.mase)),
        naiveMase: avg(xs.map((s) => s.naiveMase)),
        smape: avg(xs.map((s) => s.smape)),
      };
    };
    return { holdout: h, until, series, average: { city: group('city'), category: group('category') } };
  });
}
