// /open311/v2: Open311 GeoReport v2 (docs/interop.md), in JSON and XML. Services (the content
// categories) are public; reading requests needs a key with `read` (or a staff session), and the
// caller's scope applies as everywhere; posting one needs a key with `register`, sent in the
// X-Api-Key header or as the standard's `api_key` field. Errors answer in the standard's shape,
// `[{"code":400,"description":"…"}]`.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticateKey, keyRateLimiter } from '../apikeys/auth.ts';
import { caseRow } from '../cases/queries.ts';
import { idempotencyClaim } from '../commands/idempotency.ts';
import type { AppContext } from '../context.ts';
import { STATES } from '../domain/lifecycle/vocabulary.ts';
import {
  OPEN311_SERVICES,
  type Open311Status,
  serviceByCode,
  statesOf,
  toXml,
} from '../domain/open311/mapping.ts';
import { zCode, zText } from '../domain/validation/fields.ts';
import { AppError, badRequest, notFound, unauthorized } from '../errors.ts';
import { jurisdictionRow } from '../orgs/queries.ts';
import type { Actor } from '../policies/index.ts';
import { caseOfToken, PostRequestBody, postServiceRequest, tokenFor } from './commands.ts';
import { presentRequest, presentService } from './presenters.ts';
import { findRequests } from './queries.ts';

const Format = z.enum(['json', 'xml'], { error: '格式应为 json 或 xml' });
type Fmt = z.infer<typeof Format>;

function send(reply: FastifyReply, format: Fmt, root: string, item: string, rows: Record<string, unknown>[]) {
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, item, rows));
  return reply.type('application/json; charset=utf-8').send(rows);
}

const formatOf = (req: FastifyRequest): Fmt =>
  (req.params as { format?: string } | undefined)?.format === 'xml' ? 'xml' : 'json';

/** Comma-separated list of a query parameter, each checked. */
function list(raw: string | undefined, field: string, ok: (v: string) => boolean, what: string) {
  if (raw === undefined || raw === '') return undefined;
  const items = raw.split(',').map((s) => s.trim());
  for (const v of items)
    if (!ok(v)) throw badRequest('invalid_filter', `${what}不正确：${v.slice(0, 30)}`, field);
  return items;
}

function dateParam(raw: string | undefined, field: string): Date | undefined {
  if (!raw) return undefined;
  const d = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(d.getTime()))
    throw badRequest('invalid_date', `${field} 应为 W3C 日期时间，如 2026-03-01T00:00:00+08:00`, field);
  return d;
}

// Free text is refused with control characters (zText) before it reaches a query.
const RequestQuery = z.object({
  service_request_id: zText({ label: 'service_request_id', max: 2000 }).optional(),
  service_code: zText({ label: 'service_code', max: 500 }).optional(),
  start_date: zText({ label: 'start_date', max: 40 }).optional(),
  end_date: zText({ label: 'end_date', max: 40 }).optional(),
  status: zText({ label: 'status', max: 20 }).optional(),
  jurisdiction_id: zCode('jurisdiction_id 应为6位或9位行政区划代码').optional(),
});

