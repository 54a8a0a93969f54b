// Dates (Shanghai calendar), numbers and the indicator catalogue shown as KPI cards: each with its
// formula in the words of the 信访工作 assessment, shown as the card's tooltip.

import { defaultPeriod } from '../../../src/domain/indicators/period.ts';
import {
  isRateKey,
  MIN_RATE_SAMPLE,
  sampleOf,
  tooFewToCompare,
} from '../../../src/domain/indicators/samples.ts';
import type { Indicators } from './api.ts';

export { MIN_RATE_SAMPLE };

const DAY = 86_400_000;
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Today on the Shanghai calendar, YYYY-MM-DD. */
export const today = (now = new Date()) => shanghai(now);

/** The first day of this month (Shanghai). */
export const monthStart = (now = new Date()) => `${today(now).slice(0, 8)}01`;

/** The dashboards' default period, as the API's: the 30 days to today (`defaultPeriod`). */
export function last30Days(now = new Date()): { from: string; to: string } {
  return defaultPeriod(today(now));
}

const parse = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** The last day of a month given as YYYY-MM. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return fmt(new Date(Date.UTC(y, m, 0)));
}

/** The period of the same length immediately before [from, to] (环比's base). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const len = Math.round((parse(to).getTime() - parse(from).getTime()) / DAY) + 1;
  return {
    from: fmt(new Date(parse(from).getTime() - len * DAY)),
    to: fmt(new Date(parse(from).getTime() - DAY)),
  };
}

/** The same dates one year earlier (同比's base); 29 Feb becomes 28 Feb. */
export function previousYear(from: string, to: string): { from: string; to: string } {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${y}-${md}`;
  };
  return { from: back(from), to: back(to) };
}

export const pct = (r: number | null | undefined, digits = 1) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(digits)}%`;

export const int = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('zh-CN');

export interface IndicatorDef {
  key: keyof Indicators;
  label: string;
  formula: string;
  kind: 'count' | 'rate';
  /** A rise is bad news (越级, 重复): the arrow turns red when it goes up. */
  upIsBad?: boolean;
  /** Extra text after the value (集体访: 人次). */
  extra?: (i: Indicators) => string;
}

export const INDICATORS: IndicatorDef[] = [
  {
    key: 'total',
    label: '信访总量',
    formula: '期间内登记的信访事项件数（含网上、来信、来访、来电等）',
    kind: 'count',
  },
  { key: 'onlineShare', label: '网上信访占比', formula: '网上信访件数 ÷ 信访总量', kind: 'rate' },
  {
    key: 'timelyAcceptanceRate',
    label: '及时受理率',
    formula: '在规定期限内作出受理或不予受理决定的件数 ÷ 作出受理决定的件数',
    kind: 'rate',
  },
  {
    key: 'onTimeCompletionRate',
    label: '按期办结率',
    formula: '在办理期限内办结的件数 ÷ 期间内办结的件数',
    kind: 'rate',
  },
  {
    key: 'participationRate',
    label: '群众参评率',
    formula: '信访人已评价的件数 ÷ 可评价的件数',
    kind: 'rate',
  },
  { key: 'satisfactionRate', label: '满意率', formula: '（满意 + 基本满意）件数 ÷ 已评价件数', kind: 'rate' },
  {
    key: 'skipLevelRate',
    label: '越级上访率',
    formula: '越级走访件数 ÷ 来访件数',
    kind: 'rate',
    upIsBad: true,
  },
  { key: 'repeatRate', label: '重复信访率', formula: '重复信访件数 ÷ 信访总量', kind: 'rate', upIsBad: true },
  { key: 'backlogResolutionRate', label: '积案化解率', formula: '已化解的积案件数 ÷ 积案件数', kind: 'rate' },
  {
    key: 'groupBatches',
    label: '集体访',
    formula: '5人以上共同来访的批次（及人次）',
    kind: 'count',
    upIsBad: true,
    extra: (i) => `批 / ${int(i.groupPersons)}人次`,
  },
];

/** The matters behind a rate (its denominator), or null for a count. */
export function sampleSize(def: IndicatorDef, i: Indicators): number | null {
  return def.kind === 'rate' && isRateKey(def.key) ? sampleOf(def.key, i) : null;
}

/** A rate compared over too few matters (now or in the base period) to read its change as news. */
export function thinSample(def: IndicatorDef, now: Indicators, base: Indicators | null | undefined): boolean {
  const n = sampleSize(def, now);
  if (n === null) return false;
  return tooFewToCompare(n, base ? (sampleSize(def, base) ?? 0) : 0);
}

/** The change against a base: relative for counts, percentage points for rates; null when unknown. */
export function change(
  def: IndicatorDef,
  now: Indicators,
  base: Indicators | null | undefined,
): number | null {
  if (!base) return null;
  const a = now[def.key] as number | null;
  const b = base[def.key] as number | null;
  if (a === null || b === null) return null;
  if (def.kind === 'rate') return a - b;
  return b === 0 ? null : (a - b) / b;
}

/** ↑12.5% / ↓3.0个百分点 / 持平 / — */
export function changeText(def: IndicatorDef, d: number | null): string {
  if (d === null) return '—';
  if (Math.abs(d) < 1e-9) return '持平';
  const arrow = d > 0 ? '↑' : '↓';
  return def.kind === 'rate'
    ? `${arrow}${Math.abs(d * 100).toFixed(1)}个百分点`
    : `${arrow}${Math.abs(d * 100).toFixed(1)}%`;
}

/** Red for bad news, green for good, grey for none. */
export function changeColor(def: IndicatorDef, d: number | null): string {
  if (d === null || Math.abs(d) < 1e-9) return '#6b6b6b'; // 5.3:1 on white (web/shared/a11y.css)
  const up = d > 0;
  // Volume itself is neither good nor bad news; an increase in it is shown as a warning colour.
  if (def.key === 'total') return up ? '#d46b08' : '#389e0d';
  return up !== Boolean(def.upIsBad) ? '#389e0d' : '#cf1322';
}

export const valueText = (def: IndicatorDef, i: Indicators) =>
  def.kind === 'rate' ? pct(i[def.key] as number | null) : int(i[def.key] as number);

/** '（12件）' beside a rate: how many matters it is computed over. */
export const sampleText = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : `（${int(n)}件）`;

/** What stands for a change that is not compared: too few matters behind the rate. */
export const THIN_TEXT = `样本不足${MIN_RATE_SAMPLE}件，不作比较`;
