// /api/v1/bulletins: the monthly 通报 — draft, list, read, edit the texts, issue, download (Word
// or PDF). Same readers and issuers as the 专报 (src/policies: reportPolicy).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { StoredReportSummary } from '../reports/contract.ts';
import { FormatQuery, sectionText, sendReportFile } from '../reports/http.ts';
import {
  issueReport,
  listReports,
  loadReport,
  presentReport,
  type ReportRow,
  updateReportSections,
} from '../reports/store.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam, zMonth } from '../server/fields.ts';
import { BULLETIN, createBulletin } from './commands.ts';
import { BulletinDetail } from './contract.ts';
import { bulletinFilename, renderBulletin } from './render.ts';
import { BULLETIN_SECTION_HEADINGS, type BulletinData, type BulletinSections } from './types.ts';

const idParam = z.object({ id: zIdParam('通报编号') });

const detail = (r: ReportRow): BulletinDetail => ({
  ...presentReport(r, BULLETIN),
  sections: r.sections as BulletinSections,
  data: r.data as BulletinData,
});

const h = BULLETIN_SECTION_HEADINGS;

export const bulletinRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/bulletins',
      {
        schema: {
          tags: ['bulletins'],
          summary: '生成月度通报草稿（各地综合评分排名、积案化解、表扬与问题、督查督办）',
          body: z.object({
            month: zMonth(),
            scope: zCode('行政区划代码格式不正确')
              .optional()
              .meta({ description: '行政区划代码，默认为本人所属辖区' }),
          }),
          response: { 201: BulletinDetail },
        },
      },
      async (req, reply) => reply.status(201).send(detail(await createBulletin(ctx, actorOf(req), req.body))),
    );

    app.get(
      '/bulletins',
      {
        schema: {
          tags: ['bulletins'],
          summary: '通报列表（本辖区）',
          response: { 200: z.object({ items: z.array(StoredReportSummary) }) },
        },
      },
      async (req) => ({
        items: (await listReports(ctx, actorOf(req), BULLETIN)).map((r) => presentReport(r, BULLETIN)),
      }),
    );

    app.get(
      '/bulletins/:id',
      {
        schema: {
          tags: ['bulletins'],
          summary: '通报详情',
          params: idParam,
          response: { 200: BulletinDetail },
        },
      },
      async (req) => detail(await loadReport(ctx, actorOf(req), req.params.id, BULLETIN)),
    );

    app.put(
      '/bulletins/:id',
      {
        schema: {
          tags: ['bulletins'],
          summary: '修改通报各部分文字（仅草稿）',
          params: idParam,
          body: z.object({
            sections: z.object({
              overview: sectionText(h.overview).optional(),
              ranking: sectionText(h.ranking).optional(),
              commendations: sectionText(h.commendations).optional(),
              shortfalls: sectionText(h.shortfalls).optional(),
              supervision: sectionText(h.supervision).optional(),
              requirements: sectionText(h.requirements).optional(),
            }),
          }),
          response: { 200: BulletinDetail },
        },
      },
      async (req) =>
        detail(await updateReportSections(ctx, actorOf(req), req.params.id, req.body.sections, BULLETIN)),
    );

    app.post(
      '/bulletins/:id/issue',
      {
        schema: {
          tags: ['bulletins'],
          summary: '签发通报（领导、管理员）',
          params: idParam,
          response: { 200: BulletinDetail },
        },
      },
      async (req) => detail(await issueReport(ctx, actorOf(req), req.params.id, BULLETIN)),
    );

    app.get(
      '/bulletins/:id/download',
      {
        schema: {
          tags: ['bulletins'],
          summary: '下载通报（Word 或 PDF）',
          params: idParam,
          querystring: FormatQuery,
        },
      },
      async (req, reply) => {
        const r = await loadReport(ctx, actorOf(req), req.params.id, BULLETIN);
        const data = r.data as BulletinData;
        const bytes = await renderBulletin(req.query.format, {
          data,
          sections: r.sections as BulletinSections,
          issuedAt: r.issuedAt,
        });
        const name = bulletinFilename(data, req.query.format);
        return sendReportFile(reply, req.query.format, bytes, 'bulletin', name);
      },
    );
  };
