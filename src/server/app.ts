// Composes the HTTP server: plugins (cookies, rate limits, OpenAPI, auth, errors), then each
// capability's routes under /api/v1, then the static web pages and the React apps (web/dist).
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accusationRoutes } from '../accusations/routes.ts';
import { forecastRoutes } from '../analytics/forecastRoutes.ts';
import { analyticsRoutes } from '../analytics/routes.ts';
import { apiKeyRoutes } from '../apikeys/routes.ts';
import { assessmentRoutes } from '../assessment/routes.ts';
import { scorecardRoutes } from '../assessment/scorecardRoutes.ts';
import { attachmentRoutes } from '../attachments/routes.ts';
import { sealAfterMutations } from '../audit/sealer.ts';
import { auditRoutes } from '../audit/search.ts';
import { authRoutes } from '../auth/routes.ts';
import { backlogRoutes } from '../backlog/routes.ts';
import { bulletinRoutes } from '../bulletins/routes.ts';
import { calendarEditRoutes } from '../calendar/routes.ts';
import { campaignRoutes } from '../campaigns/routes.ts';
import { cannedReplyRoutes } from '../cannedReplies/routes.ts';
import { cardRoutes } from '../cards/routes.ts';
import { caseExportRoutes } from '../cases/export.ts';
import { caseRoutes } from '../cases/routes.ts';
import { categoryDictionaryRoutes } from '../categories/routes.ts';
import { categoryRoutes } from '../classify/categoryRoutes.ts';
import { classifierModelRoutes } from '../classify/modelRoutes.ts';
import { classifyRoutes } from '../classify/routes.ts';
import { cohandlingRoutes } from '../cohandling/routes.ts';
import type { TrustProxy } from '../config/index.ts';
import type { AppContext } from '../context.ts';
import { dispatchRoutes } from '../dispatch/routes.ts';
import { draftRoutes } from '../drafts/routes.ts';
import { duplicateRoutes } from '../duplicates/routes.ts';
import { exchangeRoutes } from '../exchange/routes.ts';
import { expertRoutes } from '../experts/routes.ts';
import { flagRoutes } from '../flags/routes.ts';
import { hallRoutes } from '../hall/routes.ts';
import { hotlineRoutes } from '../hotline/routes.ts';
import { hotspotRoutes } from '../hotspots/routes.ts';
import { inboxRoutes } from '../inbox/routes.ts';
import { intakeRoutes } from '../intake/routes.ts';
import { kioskRoutes } from '../kiosk/routes.ts';
import { linkageRoutes } from '../linkage/routes.ts';
import { mediationRoutes } from '../mediation/routes.ts';
import { monitoringRoutes } from '../monitoring/routes.ts';
import { ocrRoutes } from '../ocr/routes.ts';
import { open311Routes } from '../open311/routes.ts';
import { orgRoutes } from '../orgs/routes.ts';
import { unitRoutes } from '../orgs/unitRoutes.ts';
import { projectRoutes } from '../projects/routes.ts';
import { receptionRoutes } from '../receptions/routes.ts';
import { reliefRoutes } from '../relief/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { sanwuRoutes } from '../sanwu/routes.ts';
import { searchRoutes } from '../search/routes.ts';
import { calendarRoutes } from '../settings/calendarRoutes.ts';
import { legalChannelRoutes } from '../settings/legalChannelRoutes.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { supervisionRoutes } from '../supervision/routes.ts';
import { accountRoutes } from '../users/accountRoutes.ts';
import { profileRoutes } from '../users/profile.ts';
import { userRoutes } from '../users/routes.ts';
import { VERSION } from '../version.ts';
import { videoRoutes } from '../video/routes.ts';
import { warningRoutes } from '../warnings/routes.ts';
import { webhookRoutes } from '../webhooks/routes.ts';
import { wechatRoutes } from '../wechat/routes.ts';
import { workbenchRoutes } from '../workbench/routes.ts';
import { registerAuth } from './auth.ts';
import { registerDiskGuard } from './diskGuard.ts';
import { frameworkErrorHandler, registerErrorHandling } from './errors.ts';
import { registerSecurityHeaders, securityHeaders } from './headers.ts';
import { healthRoutes } from './health.ts';
import { registerReadYourWrites } from './readDb.ts';
import { registerHome, registerWebApps } from './web.ts';

z.config(z.locales.zhCN()); // zod's own messages in Chinese

const webRoot = fileURLToPath(new URL('../../web/public', import.meta.url));

/**
 * XINFANG_TRUST_PROXY for Fastify: our proxies' addresses as given, or a hop count as a function
 * trusting that many hops from the socket (Fastify itself ignores X-Forwarded-For for a bare
 * number). Never every hop: then a client names its own address and resets the login limits.
 */