export const open311Routes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const limit = keyRateLimiter(app);
    // Form posts, as the standard sends them (application/x-www-form-urlencoded).
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    app.setErrorHandler((err: FastifyError, req, reply) => {
      let status = 500;
      let description = '服务器内部错误';
      if (err instanceof AppError) {
        status = err.status;
        description = err.message;
      } else if (hasZodFastifySchemaValidationErrors(err)) {
        status = 400;
        const first = err.validation[0];
        const field = first?.instancePath.replace(/^\//, '') || '';
        description = `${field ? `${field}：` : ''}${first?.message ?? '格式不正确'}`;
      } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        status = err.statusCode;
        description = status === 429 ? '请求过于频繁，请稍后再试' : '请求无效';
      } else {
        req.log.error({ err }, 'open311 request failed');
      }
      return send(reply.status(status), formatOf(req), 'errors', 'error', [{ code: status, description }]);
    });

    const reader = (req: FastifyRequest): Actor => {
      if (!req.actor) throw unauthorized('请在 X-Api-Key 请求头提供接口密钥');
      return req.actor;
    };

    app.get(
      '/services.:format',
      {
        config: { public: true },
        schema: {
          tags: ['open311'],
          summary: 'Open311 服务列表（信访内容分类）',
          params: z.object({ format: Format }),
        },
      },
      async (req, reply) =>
        send(reply, req.params.format, 'services', 'service', OPEN311_SERVICES.map(presentService)),
    );

    app.get(
      '/services/:code.:format',
      {
        config: { public: true },
        schema: {
          tags: ['open311'],
          summary: 'Open311 服务定义（无附加属性）',
          params: z.object({ code: z.string().max(20), format: Format }),
        },
      },
      async (req, reply) => {
        const s = serviceByCode(req.params.code);
        if (!s) throw notFound(`未知的服务代码：${req.params.code}`);
        const definition = { service_code: s.service_code, attributes: [] };
        if (req.params.format === 'xml')
          return reply
            .type('text/xml; charset=utf-8')
            .send(
              `<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>${s.service_code}</service_code><attributes/></service_definition>`,
            );
        return definition;
      },
    );

    app.get(
      '/requests.:format',
      {
        config: { public: true },
        schema: {
          tags: ['open311'],
          summary: 'Open311 服务请求列表（按数据范围；默认近90日，最多1000条）',
          params: z.object({ format: Format }),
          querystring: RequestQuery,
        },
      },
      async (req, reply) => {
        const actor = reader(req);
        const q = req.query;
        const statuses = list(q.status, 'status', (v) => v === 'open' || v === 'closed', '状态') as
          | Open311Status[]
          | undefined;
        let jurisdictionPrefix: string | undefined;
        if (q.jurisdiction_id) {
          const j = await jurisdictionRow(ctx.db, q.jurisdiction_id);
          if (!j)
            throw badRequest(
              'unknown_jurisdiction',
              'jurisdiction_id 不是已知的行政区划代码',
              'jurisdiction_id',
            );
          jurisdictionPrefix = j.scopePrefix;
        }
        const rows = await findRequests(ctx, actor, {
          caseNumbers: list(
            q.service_request_id,
            'service_request_id',
            (v) => /^\d{16,19}$/.test(v),
            '服务请求编号',
          ),
          serviceCodes: list(
            q.service_code,
            'service_code',
            (v) => serviceByCode(v) !== undefined,
            '服务代码',
          ),
          states: statuses?.flatMap((s) => statesOf(s, STATES)),
          start: dateParam(q.start_date, 'start_date'),
          end: dateParam(q.end_date, 'end_date'),
          jurisdictionPrefix,
        });
        return send(reply, req.params.format, 'service_requests', 'request', rows.map(presentRequest));
      },
    );

    app.get(
      '/requests/:id.:format',
      {
        config: { public: true },
        schema: {
          tags: ['open311'],
          summary: 'Open311 单个服务请求',
          params: z.object({
            id: z.string().regex(/^\d{16,19}$/, '服务请求编号应为信访件编号'),
            format: Format,
          }),
        },
      },
      async (req, reply) => {
        const actor = reader(req);
        const rows = await findRequests(ctx, actor, { caseNumbers: [req.params.id] });
        if (rows.length === 0) throw notFound('未找到该服务请求，或您无权查看');
        return send(reply, req.params.format, 'service_requests', 'request', rows.map(presentRequest));
      },
    );

    app.post(
      '/requests.:format',
      {
        config: { public: true },
        schema: {
          tags: ['open311'],
          summary: 'Open311 提交服务请求（需接口密钥，权限范围 register）',
          params: z.object({ format: Format }),
          body: PostRequestBody,
        },
      },
      async (req, reply) => {
        // The standard sends the key as a field; the header works too (checked before the body).
        if (!req.actor && req.body.api_key) {
          await authenticateKey(ctx.db, req, req.body.api_key);
          await limit(req, reply);
        }
        const actor = req.actor;
        if (!actor?.apiKey) throw unauthorized('提交服务请求需要接口密钥（api_key 或 X-Api-Key）');
        const { api_key: _key, ...body } = req.body;
        const idempotency = idempotencyClaim(req.headers['idempotency-key'], actor.userId, 'open311', body);
        const r = await postServiceRequest(ctx, actor, req.body, idempotency);
        const row = {
          service_request_id: r.caseNumber,
          token: tokenFor(ctx, r.caseId),
          service_notice: r.linked
            ? '该诉求与您在办的信访事项相同，已并入原事项办理'
            : '已登记，信访部门将在15日内决定是否受理',
          account_id: '',
        };
        return send(reply.status(201), req.params.format, 'service_requests', 'request', [row]);
      },
    );

    app.get(
      '/tokens/:token.:format',
      {
        config: { public: true },
        schema: {
          tags: ['open311'],
          summary: 'Open311 由令牌查询服务请求编号',
          params: z.object({ token: z.string().max(60), format: Format }),
        },
      },
      async (req, reply) => {
        const caseId = caseOfToken(ctx, req.params.token);
        const c = caseId ? await caseRow(ctx.db, caseId) : undefined;
        if (!c) throw notFound('未找到该令牌');
        const row = { service_request_id: c.caseNumber, token: req.params.token };
        return send(reply, req.params.format, 'service_requests', 'request', [row]);
      },
    );
  };
