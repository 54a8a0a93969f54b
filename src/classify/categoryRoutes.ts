// GET /api/v1/classify/categories: the content categories of the platform (src/domain/categories.ts:
// the 15 first-level categories of the official classification, suggested by the classifier, and
// 其他) with a sample of the keywords the default classifier looks for, and the departments a
// category can be routed to (the routing table itself: GET/PUT /api/v1/classify/routing/:code).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { CONTENT_CATEGORIES } from '../domain/categories.ts';
import { BUREAU, DEPARTMENTS } from '../orgs/departments.ts';
import { ensureAllowed, staffToolsPolicy } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { Catalogue } from './contract.ts';
import { LEXICON } from './lexicon.ts';
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
          response: { 200: Catalogue },
        },
      },
      async (req) => {
        ensureAllowed(staffToolsPolicy.use(actorOf(req)));
        return {
          categories: CONTENT_CATEGORIES.map((c) => {
            const words: readonly string[] = c.name === '其他' ? [] : LEXICON[c.name];
            return {
              code: c.code,
              name: c.name,
              description: c.description,
              suggested: c.suggested,
              defaultDepartment: DEFAULT_ROUTING[c.name] ?? c.department,
              keywordCount: words.length,
              keywords: words.slice(0, SAMPLE_KEYWORDS),
            };
          }),
          departments: [BUREAU, ...DEPARTMENTS].map((d) => ({ key: d.key, name: d.short })),
        };
      },
    );
  };
