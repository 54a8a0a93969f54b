// /api/v1/reports: monthly special reports (专报) — draft, list, read, edit texts, issue, download,
// and the chart images for the console preview. Analysts, leaders and admins of petition bureaus,
// within their jurisdiction (src/policies: reportPolicy).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam, zMonth } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import { CHART_KEYS, chartPng } from './charts.ts';
import { ReportDetail, StoredReportSummary } from './contract.ts';
import { FormatQuery, sectionText, sendReportFile } from './http.ts';
import { renderReport, reportFilename } from './render.ts';
import {
  createMonthlyReport,
  issueReport,
  listReports,
  loadReport,
  presentReport,
  type ReportRow,
  updateReportSections,
} from './store.ts';
import type { ReportData, ReportSections } from './types.ts';

const idParam = z.object({ id: zIdParam('专报编号') });

const detail = (r: ReportRow): ReportDetail => ({
  ...presentReport(r),
  sections: r.sections as ReportSections,
  data: r.data as ReportData,
});

export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/reports/monthly',
      {
        schema: {
          tags: ['reports'],
          summary: '生成月度专报草稿（汇总指标、图表数据并起草各部分文字）',
          body: z.object({
            month: zMonth(),
            scope: zCode('行政区划代码格式不正确')
              .optional()
              .meta({ description: '行政区划代码，默认为本人所属辖区' }),
          }),
          response: { 201: ReportDetail },
        },
      },
      async (req, reply) => {
        const row = await createMonthlyReport(ctx, actorOf(req), req.body, await readDb(ctx, req));
        return reply.status(201).send(detail(row));
      },
    );

    app.get(
      '/reports',
      {
        schema: {
          tags: ['reports'],
          summary: '专报列表（本辖区）',
          response: { 200: z.object({ items: z.array(StoredReportSummary) }) },
        },
      },
      async (req) => ({ items: (await listReports(ctx, actorOf(req))).map((r) => presentReport(r)) }),
    );

    app.get(
      '/reports/:id',
      {
        schema: { tags: ['reports'], summary: '专报详情', params: idParam, response: { 200: ReportDetail } },
      },
      async (req) => detail(await loadReport(ctx, actorOf(req), req.params.id)),
    );

    app.put(
      '/reports/:id',
      {
        schema: {
          tags: ['reports'],
          summary: '修改专报各部分文字（仅草稿）',
          params: idParam,
          body: z.object({
            sections: z.object({
              situation: sectionText('形势分析').optional(),
              problems: sectionText('突出问题').optional(),
              forecast: sectionText('趋势预测').optional(),
              suggestions: sectionText('工作建议').optional(),
            }),
          }),
          response: { 200: ReportDetail },
        },
      },
      async (req) => detail(await updateReportSections(ctx, actorOf(req), req.params.id, req.body.sections)),
    );

    app.post(
      '/reports/:id/issue',
      {
        schema: {
          tags: ['reports'],
          summary: '签发专报（领导、管理员）',
          params: idParam,
          response: { 200: ReportDetail },
        },
      },
      async (req) => detail(await issueReport(ctx, actorOf(req), req.params.id)),
    );

    app.get(
      '/reports/:id/download',
      {
        schema: {
          tags: ['reports'],
          summary: '下载专报（Word 或 PDF）',
          params: idParam,
          querystring: FormatQuery,
        },
      },
      async (req, reply) => {
        const r = await loadReport(ctx, actorOf(req), req.params.id);
        const data = r.data as ReportData;
        const bytes = await renderReport(req.query.format, {
          data,
          sections: r.sections as ReportSections,
          issuedAt: r.issuedAt,
        });
        const name = reportFilename(data, req.query.format);
        return sendReportFile(reply, req.query.format, bytes, 'report', name);
      },
    );

    app.get(
      '/reports/:id/charts/:chart',
      {
        schema: {
          tags: ['reports'],
          summary: '专报图表（PNG，与 Word/PDF 中相同）',
          params: idParam.extend({ chart: z.enum(CHART_KEYS) }),
        },
      },
      async (req, reply) => {
        const r = await loadReport(ctx, actorOf(req), req.params.id);
        return reply
          .header('content-type', 'image/png')
          .header('cache-control', 'private, max-age=300')
          .send(chartPng(req.params.chart, r.data as ReportData));
      },
    );
  };
