// POST /api/v1/cases/similar: before saving a registration, the matters it may repeat or
// duplicate (same petitioner, near-identical content about the same place), within the caller's
// scope. No personal data in the answer. GET/PUT /api/v1/settings/duplicates/:code: thresholds.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { duplicatePolicy, ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zId, zText } from '../server/fields.ts';
import { SimilarAnswer } from './contract.ts';
import { similarForPetition } from './service.ts';
import { DuplicateSettings, duplicateSettings, duplicateSettingsFor } from './settings.ts';

const SimilarBody = z.object({
  subject: zText({ label: '标题', max: 200 }),
  content: zText({ label: '内容', max: 10000 }),
  jurisdictionCode: zCode('请选择问题属地'),
  idNumber: zText({ label: '身份证号', max: 30 })
    .optional()
    .meta({ description: '信访人身份证号（只用于比对，不返回）' }),
  phone: zText({ label: '手机号', max: 20 })
    .optional()
    .meta({ description: '信访人手机号（只用于比对，不返回）' }),
  excludeCaseId: zId('排除的信访事项').optional(),
});

export const duplicateRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/cases/similar',
      {
        schema: {
          tags: ['cases'],
          summary: '登记前查重：同一信访人的事项、同一属地内容相近的事项（重复信访提示）',
          body: SimilarBody,
          response: { 200: SimilarAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(duplicatePolicy.check(actor), '只有信访部门的登记人员可以查重');
        return { candidates: await similarForPetition(ctx, actor, req.body) };
      },
    );

    app.get(
      '/settings/duplicates/:code',
      {
        schema: {
          tags: ['settings'],
          summary: '某行政区划生效的查重与群体疑似阈值',
          params: z.object({ code: zCode() }),
          response: { 200: DuplicateSettings },
        },
      },
      async (req) => {
        actorOf(req);
        return duplicateSettingsFor(ctx.db, ctx.db, req.params.code);
      },
    );

    app.put(
      '/settings/duplicates/:code',
      {
        schema: {
          tags: ['settings'],
          summary: '设置本辖区的查重与群体疑似阈值（管理员；对下级生效）',
          params: z.object({ code: zCode() }),
          body: DuplicateSettings.partial(),
          response: { 200: DuplicateSettings },
        },
      },
      async (req) => {
        return duplicateSettings.save(ctx, actorOf(req), req.params.code, req.body);
      },
    );
  };