export function trustProxyOption(t: TrustProxy): false | string[] | ((addr: string, hop: number) => boolean) {
  if (typeof t === 'number') return (_addr, hop) => hop < t;
  return t;
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const setSecurityHeaders = securityHeaders({ https: ctx.config.cookieSecure });
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    frameworkErrors: frameworkErrorHandler(setSecurityHeaders),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  registerSecurityHeaders(app, setSecurityHeaders);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // 视频接访 signalling (src/video/hub.ts): small JSON messages only.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'xinfang 阳光信访 API', version: VERSION, description: '信访事项办理平台接口' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'xf_session' },
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Api-Key',
            description:
              '接口密钥（机器客户端）：xfk_前缀_密钥，由管理员发放，带权限范围 read/register/act 与数据范围；' +
              '只能调用 docs/interop.md 列出的接口，每个密钥单独限流',
          },
        },
      },
      security: [{ session: [] }, { bearer: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, ctx);
  registerReadYourWrites(app, ctx);
  registerDiskGuard(app, ctx);
  sealAfterMutations(app, ctx.auditSealer);
  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx), { prefix: '/api/v1/auth' });
  await app.register(orgRoutes(ctx), { prefix: '/api/v1' });
  await app.register(userRoutes(ctx), { prefix: '/api/v1' });
  await app.register(accountRoutes(ctx), { prefix: '/api/v1' });
  await app.register(unitRoutes(ctx), { prefix: '/api/v1' });
  await app.register(calendarEditRoutes(ctx), { prefix: '/api/v1' });
  await app.register(categoryDictionaryRoutes(ctx), { prefix: '/api/v1' });
  await app.register(profileRoutes(ctx), { prefix: '/api/v1' });
  await app.register(caseRoutes(ctx), { prefix: '/api/v1' });
  await app.register(accusationRoutes(ctx), { prefix: '/api/v1' });
  await app.register(flagRoutes(ctx), { prefix: '/api/v1' });
  await app.register(intakeRoutes(ctx), { prefix: '/api/v1' });
  await app.register(cohandlingRoutes(ctx), { prefix: '/api/v1' });
  await app.register(caseExportRoutes(ctx), { prefix: '/api/v1' });
  await app.register(settingsRoutes(ctx), { prefix: '/api/v1' });
  await app.register(calendarRoutes(ctx), { prefix: '/api/v1' });
  await app.register(classifyRoutes(ctx), { prefix: '/api/v1' });
  await app.register(categoryRoutes(ctx), { prefix: '/api/v1' });
  await app.register(classifierModelRoutes(ctx), { prefix: '/api/v1' });
  await app.register(duplicateRoutes(ctx), { prefix: '/api/v1' });
  await app.register(legalChannelRoutes(ctx), { prefix: '/api/v1' });
  await app.register(hotspotRoutes(ctx), { prefix: '/api/v1' });
  await app.register(reportRoutes(ctx), { prefix: '/api/v1' });
  await app.register(bulletinRoutes(ctx), { prefix: '/api/v1' });
  await app.register(forecastRoutes(ctx), { prefix: '/api/v1' });
  await app.register(analyticsRoutes(ctx), { prefix: '/api/v1' });
  await app.register(warningRoutes(ctx), { prefix: '/api/v1' });
  await app.register(auditRoutes(ctx), { prefix: '/api/v1' });
  await app.register(backlogRoutes(ctx), { prefix: '/api/v1' });
  await app.register(campaignRoutes(ctx), { prefix: '/api/v1' });
  await app.register(projectRoutes(ctx), { prefix: '/api/v1' });
  await app.register(monitoringRoutes(ctx), { prefix: '/api/v1' });
  await app.register(dispatchRoutes(ctx), { prefix: '/api/v1' });
  await app.register(supervisionRoutes(ctx), { prefix: '/api/v1' });
  await app.register(searchRoutes(ctx), { prefix: '/api/v1' });
  await app.register(workbenchRoutes(ctx), { prefix: '/api/v1' });
  await app.register(draftRoutes(ctx), { prefix: '/api/v1' });
  await app.register(inboxRoutes(ctx), { prefix: '/api/v1' });
  await app.register(cannedReplyRoutes(ctx), { prefix: '/api/v1' });
  await app.register(assessmentRoutes(ctx), { prefix: '/api/v1' });
  await app.register(scorecardRoutes(ctx), { prefix: '/api/v1' });
  await app.register(receptionRoutes(ctx), { prefix: '/api/v1' });
  await app.register(cardRoutes(ctx), { prefix: '/api/v1' });
  await app.register(videoRoutes(ctx), { prefix: '/api/v1' });
  await app.register(hallRoutes(ctx), { prefix: '/api/v1' });
  await app.register(mediationRoutes(ctx), { prefix: '/api/v1' });
  await app.register(expertRoutes(ctx), { prefix: '/api/v1' });
  await app.register(linkageRoutes(ctx), { prefix: '/api/v1' });
  await app.register(reliefRoutes(ctx), { prefix: '/api/v1' });
  await app.register(sanwuRoutes(ctx), { prefix: '/api/v1' });
  await app.register(apiKeyRoutes(ctx), { prefix: '/api/v1' });
  await app.register(kioskRoutes(ctx), { prefix: '/api/v1' });
  await app.register(webhookRoutes(ctx), { prefix: '/api/v1' });
  await app.register(attachmentRoutes(ctx), { prefix: '/api/v1' });
  await app.register(ocrRoutes(ctx), { prefix: '/api/v1' });
  await app.register(exchangeRoutes(ctx), { prefix: '/api/v1' });
  await app.register(hotlineRoutes(ctx), { prefix: '/api/v1' });
  await app.register(wechatRoutes(ctx), { prefix: '/api/v1' });
  await app.register(open311Routes(ctx), { prefix: '/open311/v2' });
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    decorateReply: false,
    // Only the favicons live here; `/` is the citizens' door (the portal, registerHome).
    index: false,
  });
  registerHome(app);
  await registerWebApps(app);
  return app;
}
