// Renders a 专报 (data + section texts) as .docx or .pdf: the data laid out as a ReportLayout
// (src/reports/layout.ts), then the shared renderers. Pure apart from reading the font.
import { chineseDate } from '../documents/format.ts';
import { allChartPngs, type ChartKey, chartCaption } from './charts.ts';
import { renderDocx } from './docx.ts';
import { FIGURE_HEADER, FORECAST_HEADER, figureRows, forecastRows } from './figures.ts';
import type { ReportBlock, ReportLayout } from './layout.ts';
import { renderPdf } from './pdf.ts';
import { reportTitle } from './sections.ts';
import {
  type ReportData,
  type ReportSections,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type SectionKey,
} from './types.ts';

export type ReportFormat = 'docx' | 'pdf';

export interface ReportToRender {
  data: ReportData;
  sections: ReportSections;
  issuedAt?: Date | null;
}

export const issuingBodyOf = (d: { scope: { name: string; bureauName?: string } }) =>
  d.scope.bureauName ?? `${d.scope.name}信访局`;

/** The first instant after a month (Asia/Shanghai): the date stamped into a draft's file. */
export function firstInstantAfter(period: string): Date {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3_600_000);
}

const FIGURE_WIDTHS = [3044, 1934, 1933, 1933];

export function reportLayout(r: ReportToRender): ReportLayout {
  const { data } = r;
  const charts = allChartPngs(data);
  const chart = (k: ChartKey): ReportBlock => ({
    type: 'image',
    png: charts[k],
    caption: chartCaption(k, data),
    name: `chart-${k}`,
  });
  const blocks: Record<SectionKey, ReportBlock[]> = {
    situation: [
      { type: 'table', header: FIGURE_HEADER, rows: figureRows(data), widths: FIGURE_WIDTHS },
      chart('trend'),
      chart('regions'),
      chart('categories'),
    ],
    problems: [],
    // No forecast (历史数据不足): the section's text says so; no empty table, no chart.
    forecast: data.forecast.points.length
      ? [
          { type: 'table', header: FORECAST_HEADER, rows: forecastRows(data), widths: FIGURE_WIDTHS },
          chart('forecast'),
        ]
      : [],
    suggestions: [],
  };
  return {
    title: reportTitle(data),
    issuingBody: issuingBodyOf(data),
    dateLine: r.issuedAt ? chineseDate(r.issuedAt) : '（草稿）',
    subject: `${data.scope.fullName} ${data.period} 信访形势专报`,
    at: r.issuedAt ?? firstInstantAfter(data.period),
    sections: SECTION_KEYS.map((k) => ({
      heading: SECTION_HEADINGS[k],
      text: r.sections[k],
      blocks: blocks[k],
    })),
  };
}

export async function renderReport(format: ReportFormat, r: ReportToRender): Promise<Buffer> {
  const layout = reportLayout(r);
  return format === 'docx' ? renderDocx(layout) : renderPdf(layout);
}

export const reportFilename = (d: ReportData, format: ReportFormat) => `${reportTitle(d)}.${format}`;
