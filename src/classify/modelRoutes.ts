// 分类建议模型: the stored classifier versions — what each was trained on, its estimate at training,
// which one serves — for the console's 管理 → 分类 (GET /api/v1/classify/models, staff), and putting a
// version (or the built-in lexicon) into service or back (POST /api/v1/classify/models/active, the
// province administrator, audited; the matters still 待确认 then get the new model's suggestion). Training stays on the command line (`xinfang classify train`):
// it reads a bureau's export and takes a minute of CPU.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { zId } from '../domain/validation/fields.ts';
import { ensureAllowed, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { activateModel } from './commands.ts';
import { type ModelItem, ModelList } from './contract.ts';
import { LEXICON_LABELS } from './lexicon.ts';
import { listModels } from './store.ts';

type Stored = Awaited<ReturnType<typeof listModels>>[number];

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A stored version as the console reads it; fields a model stored by an older release lacks are null. */
function presentModel(m: Stored): ModelItem {
  const on = record(m.trainedOn);
  const metrics = record(m.metrics);
  const taxonomy = record(on.taxonomy);
  const scores = Array.isArray(metrics.selectionMacroF1)
    ? metrics.selectionMacroF1.filter(Number.isFinite)
    : [];
  return {
    version: m.version,
    name: `v${m.version}`,
    active: m.active,
    createdAt: m.createdAt.toISOString(),
    file: typeof on.file === 'string' ? on.file : null,
    rows: typeof on.rows === 'number' ? on.rows : null,
    // Sorted: the database keeps a jsonb object's keys in its own order.
    labels: Object.keys(record(on.labels)).sort(),
    taxonomy: typeof taxonomy.source === 'string' ? taxonomy.source : null,
    estimate: scores.length > 0 ? Math.max(...(scores as number[])) : null,
  };
}

async function modelList(ctx: AppContext): Promise<ModelList> {
  const stored = (await listModels(ctx.db)).map(presentModel);
  const lexicon: ModelItem = {
    version: 'lexicon',
    name: '内置关键词表',
    active: !stored.some((m) => m.active),
    createdAt: null,
    file: null,
    rows: null,
    labels: [...LEXICON_LABELS],
    taxonomy: null,
    estimate: null,
  };
  return { items: [...stored, lexicon] };
}

export const classifierModelRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/classify/models',
      {
        schema: {
          tags: ['classify'],
          summary: '分类建议模型：已存版本（训练数据、训练时估计）、在用版本与内置关键词表（工作人员）',
          response: { 200: ModelList },
        },
      },
      async (req) => {
        ensureAllowed(staffToolsPolicy.use(actorOf(req)));
        return modelList(ctx);
      },
    );

    app.post(
      '/classify/models/active',
      {
        schema: {
          tags: ['classify'],
          summary: '启用某一版本的分类建议模型或内置关键词表（省级管理员；记入审计日志）',
          body: z.object({
            // A version is an int4 like any id: a larger number is a 400, not a database error.
            version: z.union([zId('版本号'), z.literal('lexicon')]).meta({
              description: '版本号，或 lexicon（内置关键词表）',
            }),
          }),
          response: { 200: ModelList },
        },
      },
      async (req) => {
        await activateModel(ctx, actorOf(req), req.body.version);
        return modelList(ctx);
      },
    );
  };
