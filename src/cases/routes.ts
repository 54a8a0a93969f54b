import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPersonalDataRead } from '../audit/reads.ts';
import { idempotencyClaim } from '../commands/idempotency.ts';
import type { AppContext } from '../context.ts';
import type { cases } from '../db/schema.ts';
import { AccusedInput, MAX_ACCUSED } from '../domain/accusations.ts';
import { CASE_FLAGS } from '../domain/flags.ts';
import { ACTION_NAMES } from '../domain/lifecycle/actions.ts';
import { FORMS, PURPOSES } from '../domain/lifecycle/vocabulary.ts';
import { notFound } from '../errors.ts';
import { presentNotification } from '../notify/presenters.ts';
import { casePolicy, ensureReadable, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDateTime, zIdNumber, zIdParam, zPersonName, zPhone, zText } from '../server/fields.ts';
import { readDb } from '../server/readDb.ts';
import { CaseListAnswer, NotificationsAnswer, Registration } from './contract.ts';
import { caseBodyData, caseDetailData } from './detailQueries.ts';
import { documentBytes, documentPdf } from './effects.ts';
import { executeAction } from './engine.ts';
import { registerCase } from './intake.ts';
import {
  ActionAnswer,
  CaseDetail,
  caseTextFor,
  presentActionAnswer,
  presentDetail,
  presentSummary,
} from './presenters.ts';
import { publicQueryRoutes } from './publicQuery.ts';
import {
  CaseListQuery,
  caseDocument,
  caseRow,
  listCases,
  notificationsOf,
  queryCodeMatcher,
} from './queries.ts';
import { UnitLookup } from './units.ts';

const PartyBody = z.object({
  name: zPersonName(),
  idNumber: zIdNumber().optional(),
  phone: zPhone().optional(),
  address: zText({ label: '地址', max: 200 }).optional(),
  rightsCardNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,30}$/, '权益保障卡号应为6到30位字母、数字或“-”')
    .optional()
    .meta({ description: '权益保障卡号（仅来访）' }),
});

const IntakeBody = z.object({
  form: z.enum(FORMS, { error: '请选择信访形式' }),
  purpose: z.enum(PURPOSES).default('claim'),
  categoryCode: zText({ label: '内容分类', max: 20 }).optional(),
  subcategoryCode: z
    .string({ error: '细分类应为分类代码' })
    .regex(/^\d{6}$/, '细分类代码应为6位数字')
    .optional()
    .meta({ description: '细分类：内容分类下的二、三级分类代码（可选）' }),
  subject: zText({ label: '标题', min: 2, max: 100 }),
  content: zText({ label: '信访内容', min: 10, max: 5000, tooShort: '请详细描述信访事项，至少10个字' }),
  jurisdictionCode: zCode('请选择问题属地'),
  petitioner: PartyBody.optional(),
  representatives: z.array(PartyBody).max(20).optional(),
  peopleCount: z.number().int().min(1).max(100000).optional(),
  isJoint: z.boolean().optional(),
  anonymous: z.boolean().optional().meta({ description: '匿名信访（仅工作人员登记来信、来电时）' }),
  accused: z
    .array(AccusedInput)
    .max(MAX_ACCUSED, `被反映人（单位）不超过${MAX_ACCUSED}个`)
    .optional()
    .meta({ description: '被反映人/被反映单位（揭发控告）；被反映单位看不到该事项' }),
  flags: z
    .array(z.enum(CASE_FLAGS, { error: `标识应为 ${CASE_FLAGS.join('、')} 之一` }))
    .max(CASE_FLAGS.length)
    .optional()
    .meta({ description: '事项标识：重大紧急（即向上一级上报）、同意公开、涉法涉诉、涉港澳台侨外、扬言' }),
  previousCaseNumber: z
    .string()
    .regex(/^\d{16,19}$/, '信访件编号格式不正确')
    .optional(),
  receivedAt: zDateTime('收到时间').optional().meta({ description: '收到时间（来信为收信日期）' }),
});

const idParam = z.object({ id: zIdParam('信访事项编号') });

