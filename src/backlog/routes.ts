// /api/v1/backlog: 积案 — candidates and matters in scope, proposing a case, the actions on a matter
// (认定, 方案, 进展, 七条标准, 销号, 撤销), the candidate rules per jurisdiction. Thin: the commands
// (commands.ts) and reads (queries.ts, presenters.ts) do the work; src/policies/backlog.ts decides.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseRow } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import { DEFAULT_CANDIDATE_RULES, RULE_LIMITS } from '../domain/backlog/rules.ts';
import { BACKLOG_STATUSES, type BacklogStatus } from '../domain/backlog/states.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { badRequest } from '../errors.ts';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../exports/xlsx.ts';
import { backlogPolicy } from '../policies/backlog.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zId, zIdParam } from '../server/fields.ts';
import { ActionBody, actOnMatter, ProposalFields, proposeCase } from './commands.ts';
import { ComplianceAnswer, LedgerAnswer } from './contract.ts';
import { buildLedger, ledgerXlsx } from './ledger.ts';
import { leadersOf, packageCompliance, packageQuotas } from './packages.ts';
import { MatterDetail, MatterItem, presentDetail, presentItem } from './presenters.ts';
import { listMatters, matterDetailOf, visibleMatter } from './queries.ts';
import { candidateRules } from './rules.ts';

const idParam = z.object({ id: zIdParam('积案编号') });

const Rules = z.object({
  enabled: z.boolean(),
  repeatMin: z.number(),
  openDaysMin: z.number(),
  contestedReview: z.boolean(),
  groupOpenDaysMin: z.number(),
  cooldownDays: z.number(),
});

const int = (label: string, [lo, hi]: [number, number]) =>
  z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(lo, `${label}不能小于${lo}`)
    .max(hi, `${label}不能大于${hi}`);

const RulesPatch = z.object({
  enabled: z.boolean().optional(),
  repeatMin: int('重复信访次数', RULE_LIMITS.repeatMin).optional(),
  openDaysMin: int('未化解天数', RULE_LIMITS.openDaysMin).optional(),
  contestedReview: z.boolean().optional(),
  groupOpenDaysMin: int('群体性事项天数', RULE_LIMITS.groupOpenDaysMin).optional(),
  cooldownDays: int('再次提出间隔天数', RULE_LIMITS.cooldownDays).optional(),
});

function parseStatuses(raw: string | undefined): BacklogStatus[] | undefined {
  if (!raw) return undefined;
  const list = raw.split(',').filter(Boolean);
  for (const s of list)
    if (!(BACKLOG_STATUSES as readonly string[]).includes(s))
      throw badRequest('invalid_status', `未知的积案状态：${s.slice(0, 20)}`, 'status');
  return list as BacklogStatus[];
}

