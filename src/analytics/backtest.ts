// Forecast backtest (回测): for each city and, province-wide, each content category, hold out the
// last H complete months, forecast them from the months before, and report the MAPE — next to
// two references: the seasonal naive forecast (same month last year) and the noise floor, the MAPE
// even a perfect model of the mean would have on Poisson counts (≈ √(2/(πλ)) per month).
import type { Executor } from '../db/client.ts';
import { categoryLabel } from '../domain/categories.ts';
import { forecastSeries, mape, seasonalNaive } from '../domain/forecast/index.ts';
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
  mape: number | null;
  naiveMape: number | null;
  noiseFloor: number | null;
}

export interface BacktestSummary {
  holdout: number;
  until: string;
  series: BacktestSeries[];
  /** Averages over the series with a figure, per group. */
  average: Record<
    'city' | 'category',
    { mape: number | null; naiveMape: number | null; noiseFloor: number | null }
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

/** Expected MAPE of the true mean on Poisson counts with these means (normal approximation). */
function noiseFloor(means: number[]): number | null {
  const v = means.filter((m) => m > 0).map((m) => Math.sqrt(2 / (Math.PI * m)));
  return avg(v);
}

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
      if (train.length < 3 || test.length < h) {
        return {
          ...s,
          months: s.y.length,
          meanMonthly,
          model: 'none',
          mape: null,
          naiveMape: null,
          noiseFloor: null,
        };
      }
      const f = forecastSeries(train, { horizon: h });
      const naive = train.length >= 12 ? seasonalNaive(train, 12, h).mean : null;
      return {
        key: s.key,
        label: s.label,
        group: s.group,
        months: s.y.length,
        meanMonthly,
        model: f.model,
        mape: mape(
          test,
          f.points.map((p) => p.mean),
        ),
        naiveMape: naive ? mape(test, naive) : null,
        noiseFloor: noiseFloor(test),
      };
    });
    const group = (g: 'city' | 'category') => {
      const xs = series.filter((s) => s.group === g);
      return {
        mape: avg(xs.map((s) => s.mape)),
        naiveMape: avg(xs.map((s) => s.naiveMape)),
        noiseFloor: avg(xs.map((s) => s.noiseFloor)),
      };
    };
    return { holdout: h, until, series, average: { city: group('city'), category: group('category') } };
  });
}
