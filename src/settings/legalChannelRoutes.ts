// /api/v1/settings/legal-channels: the 法定途径清单 behind the registrar's legal-channel hints.
// Staff read the list in force for a jurisdiction; administrators replace it for their own
// jurisdiction and below, or drop their own list to fall back to the parent's.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { categoryByName } from '../domain/categories.ts';
import {
  HINT_CHANNEL_CODES,
  HINT_CHANNELS,
  type LegalChannelRule,
  validateLegalChannelRules,
} from '../domain/legalChannels.ts';
import { badRequest } from '../errors.ts';
import { PROVINCE_CODE } from '../orgs/divisions.ts';
import { type Actor, ensureAllowed, settingsPolicy, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zText } from '../server/fields.ts';
import { ensureJurisdiction, replaceSetting } from './commands.ts';
import { LegalChannelList } from './contract.ts';
import { LEGAL_CHANNELS_KEY, legalChannelList } from './legalChannels.ts';

const text = (name: string, max: number) => zText({ label: name, min: 1, max });

const Rule = z.object({
  id: z
    .string({ error: '请填写规则编号' })
    .regex(/^[a-z][a-z0-9_]{1,39}$/, '规则编号应为2到40位小写字母、数字或下划线，以字母开头'),
  channel: z.enum(HINT_CHANNEL_CODES, { error: '请选择法定途径' }),
  label: text('规则名称', 40),
  keywords: z
    .array(text('关键词', 40), { error: '请填写关键词' })
    .min(1, '每条规则至少要有一个关键词')
    .max(50, '每条规则最多50个关键词'),
  unless: z.array(text('排除词', 40)).max(50, '最多50个排除词').optional(),
  // A rule gated on a category names one of the platform's content categories (src/domain/categories.ts).
  category: zText({ label: '内容分类', max: 40 })
    .refine((v) => categoryByName(v) !== undefined, '内容分类应为平台内容分类之一（如：城乡建设）')
    .optional(),
  competentBody: text('受理机关', 100),
  advice: text('告知意见', 500),
  enabled: z.boolean().optional(),
});

/** The caller's own jurisdiction, or the province for the province-wide staff. */
const homeOf = (a: Actor) => a.jurisdictionCode ?? PROVINCE_CODE;

export const legalChannelRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const respond = async (code: string) => {
      const list = await legalChannelList(ctx.db, code);
      return { code, source: list.source, rules: list.rules as LegalChannelRule[], channels: HINT_CHANNELS };
    };

    app.get(
      '/settings/legal-channels',
      {
        schema: {
          tags: ['settings'],
          summary: '法定途径清单：某行政区划生效的依法分类处理规则（含上级设置与默认值）',
          querystring: z.object({ code: zCode().optional() }),
          response: { 200: LegalChannelList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(staffToolsPolicy.use(actor));
        return respond(req.query.code ?? homeOf(actor));
      },
    );

    app.put(
      '/settings/legal-channels',
      {
        schema: {
          tags: ['settings'],
          summary: '设置本辖区的法定途径清单（管理员；整表替换，对下级生效）',
          body: z.object({
            code: zCode().optional(),
            rules: z.array(Rule, { error: '请提供规则列表' }).max(200, '最多200条规则'),
          }),
          response: { 200: LegalChannelList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = req.body.code ?? homeOf(actor);
        ensureAllowed(settingsPolicy.update(actor, code), '只能设置本辖区的法定途径清单');
        const [problem] = validateLegalChannelRules(req.body.rules);
        if (problem) throw badRequest('invalid_rule', problem.message, problem.field);
        await write(ctx, actor, code, { rules: req.body.rules });
        return respond(code);
      },
    );

    app.delete(
      '/settings/legal-channels',
      {
        schema: {
          tags: ['settings'],
          summary: '删除本辖区自己的法定途径清单，改用上级或默认清单（管理员）',
          querystring: z.object({ code: zCode().optional() }),
          response: { 200: LegalChannelList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = req.query.code ?? homeOf(actor);
        ensureAllowed(settingsPolicy.update(actor, code), '只能设置本辖区的法定途径清单');
        await write(ctx, actor, code, null);
        return respond(code);
      },
    );
  };

/** Replaces (or with null removes) the jurisdiction's own list, with its audit row, in one command. */
async function write(ctx: AppContext, actor: Actor, code: string, value: { rules: unknown[] } | null) {
  await ensureJurisdiction(ctx.db, code);
  await replaceSetting(ctx, actor, {
    code,
    key: LEGAL_CHANNELS_KEY,
    value,
    entityId: `${code}/${LEGAL_CHANNELS_KEY}`,
  });
}
