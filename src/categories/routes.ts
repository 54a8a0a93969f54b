// /api/v1/categories/dictionary: the second and third levels of the content categories, a
// versioned dictionary (./queries.ts). Staff read any version; the province administrator edits.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ensureAllowed, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zText } from '../server/fields.ts';
import { putEntry, retireEntry } from './commands.ts';
import { Dictionary, DictionaryEntry, DictionaryWritten, TreeImportAnswer } from './contract.ts';
import { importTree } from './import.ts';
import { dictionaryAt, historyOf } from './queries.ts';

const Code = z.object({ code: z.string().regex(/^\d{6}$/, '分类代码应为6位数字') });
/** The official tree is ≈ 20 KB; a table of a few thousand rows fits well under this. */
const MAX_CSV = 1_000_000;

export const categoryDictionaryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/categories/dictionary',
      {
        schema: {
          tags: ['settings'],
          summary: '内容分类二、三级词典（可指定版本）',
          querystring: z.object({
            version: z.coerce
              .number({ error: '版本应为数字' })
              .int('版本应为整数')
              .min(0, '版本不正确')
              .max(2_147_483_647, '版本不正确')
              .optional(),
          }),
          response: { 200: Dictionary },
        },
      },
      async (req) => {
        ensureAllowed(staffToolsPolicy.use(actorOf(req)));
        return dictionaryAt(ctx.db, req.query.version);
      },
    );

    app.get(
      '/categories/dictionary/:code/history',
      {
        schema: {
          tags: ['settings'],
          summary: '某一分类的修改历史',
          params: Code,
          response: { 200: z.object({ items: z.array(DictionaryEntry.extend({ changedBy: z.string() })) }) },
        },
      },
      async (req) => {
        ensureAllowed(staffToolsPolicy.use(actorOf(req)));
        return { items: await historyOf(ctx.db, req.params.code) };
      },
    );

    app.put(
      '/categories/dictionary/:code',
      {
        schema: {
          tags: ['settings'],
          summary: '新增或更名二、三级分类（省级管理员）',
          params: Code,
          body: z.object({ name: zText({ label: '分类名称', min: 1, max: 40 }) }),
          response: { 200: DictionaryWritten },
        },
      },
      async (req) => putEntry(ctx, actorOf(req), req.params.code, req.body.name),
    );

    app.post(
      '/categories/dictionary/import',
      {
        schema: {
          tags: ['settings'],
          summary: '导入分类体系：按名称给出二、三级分类，自动编码（省级管理员；dryRun 只预览）',
          body: z.object({
            csv: z
              .string({ error: '请提供CSV文本（列：一级分类,二级分类,三级分类）' })
              .min(1, '文件是空的')
              .max(MAX_CSV, `文件不能超过${MAX_CSV}字`),
            dryRun: z.boolean({ error: 'dryRun应为true或false' }).default(false),
            retireAbsent: z
              .boolean({ error: 'retireAbsent应为true或false' })
              .default(false)
              .meta({ description: '停用词典中在用、表中没有的分类' }),
          }),
          response: { 200: TreeImportAnswer },
        },
      },
      async (req) =>
        importTree(ctx, actorOf(req), req.body.csv, {
          dryRun: req.body.dryRun,
          retireAbsent: req.body.retireAbsent,
        }),
    );

    app.post(
      '/categories/dictionary/:code/retire',
      {
        schema: {
          tags: ['settings'],
          summary: '停用二、三级分类（已登记事项保留原代码）',
          params: Code,
          response: { 200: DictionaryWritten },
        },
      },
      async (req) => retireEntry(ctx, actorOf(req), req.params.code),
    );
  };
