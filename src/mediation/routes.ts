// /api/v1/mediation: 访调对接 — mediation bodies (list, add, edit), referrals of matters (list,
// refer, detail, the steps, the 调解协议书 as Word), a matter's third-party interventions, and the
// counts by body. Thin: commands.ts and queries.ts do the work; src/policies/mediation.ts decides.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseRow } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import type { cases } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { maskNumbersInText } from '../domain/masking.ts';
import { MEDIATION_KINDS, REFERRAL_STATUSES, type ReferralStatus } from '../domain/mediation/referrals.ts';
import { badRequest, notFound } from '../errors.ts';
import { attachmentHeader } from '../exports/xlsx.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, mediationPolicy } from '../policies/mediation.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zIdParam } from '../server/fields.ts';
import { agreementDataOf, renderAgreement } from './agreement.ts';
import {
  actOnReferral,
  BodyInput,
  BodyPatch,
  createBody,
  ReferInput,
  ReferralAction,
  referMatter,
  updateBody,
} from './commands.ts';
import { CountRow } from './contract.ts';
import { InterventionInput, recordIntervention } from './interventions.ts';
import {
  BodyItem,
  InterventionItem,
  presentBody,
  presentIntervention,
  presentReferral,
  presentReferralDetail,
  ReferralDetail,
  ReferralItem,
} from './presenters.ts';
import {
  bodyRow,
  interventionsOf,
  listBodies,
  listReferrals,
  mediationCounts,
  referralDetailOf,
  referralRow,
  visibleReferral,
} from './queries.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const idParam = z.object({ id: zIdParam('编号') });
const tags = ['mediation'];

async function readableCase(ctx: AppContext, actor: Actor, caseId: number) {
  const c = await caseRow(ctx.db, caseId);
  ensureReadable(c !== undefined && casePolicy.read(actor, c));
  return c as typeof cases.$inferSelect;
}

function parseStatuses(raw: string | undefined): ReferralStatus[] | undefined {
  if (!raw) return undefined;
  const list = raw.split(',').filter(Boolean);
  for (const s of list)
    if (!(REFERRAL_STATUSES as readonly string[]).includes(s))
      throw badRequest('invalid_status', `未知的调解状态：${s.slice(0, 20)}`, 'status');
  return list as ReferralStatus[];
}

