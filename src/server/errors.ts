// Every error leaves as `{"error":{"code","field?","message"}}` with a Chinese message.
// Unexpected errors are logged (without request bodies) and answered with a generic 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { databaseFailure, shortDbError } from '../db/errors.ts';
import { AppError } from '../errors.ts';
import { normalisedPath } from './auth.ts';
import type { SetSecurityHeaders } from './headers.ts';

export function errorBody(code: string, message: string, field?: string) {
  return { error: field ? { code, field, message } : { code, message } };
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', '不支持的请求内容类型'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', '请求体为空'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', '请求体不是有效的 JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', '请求内容过大'],
};

/** The answer to a request that the database could not serve (src/db/errors.ts). */
export const DATABASE_UNAVAILABLE = errorBody('database_unavailable', '数据库暂时无法连接，请稍后重试');
export const STORAGE_FULL = errorBody(
  'storage_full',
  '服务器存储空间已满，暂时无法保存，请联系系统管理员（查询不受影响）',
);

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(err.code, err.message, err.field));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') || undefined;
      const custom = (first?.params as { params?: { code?: string } } | undefined)?.params?.code;
      const where =
        err.validationContext === 'querystring'
          ? '查询参数'
          : err.validationContext === 'params'
            ? '路径参数'
            : '';
      const message = custom
        ? (first?.message ?? '')
        : `${where}${field ? `「${field}」` : ''}${first?.message ?? '格式不正确'}`;
      return reply.status(400).send(errorBody(custom ?? 'invalid_request', message, field));
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.status(known[0]).send(errorBody(known[1], known[2]));
    if (err.statusCode === 429) {
      return reply.status(429).send(errorBody('rate_limited', '请求过于频繁，请稍后再试'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(errorBody('bad_request', '请求无效'));
    }
    const failure = databaseFailure(err);
    if (failure) {
      // The driver's own message only: a failed statement's text and parameters stay out of the log.
      req.log.warn({ failure }, `数据库不可用 / database ${failure}: ${shortDbError(err)}`);
      if (failure === 'disk_full') return reply.status(507).send(STORAGE_FULL);
      return reply.status(503).header('retry-after', '5').send(DATABASE_UNAVAILABLE);
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal_error', '服务器内部错误，请稍后重试'));
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send(errorBody('not_found', '未找到请求的资源')));
}

/**
 * Fastify's `frameworkErrors`: the router refuses a URL (malformed percent-encoding, an overlong
 * path parameter) before any hook runs. The answer still gets the security headers and the error
 * shape, and an API path without credentials answers 401 like every other spelling.
 */
export function frameworkErrorHandler(setHeaders: SetSecurityHeaders) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    setHeaders(req.raw, reply.raw);
    const path = normalisedPath(req.url);
    const credentials =
      req.headers.authorization !== undefined || (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
    if ((path === '/api/v1' || path.startsWith('/api/v1/')) && !credentials) {
      return reply.status(401).send(errorBody('unauthorized', '请先登录，或登录已过期'));
    }
    if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      return reply.status(414).send(errorBody('uri_too_long', '请求地址过长'));
    }
    return reply.status(400).send(errorBody('bad_url', '请求地址格式不正确'));
  };
}
