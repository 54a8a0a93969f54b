// /api/v1/linkage: 联席会议、部门联动 — the referral table (types → member bodies), a conference's
// member bodies, referrals (list, refer, detail, actions, counts) and 跨省协作 records. Thin:
// commands.ts, cooperation.ts and queries.ts do the work; src/policies/linkage.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { COOPERATION_STATUSES, COUNTERPART_PROVINCES } from '../domain/linkage/crossProvince.ts';
import {
  MEMBER_BODY_DEFS,
  REFERRAL_RULES,
  REFERRAL_STATUSES,
  REFERRAL_TYPES,
  type ReferralStatus,
} from '../domain/linkage/referrals.ts';
import { badRequest } from '../errors.ts';
import { ensureAllowed, inSubtree } from '../policies/index.ts';
import { type Actor, linkagePolicy } from '../policies/linkage.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zFlag, zIdParam, zText } from '../server/fields.ts';
import { actOnReferral, ReferBody, ReferralActionBody, referMatter, setLiaison } from './commands.ts';
import { MembersAnswer, ReferralCounts } from './contract.ts';
import {
  actOnCooperation,
  Cooperation,
  CooperationActionBody,
  listCooperations,
  OpenBody,
  openCooperation,
  presentCooperation,
  visibleCooperation,
} from './cooperation.ts';
import { conferenceOf, ensureMembers } from './members.ts';
import {
  presentMember,
  presentReferral,
  presentReferralDetail,
  ReferralDetail,
  ReferralItem,
} from './presenters.ts';
import { listReferrals, referralCounts, referralRow, visibleReferral } from './queries.ts';

const idParam = z.object({ id: zIdParam('编号') });
const today = () => shanghaiDate(new Date());

function statuses(raw: string | undefined): ReferralStatus[] | undefined {
  if (!raw) return undefined;
  const list = raw.split(',').filter(Boolean);
  for (const s of list)
    if (!(REFERRAL_STATUSES as readonly string[]).includes(s))
      throw badRequest('invalid_status', `未知的移交状态：${s.slice(0, 20)}`, 'status');
  return list as ReferralStatus[];
}

/** The conference whose members the caller asks for: one in its subtree, or its own. */
function conferenceScope(actor: Actor, requested?: string): string {
  ensureAllowed(linkagePolicy.use(actor), '您没有权限查看部门联动');
  const code = conferenceOf(requested ?? actor.jurisdictionCode ?? '');
  // In the caller's subtree, or the conference the caller's own place belongs to (a town's county).
  const own = actor.jurisdictionCode !== null && conferenceOf(actor.jurisdictionCode) === code;
  ensureAllowed(inSubtree(actor, code) || own, '只能查看本辖区的联席会议成员单位');
  return code;
}

