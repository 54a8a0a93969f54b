// /api/v1/campaigns: 专项行动 — list with numbers, launch, detail with the register (排查台账) and its
// numbers by jurisdiction, manage (targets, close, reopen), add entries, move an entry's status, the
// register as Excel. Thin: commands.ts and queries.ts do the work; src/policies/campaigns.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { CAMPAIGN_STATUSES, ENTRY_STATUSES } from '../domain/campaigns/vocabulary.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../exports/xlsx.ts';
import { type Actor, campaignPolicy } from '../policies/campaigns.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam } from '../server/fields.ts';
import {
  actOnCampaign,
  addEntry,
  CampaignActionBody,
  CampaignFields,
  createCampaign,
  EntryFields,
  EntryStatusBody,
  updateEntry,
} from './commands.ts';
import { Campaign, CampaignDetail, EntryAnswer } from './contract.ts';
import { presentDetail, presentSummary } from './presenters.ts';
import { campaignRegister, listCampaigns, type RegisterFilter, visibleCampaign } from './queries.ts';
import { registerXlsx } from './register.ts';

const idParam = z.object({ id: zIdParam('专项行动编号') });
const entryParam = z.object({ id: zIdParam('专项行动编号'), entryId: zIdParam('台账条目编号') });
const RegisterQuery = z.object({
  status: z.enum(ENTRY_STATUSES, { error: '未知的台账状态' }).optional(),
  jurisdiction: zCode().optional().meta({ description: '只看该地区（行政区划代码）' }),
  cross: z
    .enum(['true', 'false'], { error: 'cross 应为 true 或 false' })
    .optional()
    .meta({ description: '只看（true）或不看（false）三跨三分离事项' }),
});
type RegisterQueryInput = z.infer<typeof RegisterQuery>;
const filterOf = (q: RegisterQueryInput): RegisterFilter => ({
  status: q.status,
  jurisdiction: q.jurisdiction,
  cross: q.cross === undefined ? undefined : q.cross === 'true',
});

async function detailOf(ctx: AppContext, actor: Actor, id: number, f: RegisterFilter = {}) {
  const c = await visibleCampaign(ctx.db, actor, id);
  return presentDetail(actor, c, await campaignRegister(ctx, actor, c, f));
}

export const campaignRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/campaigns',
      {
        schema: {
          tags: ['campaigns'],
          summary: '专项行动列表（本辖区可见；含排查、化解、化解率与目标完成情况）',
          querystring: z.object({
            status: z.enum(CAMPAIGN_STATUSES, { error: '状态应为 active 或 closed' }).optional(),
            year: z.coerce
              .number({ error: '年份应为整数' })
              .int('年份应为整数')
              .min(2000, '年份不能早于2000')
              .max(2100, '年份不能晚于2100')
              .optional(),
          }),
          response: { 200: z.object({ items: z.array(Campaign) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(campaignPolicy.use(actor), '您没有权限查看专项行动');
        const list = await listCampaigns(ctx, actor, req.query);
        const names = await new UnitLookup(ctx.db).jurisdictionNames(
          ctx.db,
          list.map((s) => s.campaign.scopeCode),
        );
        return { items: list.map((s) => presentSummary(s, names.get(s.campaign.scopeCode))) };
      },
    );

    app.post(
      '/campaigns',
      {
        schema: {
          tags: ['campaigns'],
          summary: '部署专项行动（信访部门督查员、领导；范围为本辖区或其下级）',
          body: CampaignFields,
          response: { 201: CampaignDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await createCampaign(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    app.get(
      '/campaigns/:id',
      {
        schema: {
          tags: ['campaigns'],
          summary: '专项行动详情：排查台账、统计数字（按下一级地区）、可执行的操作',
          params: idParam,
          querystring: RegisterQuery,
          response: { 200: CampaignDetail },
        },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id, filterOf(req.query)),
    );

    app.post(
      '/campaigns/:id/actions',
      {
        schema: {
          tags: ['campaigns'],
          summary: '管理专项行动：set_targets（调整目标）、close（结束）、reopen（重新开启）',
          params: idParam,
          body: CampaignActionBody,
          response: { 200: CampaignDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await actOnCampaign(ctx, actor, req.params.id, req.body);
        return detailOf(ctx, actor, req.params.id);
      },
    );

    app.post(
      '/campaigns/:id/entries',
      {
        schema: {
          tags: ['campaigns'],
          summary: '登记排查台账：关联已登记的信访事项，或登记尚未信访的矛盾纠纷（不记录当事人身份信息）',
          params: idParam,
          body: EntryFields,
          response: { 201: EntryAnswer },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const entryId = await addEntry(ctx, actor, req.params.id, req.body);
        const d = await detailOf(ctx, actor, req.params.id);
        return reply
          .status(201)
          .send({ entry: d.entries.find((e) => e.id === entryId) ?? null, numbers: d.numbers });
      },
    );

    app.post(
      '/campaigns/:id/entries/:entryId/status',
      {
        schema: {
          tags: ['campaigns'],
          summary: '更新台账条目的化解状态（排查登记 → 化解中 → 已化解 / 未化解（稳控））及是否稳定',
          params: entryParam,
          body: EntryStatusBody,
          response: { 200: EntryAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await updateEntry(ctx, actor, req.params.id, req.params.entryId, req.body);
        const d = await detailOf(ctx, actor, req.params.id);
        return { entry: d.entries.find((e) => e.id === req.params.entryId) ?? null, numbers: d.numbers };
      },
    );

    app.get(
      '/campaigns/:id/register.xlsx',
      {
        schema: {
          tags: ['campaigns'],
          summary: '导出排查台账（Excel）',
          params: idParam,
          querystring: RegisterQuery,
        },
      },
      async (req, reply) => {
        const now = new Date();
        const d = await detailOf(ctx, actorOf(req), req.params.id, filterOf(req.query));
        const stamp = shanghaiDate(now);
        return reply
          .header('content-type', XLSX_CONTENT_TYPE)
          .header(
            'content-disposition',
            attachmentHeader(`${d.name}排查台账-${stamp}.xlsx`, `campaign-${d.id}-register-${stamp}.xlsx`),
          )
          .send(await registerXlsx(d, now));
      },
    );
  };
