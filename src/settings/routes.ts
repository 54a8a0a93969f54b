// /api/v1/settings: time limits per jurisdiction and the SMS templates, edited by administrators.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { SmsStage } from '../domain/lifecycle/actions.ts';
import { CLOCKS } from '../domain/lifecycle/limits.ts';
import { SMS_TEMPLATES } from '../domain/lifecycle/notices.ts';
import { badRequest } from '../errors.ts';
import { PROVINCE_CODE } from '../orgs/divisions.ts';
import { ensureAllowed, settingsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zText } from '../server/fields.ts';
import { ensureJurisdiction, replaceSetting } from './commands.ts';
import { LimitsAnswer, SmsTemplates, SmsTemplatesSaved } from './contract.ts';
import { limitsFor } from './limits.ts';
import { SMS_TEMPLATES_KEY, smsTemplates } from './templates.ts';

const Limit = z.object({
  amount: z.number().int().min(1).max(365),
  unit: z.enum(['calendar_days', 'working_days']),
});
const LimitsBody = z.object({
  clocks: z.partialRecord(z.enum(CLOCKS), Limit).optional(),
  maxExtensionDays: z.number().int().min(0).max(365).optional(),
  nearDueDays: z.number().int().min(0).max(30).optional(),
  maxRepresentatives: z.number().int().min(1).max(50).optional(),
  groupVisitSize: z.number().int().min(2).max(1000).optional(),
});
const stages = Object.keys(SMS_TEMPLATES) as [SmsStage, ...SmsStage[]];

export const settingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/settings/limits/:code',
      {
        schema: {
          tags: ['settings'],
          summary: '某行政区划生效的办理期限等设置（含上级设置与法定默认值）',
          params: z.object({ code: zCode() }),
          response: { 200: LimitsAnswer },
        },
      },
      async (req) => {
        actorOf(req);
        return limitsFor(ctx.db, req.params.code);
      },
    );

    app.put(
      '/settings/limits/:code',
      {
        schema: {
          tags: ['settings'],
          summary: '设置本辖区的办理期限（管理员；对下级生效，下级可另行设置）',
          params: z.object({ code: zCode() }),
          body: LimitsBody,
          response: { 200: LimitsAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(settingsPolicy.update(actor, req.params.code), '只能设置本辖区的办理期限');
        await ensureJurisdiction(ctx.db, req.params.code);
        await replaceSetting(ctx, actor, { code: req.params.code, key: 'limits', value: req.body });
        return limitsFor(ctx.db, req.params.code);
      },
    );

    app.get(
      '/settings/sms-templates',
      { schema: { tags: ['settings'], summary: '短信模板（全省）', response: { 200: SmsTemplates } } },
      async (req) => {
        actorOf(req);
        return {
          templates: await smsTemplates(ctx.db),
          placeholders: ['caseNumber', 'queryCode', 'unit', 'reason', 'date'],
        };
      },
    );

    app.put(
      '/settings/sms-templates',
      {
        schema: {
          tags: ['settings'],
          summary: '修改短信模板（省级管理员）',
          body: z.object({
            templates: z.partialRecord(z.enum(stages), zText({ label: '短信模板', min: 4, max: 300 })),
          }),
          response: { 200: SmsTemplatesSaved },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(settingsPolicy.update(actor, PROVINCE_CODE), '只有省级管理员可以修改短信模板');
        for (const [stage, text] of Object.entries(req.body.templates)) {
          // SMS never carry ID numbers: refuse templates that try to.
          if (/idNumber|身份证/.test(text ?? '')) {
            throw badRequest('template_pii', '短信模板不得包含身份证号码', `templates.${stage}`);
          }
        }
        const current = await smsTemplates(ctx.db);
        await replaceSetting(ctx, actor, {
          code: PROVINCE_CODE,
          key: SMS_TEMPLATES_KEY,
          value: { ...current, ...req.body.templates },
        });
        return { templates: await smsTemplates(ctx.db) };
      },
    );
  };