export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const loadVisible = async (req: { params: { id: number } }, actor: ReturnType<typeof actorOf>) => {
      const c = await caseRow(ctx.db, req.params.id);
      ensureReadable(c !== undefined && casePolicy.read(actor, c));
      return c as typeof cases.$inferSelect;
    };

    app.post(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: '登记信访事项（信访人网上提交，或登记员登记来信、来访、来电等）',
          description:
            '带 Idempotency-Key 请求头重试同一次提交时，24小时内返回首次的结果，不会重复登记。' +
            ' Retrying with the same Idempotency-Key within 24 hours returns the first answer.',
          headers: z.object({
            'idempotency-key': z
              .string()
              .optional()
              .meta({ description: '每次提交一个（8–100个可见字符），重试时不变 / one per submission' }),
          }),
          body: IntakeBody,
          response: { 201: Registration },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { receivedAt, ...rest } = req.body;
        const idempotency = idempotencyClaim(
          req.headers['idempotency-key'],
          actor.userId,
          'intake',
          req.body,
        );
        const r = await registerCase(
          ctx,
          actor,
          { ...rest, receivedAt: receivedAt ? new Date(receivedAt) : undefined },
          { idempotency },
        );
        return reply.status(201).send(r);
      },
    );

    app.get(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: '信访事项列表（按数据范围，支持筛选、排序、分页）',
          querystring: CaseListQuery,
          response: {
            200: CaseListAnswer,
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        // A list (and the full-text search in it) tolerates replica lag, except for the caller's own changes.
        const db = await readDb(ctx, req);
        const r = await listCases(db, actor, req.query, {
          hash: ctx.pii.hash,
          countCap: ctx.config.listCountCap,
          textSearch: ctx.caseExtensions.textSearch,
        });
        const now = new Date();
        const names = await new UnitLookup(ctx.db).jurisdictionNames(
          ctx.db, // the process-wide name cache fills from the primary, never from a lagging copy
          r.items.map((c) => c.jurisdictionCode),
        );
        return {
          total: r.total,
          totalCapped: r.totalCapped,
          items: r.items
            .map((c) => caseTextFor(actor, c))
            .map((c) => ({
              ...presentSummary(c, now, names),
              highlight: ctx.caseExtensions.textSearch.highlight(c, r.terms),
            })),
        };
      },
    );

    app.get(
      '/cases/:id',
      {
        schema: { tags: ['cases'], summary: '信访事项详情', params: idParam, response: { 200: CaseDetail } },
      },
      async (req) => {
        const actor = actorOf(req);
        const c = await loadVisible(req, actor);
        const detail = presentDetail(actor, c, await caseDetailData(ctx, actor, c));
        const parties = detail.parties.length;
        await auditPersonalDataRead(ctx, actor, c, { action: 'case.read_personal', summary: { parties } });
        return detail;
      },
    );

    app.post(
      '/cases/:id/actions',
      {
        schema: {
          tags: ['cases'],
          summary: '执行办理操作（受理、交办、答复、送达、评价、复查……）',
          description: `action 取值：${ACTION_NAMES.join(', ')}。其余字段为该操作的参数。`,
          params: idParam,
          body: z.looseObject({
            action: zText({ label: '办理操作', min: 1, max: 40, tooShort: '请指定办理操作' }),
          }),
          response: {
            200: z.union([
              ActionAnswer,
              z.object({ caseId: z.number(), state: z.string(), visible: z.literal(false) }).meta({
                description: '操作后本单位不再有权查看该事项（如异议退回）',
              }),
            ]),
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const r = await executeAction(ctx, actor, req.params.id, req.body);
        const c = r.row; // as the action left it (UPDATE … RETURNING), no second read
        // After e.g. an objection the unit may no longer see the matter: say so, show nothing.
        if (!casePolicy.read(actor, c)) return { caseId: r.caseId, state: r.state, visible: false as const };
        return presentActionAnswer(actor, c, await caseBodyData(ctx, c));
      },
    );

    app.get(
      '/cases/:id/documents/:docId',
      {
        schema: {
          tags: ['cases'],
          summary: '下载文书（.docx；format=pdf 为 PDF，便于手机阅读）',
          params: idParam.extend({ docId: zIdParam('文书编号') }),
          querystring: z.object({
            format: z.enum(['docx', 'pdf'], { error: 'format 应为 docx 或 pdf' }).optional(),
          }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const c = await loadVisible(req, actor);
        const doc = await caseDocument(ctx.db, req.params.id, req.params.docId);
        // An office's internal document answers as an unknown one to the petitioner.
        if (!doc || !casePolicy.readDocument(actor, c, doc.kind)) throw notFound('未找到该文书');
        const read = { documentId: doc.id, kind: doc.kind, format: req.query.format ?? 'docx' };
        if (req.query.format === 'pdf') {
          // The same stored data, laid out as PDF each time (not kept: the .docx is the record).
          const pdf = await documentPdf(ctx.pii, doc);
          await auditPersonalDataRead(ctx, actor, c, { action: 'case.document_download', summary: read });
          return reply
            .header('content-type', 'application/pdf')
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
            .send(pdf.buffer);
        }
        const { content, sha256 } = await documentBytes(ctx.db, ctx.pii, doc);
        await auditPersonalDataRead(ctx, actor, c, { action: 'case.document_download', summary: read });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
          .header('x-content-sha256', sha256)
          .send(content);
      },
    );

    app.get(
      '/cases/:id/notifications',
      {
        schema: {
          tags: ['cases'],
          summary: '向信访人发送的通知（短信）',
          params: idParam,
          response: { 200: NotificationsAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        // What was sent is a staff record (the petitioner sees the messages on their phone).
        if (!staffToolsPolicy.use(actor)) throw notFound();
        const c = await loadVisible(req, actor);
        const rows = await notificationsOf(ctx.db, ctx.pii, req.params.id);
        const view = {
          full: casePolicy.viewFullPii(actor, c),
          isQueryCode: queryCodeMatcher(ctx.pii, c.queryCodeHash),
        };
        return { items: rows.map((r) => presentNotification(r, view)) };
      },
    );
    await app.register(publicQueryRoutes(ctx));
  };