export const mediationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const use = (req: Parameters<typeof actorOf>[0]) => {
      const actor = actorOf(req);
      ensureAllowed(mediationPolicy.use(actor), '您没有权限查看访调对接');
      return actor;
    };

    app.get(
      '/mediation/bodies',
      {
        schema: {
          tags,
          summary: '调解组织（本辖区及上级；caseId：该事项可移交的调解组织）',
          querystring: z.object({
            caseId: zIdParam('信访事项编号').optional(),
            kind: z
              .enum(MEDIATION_KINDS, { error: '调解类型应为 people、administrative 或 judicial' })
              .optional(),
            all: z.enum(['true', 'false'], { error: 'all 应为 true 或 false' }).optional(),
          }),
          response: { 200: z.object({ items: z.array(BodyItem) }) },
        },
      },
      async (req) => {
        const actor = use(req);
        const place = req.query.caseId
          ? (await readableCase(ctx, actor, req.query.caseId)).jurisdictionCode
          : undefined;
        const rows = await listBodies(ctx, actor, {
          forPlace: place,
          kind: req.query.kind,
          all: req.query.all === 'true',
        });
        return { items: rows.map((r) => presentBody(r.b, r.hostUnit)) };
      },
    );

    app.post(
      '/mediation/bodies',
      {
        schema: {
          tags,
          summary: '新增调解组织（领导、管理员）',
          body: BodyInput,
          response: { 201: BodyItem },
        },
      },
      async (req, reply) => {
        const actor = use(req);
        const id = await createBody(ctx, actor, req.body);
        const b = await bodyRow(ctx.db, id);
        if (!b) throw notFound();
        return reply.status(201).send(presentBody(b, null));
      },
    );

    app.patch(
      '/mediation/bodies/:id',
      {
        schema: {
          tags,
          summary: '修改、停用调解组织',
          params: idParam,
          body: BodyPatch,
          response: { 200: BodyItem },
        },
      },
      async (req) => {
        const actor = use(req);
        await updateBody(ctx, actor, req.params.id, req.body);
        const b = await bodyRow(ctx.db, req.params.id);
        if (!b) throw notFound();
        return presentBody(b, null);
      },
    );

    app.get(
      '/mediation/referrals',
      {
        schema: {
          tags,
          summary: '调解移交列表（本辖区、本单位；可按事项、调解组织、状态筛选）',
          querystring: z.object({
            caseId: zIdParam('信访事项编号').optional(),
            bodyId: zIdParam('调解组织').optional(),
            status: z
              .string()
              .max(100)
              .optional()
              .meta({ description: 'referred,agreement,no_agreement,settled,withdrawn' }),
            jurisdiction: zCode().optional(),
          }),
          response: { 200: z.object({ items: z.array(ReferralItem) }) },
        },
      },
      async (req) => {
        const actor = use(req);
        const { caseId, status, ...rest } = req.query;
        if (caseId !== undefined) await readableCase(ctx, actor, caseId);
        const rows = await listReferrals(
          ctx,
          actor,
          { ...rest, caseId, status: parseStatuses(status) },
          caseId !== undefined,
        );
        const today = shanghaiDate(new Date());
        return { items: rows.map((r) => presentReferral(r, today)) };
      },
    );

    app.post(
      '/mediation/referrals',
      {
        schema: {
          tags,
          summary: '移交调解：将信访事项（或其中一部分）移交人民调解、行政调解或司法调解',
          body: ReferInput,
          response: { 201: ReferralDetail },
        },
      },
      async (req, reply) => {
        const actor = use(req);
        const id = await referMatter(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    app.get(
      '/mediation/referrals/:id',
      { schema: { tags, summary: '调解移交详情', params: idParam, response: { 200: ReferralDetail } } },
      async (req) => detailOf(ctx, use(req), req.params.id),
    );

    app.post(
      '/mediation/referrals/:id/actions',
      {
        schema: {
          tags,
          summary: '调解操作：记录调解、达成协议、调解不成（退回办理）、撤回、据协议办结',
          params: idParam,
          body: ReferralAction,
          response: { 200: ReferralDetail },
        },
      },
      async (req) => {
        const actor = use(req);
        await actOnReferral(ctx, actor, req.params.id, req.body);
        return detailOf(ctx, actor, req.params.id);
      },
    );

    app.get(
      '/mediation/referrals/:id/agreement.docx',
      { schema: { tags, summary: '下载调解协议书（Word）', params: idParam } },
      async (req, reply) => {
        const actor = use(req);
        const r = await visibleReferral(ctx.db, actor, req.params.id);
        const doc = await renderAgreement(await agreementDataOf(ctx, r));
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentHeader(doc.filename, `mediation-agreement-${r.id}.docx`))
          .send(doc.buffer);
      },
    );

    app.get(
      '/mediation/interventions',
      {
        schema: {
          tags,
          summary: '信访事项的第三方参与记录（律师参与、心理疏导、社会工作服务）',
          querystring: z.object({ caseId: zIdParam('信访事项编号') }),
          response: { 200: z.object({ items: z.array(InterventionItem), canRecord: z.boolean() }) },
        },
      },
      async (req) => {
        const actor = use(req);
        const c = await readableCase(ctx, actor, req.query.caseId);
        const full = casePolicy.viewFullPii(actor, c);
        const items = (await interventionsOf(ctx.db, c.id))
          .map(presentIntervention)
          .map((i) =>
            full ? i : { ...i, activity: maskNumbersInText(i.activity), result: maskNumbersInText(i.result) },
          );
        return { items, canRecord: mediationPolicy.recordIntervention(actor, c) };
      },
    );

    app.post(
      '/mediation/interventions',
      {
        schema: {
          tags,
          summary: '记录第三方参与：谁、何时、做了什么、效果如何',
          body: InterventionInput.extend({ caseId: zIdParam('信访事项编号') }),
          response: { 201: InterventionItem },
        },
      },
      async (req, reply) => {
        const actor = use(req);
        const { caseId, ...input } = req.body;
        const id = await recordIntervention(ctx, actor, caseId, input);
        const row = (await interventionsOf(ctx.db, caseId)).find((x) => x.i.id === id);
        if (!row) throw notFound();
        return reply.status(201).send(presentIntervention(row));
      },
    );

    app.get(
      '/mediation/indicators',
      {
        schema: {
          tags,
          summary: '访调对接统计：移交数、达成协议数、调解成功率（按调解组织）',
          querystring: z.object({
            jurisdiction: zCode().optional().meta({ description: '行政区划代码，默认为本人所属辖区' }),
            from: zDate('开始日期'),
            to: zDate('结束日期'),
          }),
          response: {
            200: z.object({
              total: CountRow,
              byBody: z.array(CountRow.extend({ bodyId: z.number(), body: z.string(), kind: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        const actor = use(req);
        const code = req.query.jurisdiction ?? actor.jurisdictionCode ?? '';
        ensureAllowed(mediationPolicy.counts(actor, code), '您没有权限查看该辖区的访调对接统计');
        if (req.query.from > req.query.to)
          throw badRequest('invalid_period', '开始日期不能晚于结束日期', 'from');
        return mediationCounts(ctx, code, req.query.from, req.query.to);
      },
    );
  };

async function detailOf(ctx: AppContext, actor: Actor, id: number) {
  await visibleReferral(ctx.db, actor, id);
  const row = await referralRow(ctx.db, id);
  return presentReferralDetail(
    actor,
    row,
    await referralDetailOf(ctx.db, ctx.pii, row.r),
    shanghaiDate(new Date()),
  );
}