export const linkageRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/linkage/rules',
      {
        schema: {
          tags: ['linkage'],
          summary: '部门联动规则表：移交类型、可移交的成员单位、反馈期限；跨省协作的省份',
          response: {
            200: z.object({
              types: z.array(
                z.object({
                  type: z.string(),
                  name: z.string(),
                  feedbackDays: z.number(),
                  ask: z.string(),
                  bodies: z.array(z.object({ body: z.string(), name: z.string() })),
                }),
              ),
              provinces: z.array(z.object({ code: z.string(), name: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        ensureAllowed(linkagePolicy.use(actorOf(req)), '您没有权限查看部门联动');
        return {
          types: REFERRAL_TYPES.map((type) => ({
            type,
            name: REFERRAL_RULES[type].name,
            feedbackDays: REFERRAL_RULES[type].feedbackDays,
            ask: REFERRAL_RULES[type].ask,
            bodies: REFERRAL_RULES[type].bodies.map((b) => ({ body: b, name: MEMBER_BODY_DEFS[b].short })),
          })),
          provinces: Object.entries(COUNTERPART_PROVINCES).map(([code, name]) => ({ code, name })),
        };
      },
    );

    app.get(
      '/linkage/members',
      {
        schema: {
          tags: ['linkage'],
          summary: '联席会议成员单位（省、市、县）：首次查看时按默认设置生成',
          querystring: z.object({ jurisdiction: zCode().optional() }),
          response: { 200: MembersAnswer },
        },
      },
      async (req) => {
        const code = conferenceScope(actorOf(req), req.query.jurisdiction);
        const rows = await ensureMembers(ctx.db, code);
        return { jurisdictionCode: code, items: rows.map(presentMember) };
      },
    );

    app.patch(
      '/linkage/members/:id',
      {
        schema: {
          tags: ['linkage'],
          summary: '设置成员单位联络员（领导、管理员）',
          params: idParam,
          body: z.object({ liaison: zText({ label: '联络员', max: 200 }).nullable() }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await setLiaison(ctx, actorOf(req), req.params.id, req.body.liaison || null);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/linkage/referrals',
      {
        schema: {
          tags: ['linkage'],
          summary: '移交联席会议成员单位的事项（本辖区、本单位；可按事项、类型、状态、是否逾期筛选）',
          querystring: z.object({
            caseId: zIdParam('信访事项编号').optional(),
            type: z.enum(REFERRAL_TYPES, { error: '未知的移交类型' }).optional(),
            status: z.string().max(100).optional().meta({ description: 'referred,fed_back,closed' }),
            jurisdiction: zCode().optional(),
            overdue: zFlag().optional(),
          }),
          response: { 200: z.object({ items: z.array(ReferralItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(linkagePolicy.use(actor), '您没有权限查看部门联动');
        const d = today();
        const rows = await listReferrals(ctx, actor, {
          ...req.query,
          status: statuses(req.query.status),
          today: d,
        });
        return { items: rows.map((r) => presentReferral(r, d)) };
      },
    );

    app.post(
      '/linkage/referrals',
      {
        schema: {
          tags: ['linkage'],
          summary: '移交：按事项类型移交联席会议成员单位（纪委监委、政法委、法院、检察院、财政、民政、公安）',
          body: ReferBody,
          response: { 201: ReferralDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await referMatter(ctx, actor, req.body);
        return reply.status(201).send(await referralDetail(ctx, actor, id));
      },
    );

    app.get(
      '/linkage/referrals/counts',
      {
        schema: {
          tags: ['linkage'],
          summary: '部门联动统计：按移交类型和成员单位的移交、反馈、办结、逾期数',
          querystring: z.object({ jurisdiction: zCode().optional() }),
          response: { 200: ReferralCounts },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = req.query.jurisdiction ?? actor.jurisdictionCode ?? '';
        ensureAllowed(linkagePolicy.counts(actor, code), '您没有权限查看该辖区的部门联动统计');
        return { items: await referralCounts(ctx, code, today()) };
      },
    );

    app.get(
      '/linkage/referrals/:id',
      {
        schema: {
          tags: ['linkage'],
          summary: '移交事项详情',
          params: idParam,
          response: { 200: ReferralDetail },
        },
      },
      async (req) => referralDetail(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/linkage/referrals/:id/actions',
      {
        schema: {
          tags: ['linkage'],
          summary: '移交事项操作：跟踪记录、登记反馈、要求补充反馈、办结',
          params: idParam,
          body: ReferralActionBody,
          response: { 200: ReferralDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnReferral(ctx, actor, req.params.id, req.body);
        return referralDetail(ctx, actor, req.params.id);
      },
    );

    app.get(
      '/linkage/cooperations',
      {
        schema: {
          tags: ['linkage'],
          summary: '跨省协作记录（本辖区）',
          querystring: z.object({
            caseId: zIdParam('信访事项编号').optional(),
            status: z.enum(COOPERATION_STATUSES, { error: '状态应为 open 或 closed' }).optional(),
            jurisdiction: zCode().optional(),
          }),
          response: { 200: z.object({ items: z.array(Cooperation) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(linkagePolicy.use(actor), '您没有权限查看部门联动');
        const rows = await listCooperations(ctx, actor, req.query);
        return { items: rows.map((r) => presentCooperation(actor, r)) };
      },
    );

    app.post(
      '/linkage/cooperations',
      {
        schema: {
          tags: ['linkage'],
          summary: '发起跨省协作（对方省份、协作单位、协作事项，可同时登记首份函件）',
          body: OpenBody,
          response: { 201: Cooperation },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await openCooperation(ctx, actor, req.body);
        return reply.status(201).send(await cooperationDetail(ctx, actor, id));
      },
    );

    app.get(
      '/linkage/cooperations/:id',
      {
        schema: {
          tags: ['linkage'],
          summary: '跨省协作详情',
          params: idParam,
          response: { 200: Cooperation },
        },
      },
      async (req) => cooperationDetail(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/linkage/cooperations/:id/actions',
      {
        schema: {
          tags: ['linkage'],
          summary: '跨省协作操作：登记函件（发函、来函）、结束协作并登记结果',
          params: idParam,
          body: CooperationActionBody,
          response: { 200: Cooperation },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnCooperation(ctx, actor, req.params.id, req.body);
        return cooperationDetail(ctx, actor, req.params.id);
      },
    );
  };

async function referralDetail(ctx: AppContext, actor: Actor, id: number) {
  await visibleReferral(ctx.db, actor, id);
  return presentReferralDetail(actor, await referralRow(ctx.db, id), today());
}

async function cooperationDetail(ctx: AppContext, actor: Actor, id: number) {
  const c = await visibleCooperation(ctx.db, actor, id);
  const [row] = (await listCooperations(ctx, actor, { caseId: c.caseId })).filter((x) => x.c.id === id);
  if (!row) return presentCooperation(actor, { c, caseNumber: '', subject: '' });
  return presentCooperation(actor, row);
}
