// ECharts options for the analytics charts, shared by the console (light) and the big screen (dark).
import type { ForecastAnswer, TrendPoint } from './api.ts';

interface Look {
  text: string;
  axis: string;
  split: string;
  /** Base font size: 12 in the console, larger on the hall's screen. */
  font: number;
}

const LIGHT: Look = { text: '#333', axis: '#999', split: '#eee', font: 12 };
const DARK: Look = { text: '#d6e4ff', axis: '#5b7fb5', split: 'rgba(91,127,181,0.25)', font: 16 };
const look = (dark?: boolean) => (dark ? DARK : LIGHT);

/** Volume colours: light blue (few) → deep red (many), readable on white and on navy. */
export const VOLUME_COLORS = ['#fff1b8', '#ffc53d', '#fa8c16', '#d4380d', '#a8071a'];

function axes(l: Look, categories: string[]) {
  return {
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { color: l.text, fontSize: l.font },
      axisLine: { lineStyle: { color: l.axis } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: l.text, fontSize: l.font },
      splitLine: { lineStyle: { color: l.split } },
    },
  };
}

/** '本月截至4日' for a month not over yet. */
export const partialLabel = (through: string) => `本月截至${Number(through.slice(8, 10))}日`;

/**
 * 趋势: this period's line and the same month one year earlier, dashed. Counts are drawn as they are
 * (straight segments: a smoothed curve overshoots below zero and between whole numbers on small
 * series). A month not over yet (`through`) is drawn apart — a dashed stretch to a hollow point
 * labelled 本月截至X日 — against the same days last year, so it does not read as a cliff.
 */
export function trendOption(points: TrendPoint[], dark?: boolean) {
  const l = look(dark);
  const n = points.length;
  const through = points[n - 1]?.through;
  const partial = through ? partialLabel(through) : null;
  const colors = dark ? ['#36cfc9', '#ffd666', '#597ef7'] : ['#c41d1d', '#8c8c8c', '#1677ff'];
  const last = (i: number) => partial !== null && i === n - 1;
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const i = items[0]?.dataIndex ?? 0;
        const p = points[i];
        if (!p) return '';
        const head = last(i) ? `${p.period}（${partial}）` : p.period;
        const year = last(i) ? '去年同期（同日数）' : '去年同期';
        return `${head}<br/>本期：${p.total}件<br/>${year}：${p.totalPrevYear}件<br/>网上信访：${p.online}件`;
      },
    },
    legend: {
      data: ['本期', ...(partial ? [partial] : []), '去年同期', '网上信访'],
      textStyle: { color: l.text, fontSize: l.font },
      top: 0,
    },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    ...axes(
      l,
      points.map((p) => p.period),
    ),
    series: [
      {
        name: '本期',
        type: 'line',
        data: points.map((p, i) => (last(i) ? null : p.total)),
        lineStyle: { width: 3 },
        itemStyle: { color: colors[0] },
      },
      ...(partial
        ? [
            {
              name: partial,
              type: 'line',
              data: points.map((p, i) => (i >= n - 2 ? p.total : null)),
              lineStyle: { width: 3, type: 'dashed' },
              symbol: 'emptyCircle',
              symbolSize: 10,
              itemStyle: { color: colors[0] },
              label: {
                show: true,
                position: 'top',
                color: l.text,
                fontSize: l.font,
                formatter: (x: { dataIndex: number; value: unknown }) =>
                  x.dataIndex === n - 1 ? `${partial} ${String(x.value)}件` : '',
              },
            },
          ]
        : []),
      {
        name: '去年同期',
        type: 'line',
        data: points.map((p) => p.totalPrevYear),
        lineStyle: { type: 'dashed' },
        itemStyle: { color: colors[1] },
      },
      {
        name: '网上信访',
        type: 'line',
        data: points.map((p, i) => (last(i) ? null : p.online)),
        itemStyle: { color: colors[2] },
      },
    ],
  };
}

/**
 * 预测: history, then the range the next months will likely fall in — the 80 % and 95 % prediction
 * intervals as stacked areas (a transparent base at the lower bound, the band's width on top) —
 * with the middle of the range as a thin dotted line, so the band, not a confident line, is read.
 */
