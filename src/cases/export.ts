// GET /api/v1/cases/export.xlsx: the current staff list (same filters, sort and data scope as
// GET /api/v1/cases) as an Excel workbook. The list shows no personal data, so neither does the
// export. At most EXPORT_CAP rows: when the filter matches more, the workbook says so under the
// table and the response carries X-Export-Total / X-Export-Rows so the console can tell the user.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { daysRemaining } from '../domain/deadlines/index.ts';
import { type CaseForm, type CaseState, FORM_NAMES, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { forbidden } from '../errors.ts';
import { attachmentHeader, toXlsx, XLSX_CONTENT_TYPE, type XlsxColumn } from '../exports/xlsx.ts';
import { casePolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zText } from '../server/fields.ts';
import { caseTextFor } from './presenters.ts';
import { CaseListQuery, listCases } from './queries.ts';
import { type CaseRow, UnitLookup } from './units.ts';

export const EXPORT_CAP = 10_000;

const COLUMNS = [
  { header: '信访件编号', key: 'caseNumber', width: 22 },
  { header: '标题', key: 'subject', width: 40 },
  { header: '状态', key: 'state', width: 12 },
  { header: '信访形式', key: 'form', width: 10 },
  { header: '问题属地', key: 'jurisdiction', width: 16 },
  { header: '属地代码', key: 'jurisdictionCode', width: 12 },
  { header: '收到时间', key: 'receivedAt', width: 18 },
  { header: '期限', key: 'dueAt', width: 12 },
  { header: '剩余天数', key: 'daysRemaining', width: 10 },
  { header: '标识', key: 'flags', width: 20 },
] as const satisfies readonly XlsxColumn[];

/** Shanghai wall-clock time, 'YYYY-MM-DD HH:mm' (Excel has no time zones; staff read local time). */
const shanghai = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function flagsText(c: CaseRow): string {
  return [
    c.repeatCount > 0 ? `重复${c.repeatCount}次` : '',
    c.supervised ? '督办' : '',
    c.backlog ? '积案' : '',
    c.isGroup ? '集体访' : '',
    c.skippedLevel ? '越级' : '',
  ]
    .filter(Boolean)
    .join('、');
}

/** The list query without paging (the export takes the first EXPORT_CAP rows in the list's order). */
const ExportQuery = CaseListQuery.omit({ page: true, pageSize: true }).extend({
  title: zText({ label: '列表名称', max: 20 })
    .optional()
    .meta({ description: '列表名称，用于文件名（如“待受理”）' }),
});

/** '信访事项' or '信访事项-待受理'; characters a file name cannot hold are dropped. */
const fileStem = (title?: string) => {
  const t = title?.replace(/[\\/:*?"<>|\s]/g, '');
  return t ? `信访事项-${t}` : '信访事项';
};

export const caseExportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cases/export.xlsx',
      {
        schema: {
          tags: ['cases'],
          summary: '导出当前列表为 Excel（筛选条件同列表，最多 10,000 条，不含个人信息）',
          querystring: ExportQuery,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        if (!casePolicy.exportList(actor)) throw forbidden('仅办理信访事项的工作人员可以导出列表');
        const now = new Date();
        const { title, ...filters } = req.query;
        // Exact total (no countCap): the footnote and x-export-total say how many were left out.
        const r = await listCases(
          ctx.db,
          actor,
          { ...filters, page: 1, pageSize: EXPORT_CAP },
          {
            now,
            textSearch: ctx.caseExtensions.textSearch,
          },
        );
        const names = await new UnitLookup(ctx.db).jurisdictionNames(
          ctx.db,
          r.items.map((c) => c.jurisdictionCode),
        );
        const body = await toXlsx({
          sheetName: '信访事项',
          columns: COLUMNS,
          rows: r.items.map((c) => ({
            caseNumber: c.caseNumber,
            subject: caseTextFor(actor, c).subject,
            state: STATE_NAMES[c.state as CaseState] ?? c.state,
            form: FORM_NAMES[c.form as CaseForm] ?? c.form,
            jurisdiction: names.get(c.jurisdictionCode) ?? '',
            jurisdictionCode: c.jurisdictionCode,
            receivedAt: shanghai(c.receivedAt),
            dueAt: c.dueAt ? shanghai(c.dueAt).slice(0, 10) : '',
            daysRemaining: c.dueAt ? daysRemaining(c.dueAt, now) : null,
            flags: flagsText(c),
          })),
          footnote:
            r.total > r.items.length
              ? `筛选结果共 ${r.total} 件，超过导出上限 ${EXPORT_CAP.toLocaleString('en-US')} 件，仅导出前 ${r.items.length} 件；请缩小筛选范围后分批导出。`
              : undefined,
        });
        const stamp = shanghai(now).replace(/[-: ]/g, '').slice(0, 12);
        return reply
          .header('content-type', XLSX_CONTENT_TYPE)
          .header(
            'content-disposition',
            attachmentHeader(`${fileStem(title)}-${stamp}.xlsx`, `cases-${stamp}.xlsx`),
          )
          .header('x-export-total', String(r.total))
          .header('x-export-rows', String(r.items.length))
          .send(body);
      },
    );
  };
