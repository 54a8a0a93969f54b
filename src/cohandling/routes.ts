// /api/v1/cases/:id/cohandling: a co-handled matter (会办) — lead, coordinating bureau, 三跨三分离,
// every co-unit's part; and a co-unit filing its part (会办意见). The hand-out itself is the
// lifecycle action assign_cohandling (会办交办). Thin: commands, queries and policies decide.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseRow } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import { cohandlingPolicy } from '../policies/cohandling.ts';
import { ensureReadable } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam, zText } from '../server/fields.ts';
import { fileFeedback } from './commands.ts';
import { CohandlingAnswer } from './contract.ts';
import { presentCohandling } from './presenters.ts';
import { cohandlingOf } from './queries.ts';

const idParam = z.object({ id: zIdParam('信访事项编号') });

export const cohandlingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (caseId: number) => {
      const r = await cohandlingOf(ctx.db, caseId);
      return { cohandling: r ? presentCohandling(r) : null };
    };

    app.get(
      '/cases/:id/cohandling',
      {
        schema: {
          tags: ['cases'],
          summary: '会办情况（牵头单位、会办单位及其会办意见、三跨三分离）',
          params: idParam,
          response: { 200: CohandlingAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const c = await caseRow(ctx.db, req.params.id);
        ensureReadable(c !== undefined && cohandlingPolicy.read(actor, c));
        return view(req.params.id);
      },
    );

    app.post(
      '/cases/:id/cohandling/feedback',
      {
        schema: {
          tags: ['cases'],
          summary: '会办单位反馈会办意见',
          params: idParam,
          body: z.object({ feedback: zText({ label: '会办意见', min: 1, max: 5000 }) }),
          response: { 200: CohandlingAnswer },
        },
      },
      async (req) => {
        await fileFeedback(ctx, actorOf(req), req.params.id, req.body.feedback);
        return view(req.params.id);
      },
    );
  };