export function forecastOption(f: ForecastAnswer, dark?: boolean) {
  const l = look(dark);
  const periods = [...f.history.map((h) => h.period), ...f.forecast.map((p) => p.period)];
  const pad = f.history.map(() => null);
  const last = f.history[f.history.length - 1];
  // The mean starts at the last observed month so the two lines join.
  const mean = [...pad.slice(1), last ? last.total : null, ...f.forecast.map((p) => round(p.mean))];
  const band = (lo: 'lo80' | 'lo95', hi: 'hi80' | 'hi95', name: string, color: string) => [
    {
      name: `${name}下限`,
      type: 'line',
      stack: name,
      data: [...pad, ...f.forecast.map((p) => round(Math.max(0, p[lo])))],
      lineStyle: { opacity: 0 },
      symbol: 'none',
      tooltip: { show: false },
    },
    {
      name,
      type: 'line',
      stack: name,
      data: [...pad, ...f.forecast.map((p) => round(p[hi] - Math.max(0, p[lo])))],
      lineStyle: { opacity: 0 },
      itemStyle: { color },
      areaStyle: { color },
      symbol: 'none',
    },
  ];
  const actual = dark ? '#36cfc9' : '#c41d1d';
  const predicted = dark ? '#ffd666' : '#d46b08';
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const i = items[0]?.dataIndex ?? 0;
        const p = f.forecast[i - f.history.length];
        if (!p) return `${periods[i]}<br/>实际：${f.history[i]?.total ?? '—'}件`;
        return (
          `${p.period}（预测）<br/>大概率在 ${round(Math.max(0, p.lo80))}–${round(p.hi80)} 件之间（80%）<br/>` +
          `几乎可以肯定在 ${round(Math.max(0, p.lo95))}–${round(p.hi95)} 件之间（95%）<br/>中值约 ${round(p.mean)} 件`
        );
      },
    },
    legend: {
      data: ['实际', '大概率范围（80%）', '可能范围（95%）', '预测中值'],
      textStyle: { color: l.text, fontSize: l.font },
      top: 0,
    },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    ...axes(l, periods),
    series: [
      ...band('lo95', 'hi95', '可能范围（95%）', dark ? 'rgba(89,126,247,0.3)' : 'rgba(22,119,255,0.15)'),
      ...band('lo80', 'hi80', '大概率范围（80%）', dark ? 'rgba(89,126,247,0.55)' : 'rgba(22,119,255,0.35)'),
      {
        name: '实际',
        type: 'line',
        data: [...f.history.map((h) => h.total), ...f.forecast.map(() => null)],
        itemStyle: { color: actual },
        lineStyle: { color: actual },
      },
      {
        name: '预测中值',
        type: 'line',
        data: mean,
        symbol: 'none',
        itemStyle: { color: predicted },
        lineStyle: { color: predicted, type: 'dotted', width: 1 },
      },
    ],
  };
}

const round = (v: number) => Math.round(v);

/** A ranking as horizontal bars, largest on top. */
export function barOption(rows: { label: string; value: number }[], dark?: boolean, color = '#c41d1d') {
  const l = look(dark);
  const sorted = [...rows].sort((a, b) => a.value - b.value);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.label),
      axisLabel: { color: l.text, fontSize: l.font },
      axisLine: { lineStyle: { color: l.axis } },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((r) => r.value),
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: l.text, fontSize: l.font },
        barMaxWidth: 22,
      },
    ],
  };
}

/** Shares as a ring (信访形式). */
export function pieOption(rows: { label: string; value: number }[], dark?: boolean) {
  const l = look(dark);
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
    legend: { orient: 'vertical', right: 8, top: 'middle', textStyle: { color: l.text, fontSize: l.font } },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        center: ['38%', '50%'],
        data: rows.map((r) => ({ name: r.label, value: r.value })),
        label: { color: l.text, fontSize: l.font, formatter: '{b}\n{d}%' },
      },
    ],
  };
}

/** Regions coloured by volume; the click handler (the caller's) drills into a region. */
export function mapOption(map: string, rows: { name: string; value: number }[], dark?: boolean) {
  const l = look(dark);
  const max = Math.max(1, ...rows.map((r) => r.value));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: unknown }) => `${p.name}：${num(p.value)}件`,
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: false,
      text: ['多', '少'],
      textStyle: { color: l.text, fontSize: l.font },
      inRange: { color: VOLUME_COLORS },
    },
    series: [
      {
        type: 'map',
        map,
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        data: rows,
        // Counties of a city crowd each other: smaller names, and a name that would overlap another
        // is hidden (it still shows on hover and in the tooltip).
        label: {
          show: true,
          color: dark ? '#fff' : '#333',
          // A city's map (name 'jiangsu-3201…') packs small urban districts together.
          fontSize: map.includes('-') ? l.font - 4 : l.font,
          textBorderColor: dark ? '#000' : '#fff',
          textBorderWidth: 2,
        },
        labelLayout: { hideOverlap: true },
        itemStyle: {
          borderColor: dark ? '#91caff' : '#fff',
          borderWidth: 1,
          areaColor: dark ? '#1d2b4f' : '#f0f0f0',
        },
        emphasis: { label: { color: '#000' }, itemStyle: { areaColor: '#69b1ff' } },
        select: { disabled: true },
      },
    ],
  };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
