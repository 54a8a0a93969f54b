// GET /api/v1/audit: the audit log search (审计日志查询); the query and its scope are in
// src/audit/queries.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { actorOf } from '../server/auth.ts';
import { AuditPage } from './contract.ts';
import { AuditQuery, searchAudit } from './queries.ts';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '查询审计日志（管理员、审计员，限本辖区）',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (req) => searchAudit(ctx, actorOf(req), req.query),
    );
  };