export const backlogRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/backlog',
      {
        schema: {
          tags: ['backlog'],
          summary: '积案与候选列表（本辖区；可按状态、信访事项筛选）',
          querystring: z.object({
            status: z
              .string()
              .max(200)
              .optional()
              .meta({ description: '状态，逗号分隔：candidate,proposed,identified…' }),
            caseId: zIdParam('信访事项编号').optional(),
            jurisdiction: zCode().optional(),
          }),
          response: { 200: z.object({ items: z.array(MatterItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(backlogPolicy.use(actor), '您没有权限查看积案');
        const rows = await listMatters(ctx, actor, { ...req.query, status: parseStatuses(req.query.status) });
        const today = shanghaiDate(new Date());
        return { items: rows.map((r) => presentItem(r, today)) };
      },
    );

    app.post(
      '/backlog',
      {
        schema: {
          tags: ['backlog'],
          summary: '提请认定积案（督查员、领导；由上一级信访部门认定）',
          body: ProposalFields.extend({ caseId: zId('信访事项编号') }),
          response: { 201: MatterDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await proposeCase(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    const LedgerQuery = z.object({
      jurisdiction: zCode().optional().meta({ description: '行政区划代码，默认为本人所属辖区' }),
    });

    app.get(
      '/backlog/ledger',
      {
        schema: {
          tags: ['backlog'],
          summary: '积案化解台账（本辖区认定的积案；按下一级地区统计化解率）',
          querystring: LedgerQuery,
          response: {
            200: LedgerAnswer,
          },
        },
      },
      async (req) => buildLedger(ctx, actorOf(req), req.query.jurisdiction, { leaders: leadersOf }),
    );

    app.get(
      '/backlog/ledger.xlsx',
      {
        schema: { tags: ['backlog'], summary: '导出积案化解台账（Excel）', querystring: LedgerQuery },
      },
      async (req, reply) => {
        const now = new Date();
        const ledger = await buildLedger(ctx, actorOf(req), req.query.jurisdiction, {
          now,
          leaders: leadersOf,
        });
        const stamp = shanghaiDate(now);
        return reply
          .header('content-type', XLSX_CONTENT_TYPE)
          .header(
            'content-disposition',
            attachmentHeader(
              `${ledger.scope.name}积案化解台账-${stamp}.xlsx`,
              `backlog-ledger-${stamp}.xlsx`,
            ),
          )
          .send(await ledgerXlsx(ledger, now));
      },
    );

    const QuotaSchema = z.object({
      period: z.enum(['quarter', 'half_year', 'year'], { error: '周期应为 quarter、half_year 或 year' }),
      count: z.number().int('件数应为整数').min(1, '件数至少为1').max(12, '件数不能大于12'),
    });
    const Quotas = z.object({
      province: QuotaSchema.optional(),
      city: QuotaSchema.optional(),
      county: QuotaSchema.optional(),
    });

    app.get(
      '/backlog/packages/compliance',
      {
        schema: {
          tags: ['backlog'],
          summary: '领导包案完成情况（本辖区各级领导本期包案数与要求、包案化解率）',
          querystring: z.object({
            jurisdiction: zCode().optional().meta({ description: '行政区划代码，默认为本人所属辖区' }),
            date: zDate().optional().meta({ description: '按该日期所在周期统计，默认今天' }),
          }),
          response: { 200: ComplianceAnswer },
        },
      },
      async (req) => packageCompliance(ctx, actorOf(req), req.query.jurisdiction, req.query.date),
    );

    app.get(
      '/backlog/quotas/:code',
      {
        schema: {
          tags: ['backlog'],
          summary: '某行政区划生效的领导包案数量要求（含上级设置与默认值）',
          params: z.object({ code: zCode() }),
          response: { 200: z.object({ quotas: Quotas }) },
        },
      },
      async (req) => {
        ensureAllowed(backlogPolicy.use(actorOf(req)), '您没有权限查看积案');
        return { quotas: await packageQuotas.forCode(ctx.db, req.params.code) };
      },
    );

    app.put(
      '/backlog/quotas/:code',
      {
        schema: {
          tags: ['backlog'],
          summary: '设置本辖区的领导包案数量要求（管理员；null 表示该级不作要求）',
          params: z.object({ code: zCode() }),
          body: z.object({
            province: QuotaSchema.nullable().optional(),
            city: QuotaSchema.nullable().optional(),
            county: QuotaSchema.nullable().optional(),
          }),
          response: { 200: z.object({ quotas: Quotas }) },
        },
      },
      async (req) => ({ quotas: await packageQuotas.save(ctx, actorOf(req), req.params.code, req.body) }),
    );

    app.get(
      '/backlog/rules/:code',
      {
        schema: {
          tags: ['backlog'],
          summary: '某行政区划生效的积案候选规则（含上级设置与默认值）',
          params: z.object({ code: zCode() }),
          response: { 200: z.object({ rules: Rules, defaults: Rules }) },
        },
      },
      async (req) => {
        ensureAllowed(backlogPolicy.use(actorOf(req)), '您没有权限查看积案');
        return {
          rules: await candidateRules.forCode(ctx.db, req.params.code),
          defaults: DEFAULT_CANDIDATE_RULES,
        };
      },
    );

    app.put(
      '/backlog/rules/:code',
      {
        schema: {
          tags: ['backlog'],
          summary: '设置本辖区的积案候选规则（管理员；对下级生效，下级可另行设置）',
          params: z.object({ code: zCode() }),
          body: RulesPatch,
          response: { 200: z.object({ rules: Rules }) },
        },
      },
      async (req) => ({ rules: await candidateRules.save(ctx, actorOf(req), req.params.code, req.body) }),
    );

    app.get(
      '/backlog/:id',
      {
        schema: {
          tags: ['backlog'],
          summary: '积案详情（方案、进展、七条标准、可执行操作）',
          params: idParam,
          response: { 200: MatterDetail },
        },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/backlog/:id/actions',
      {
        schema: {
          tags: ['backlog'],
          summary: '积案操作：提请认定、认定、方案步骤、进展、七条标准佐证与签字、销号、撤销标识',
          params: idParam,
          body: ActionBody,
          response: { 200: MatterDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnMatter(ctx, actor, req.params.id, req.body);
        return detailOf(ctx, actor, req.params.id);
      },
    );
  };

async function detailOf(ctx: AppContext, actor: ReturnType<typeof actorOf>, id: number) {
  const m = await visibleMatter(ctx.db, actor, id);
  const c = await caseRow(ctx.db, m.caseId);
  return presentDetail(
    actor,
    { m, caseNumber: c?.caseNumber ?? '', subject: c?.subject ?? '' },
    await matterDetailOf(ctx.db, m),
  );
}
