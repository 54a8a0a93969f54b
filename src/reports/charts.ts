// Report charts rendered on the server: ECharts 6 SSR to SVG, then PNG with resvg and the Noto CJK
// font (Word and pdfmake embed PNG; pdfmake could not use the .ttc inside an SVG).
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { cjkFonts } from '../documents/fonts.ts';
import { monthLabel } from './sections.ts';
import type { ReportData } from './types.ts';

export const CHART_KEYS = ['trend', 'regions', 'categories', 'forecast'] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

export const CHART_TITLES: Record<ChartKey, string> = {
  trend: '近13个月信访总量',
  regions: '本月信访量（按地区）',
  categories: '本月信访量（按内容分类）',
  forecast: '信访总量预测（80%、95%区间）',
};

const WIDTH = 800;
const HEIGHT = 400;

function option(key: ChartKey, d: ReportData, family: string): echarts.EChartsOption {
  const base = {
    animation: false,
    textStyle: { fontFamily: family },
    title: { text: CHART_TITLES[key], left: 'center', textStyle: { fontSize: 18 } },
    grid: { left: 60, right: 30, top: 60, bottom: 60 },
  };
  switch (key) {
    case 'trend': {
      const lastYear = new Map(d.trend.map((p) => [p.period, p.total]));
      const prevYear = (p: string) => `${Number(p.slice(0, 4)) - 1}${p.slice(4)}`;
      // A month not over yet is drawn apart — a dashed stretch to a hollow point labelled 截至X日 —
      // and compared with the same days last year, so its low count does not read as a collapse.
      const n = d.trend.length;
      const partial = d.trend[n - 1]?.through ?? null;
      const partialName = partial ? `本月截至${Number(partial.slice(8, 10))}日` : '';
      const whole = d.trend.map((p, i) => (partial && i === n - 1 ? null : p.total));
      const yearAgo = d.trend.map((p, i) =>
        partial && i === n - 1
          ? d.situation.sameMonthLastYear.total
          : (lastYear.get(prevYear(p.period)) ?? null),
      );
      return {
        ...base,
        legend: { bottom: 0, data: ['总量', ...(partial ? [partialName] : []), '网上信访', '上年同月'] },
        xAxis: { type: 'category', data: d.trend.map((p) => p.period.slice(2)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: '总量',
            type: 'line',
            color: '#5470c6',
            data: whole,
            label: { show: true, fontSize: 10 },
          },
          ...(partial
            ? [
                {
                  name: partialName,
                  type: 'line' as const,
                  color: '#5470c6',
                  lineStyle: { type: 'dashed' as const },
                  symbol: 'emptyCircle',
                  symbolSize: 9,
                  data: d.trend.map((p, i) => (i >= n - 2 ? p.total : null)),
                  label: {
                    show: true,
                    fontSize: 10,
                    formatter: (x: { dataIndex: number; value: unknown }) =>
                      x.dataIndex === n - 1 ? `${partialName}\n${String(x.value)}` : '',
                  },
                },
              ]
            : []),
          {
            name: '网上信访',
            type: 'line',
            color: '#91cc75',
            // The partial month's online part would fall off the same cliff: left out (its total says 截至).
            data: d.trend.map((p, i) => (partial && i === n - 1 ? null : p.online)),
          },
          {
            name: '上年同月',
            type: 'line',
            color: '#999',
            lineStyle: { type: 'dashed' },
            data: yearAgo,
          },
        ],
      };
    }
    case 'regions':
    case 'categories': {
      const rows = (key === 'regions' ? d.breakdowns.byJurisdiction : d.breakdowns.byCategory).slice(0, 13);
      return {
        ...base,
        grid: { ...base.grid, bottom: 90 },
        xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { rotate: 35, interval: 0 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: rows.map((r) => r.total), label: { show: true, position: 'top' } }],
      };
    }
    case 'forecast': {
      const hist = d.trend;
      const f = d.forecast.points;
      const xs = [...hist.map((p) => p.period), ...f.map((p) => p.period)];
      const pad = hist.map(() => null);
      const last = hist[hist.length - 1];
      // Bands as stacked areas: an invisible base at lo, then the width hi − lo.
      const stack = (
        name: string,
        lo: (p: (typeof f)[number]) => number,
        hi: (p: (typeof f)[number]) => number,
        color: string,
      ) => [
        {
          name: `${name}下限`,
          type: 'line' as const,
          stack: name,
          symbol: 'none',
          lineStyle: { opacity: 0 },
          data: [...pad, ...f.map(lo)],
        },
        {
          name,
          type: 'line' as const,
          stack: name,
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color },
          itemStyle: { color },
          data: [...pad, ...f.map((p) => hi(p) - lo(p))],
        },
      ];
      return {
        ...base,
        legend: { bottom: 0, data: ['实际', '预测', '95%区间', '80%区间'] },
        xAxis: { type: 'category', data: xs.map((p) => p.slice(2)) },
        yAxis: { type: 'value' },
        series: [
          ...stack(
            '95%区间',
            (p) => p.lo95,
            (p) => p.hi95,
            'rgba(84,112,198,0.15)',
          ),
          ...stack(
            '80%区间',
            (p) => p.lo80,
            (p) => p.hi80,
            'rgba(84,112,198,0.3)',
          ),
          {
            name: '实际',
            type: 'line',
            color: '#5470c6',
            data: [...hist.map((p) => p.total), ...f.map(() => null)],
          },
          {
            name: '预测',
            type: 'line',
            color: '#ee6666',
            lineStyle: { type: 'dashed' },
            data: [...pad.slice(1), last?.total ?? null, ...f.map((p) => Math.round(p.mean))],
          },
        ],
      };
    }
  }
}

export function chartSvg(key: ChartKey, d: ReportData): string {
  const fonts = cjkFonts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(option(key, d, fonts.family));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

// A report's data never changes once drafted, so its PNGs are kept (a few, by content hash):
// previews and repeated downloads do not rasterise again (~0.3 s per chart on an idle core).
const cache = new Map<string, Buffer>();
const CACHE_SIZE = 32;

/** PNG at twice the SVG size (sharp when printed at 16 cm). */
export function chartPng(key: ChartKey, d: ReportData): Buffer {
  const id = `${key}:${createHash('sha256').update(JSON.stringify(d)).digest('hex')}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const png = renderPng(key, d);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(id, png);
  return png;
}

function renderPng(key: ChartKey, d: ReportData): Buffer {
  const fonts = cjkFonts();
  const png = new Resvg(chartSvg(key, d), {
    font: { fontFiles: [fonts.regular, fonts.bold], loadSystemFonts: false, defaultFontFamily: fonts.family },
    fitTo: { mode: 'width', value: WIDTH * 2 },
    background: 'white',
  })
    .render()
    .asPng();
  return Buffer.from(png);
}

export function allChartPngs(d: ReportData): Record<ChartKey, Buffer> {
  return Object.fromEntries(CHART_KEYS.map((k) => [k, chartPng(k, d)])) as Record<ChartKey, Buffer>;
}

export const chartCaption = (key: ChartKey, d: ReportData) =>
  key === 'trend'
    ? `图：${monthLabel(d.trend[0]?.period ?? d.period)}至${monthLabel(d.period)}信访总量${
        d.through
          ? `（本月截至${Number(d.through.slice(8, 10))}日，虚线空心点为未满月数据，上年同月为同期同日数）`
          : ''
      }`
    : `图：${CHART_TITLES[key]}`;
