// Renders a report (data + section texts) as .docx or .pdf. Pure apart from reading the font.
import { chineseDate } from '../documents/format.ts';
import { allChartPngs, type ChartKey } from './charts.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';
import { reportTitle } from './sections.ts';
import type { ReportData, ReportSections } from './types.ts';

export type ReportFormat = 'docx' | 'pdf';

export interface RenderInput {
  data: ReportData;
  sections: ReportSections;
  title: string;
  issuingBody: string;
  dateLine: string;
  charts: Record<ChartKey, Buffer>;
  /** The instant stamped into the file (issue time, or the first day after the month for drafts). */
  at: Date;
}

export interface ReportToRender {
  data: ReportData;
  sections: ReportSections;
  issuedAt?: Date | null;
}

export const issuingBodyOf = (d: ReportData) => d.scope.bureauName ?? `${d.scope.name}信访局`;

export function renderInput(r: ReportToRender): RenderInput {
  const [y, m] = r.data.period.split('-').map(Number) as [number, number];
  const firstAfter = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3_600_000);
  return {
    data: r.data,
    sections: r.sections,
    title: reportTitle(r.data),
    issuingBody: issuingBodyOf(r.data),
    dateLine: r.issuedAt ? chineseDate(r.issuedAt) : '（草稿）',
    charts: allChartPngs(r.data),
    at: r.issuedAt ?? firstAfter,
  };
}

export async function renderReport(format: ReportFormat, r: ReportToRender): Promise<Buffer> {
  const input = renderInput(r);
  return format === 'docx' ? renderDocx(input) : renderPdf(input);
}

export const reportFilename = (d: ReportData, format: ReportFormat) => `${reportTitle(d)}.${format}`;
