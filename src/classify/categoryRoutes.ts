// GET /api/v1/classify/categories: the content categories the platform classifies into (the 15
// first-level categories of the official petition content classification, src/classify/lexicon.ts)
// with a sample of the keywords the default classifier looks for, and the departments a category
// can be routed to (the routing table itself: GET/PUT /api/v1/classify/routing/:code).
// The official three-level tree (level 2 and 3) is not shipped: the copy we have carries no licence.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { BUREAU, DEPARTMENTS } from '../orgs/departments.ts';
import { actorOf } from '../server/auth.ts';
import { CATEGORIES, LEXICON } from './lexicon.ts';
import { DEFAULT_ROUTING } from './routing.ts';

const SAMPLE_KEYWORDS = 12;

export const categoryRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/classify/categories',
      {
        schema: {
          tags: ['classify'],
          summary: '内容分类（一级类别）、默认承办部门与可选部门（工作人员）',
          response: {
            200: z.object({
              categories: z.array(
                z.object({
                  name: z.string(),
                  defaultDepartment: z.string(),
                  keywordCount: z.number(),
                  keywords: z.array(z.string()).meta({ description: '默认分类器的部分关键词' }),
                }),
              ),
              departments: z.array(z.object({ key: z.string(), name: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        if (actorOf(req).role === 'citizen') throw forbidden();
        return {
          categories: CATEGORIES.map((name) => ({
            name,
            defaultDepartment: DEFAULT_ROUTING[name],
            keywordCount: LEXICON[name].length,
            keywords: LEXICON[name].slice(0, SAMPLE_KEYWORDS),
          })),
          departments: [BUREAU, ...DEPARTMENTS].map((d) => ({ key: d.key, name: d.short })),
        };
      },
    );
  };
