// /api/v1/exchange: 平台间交换 (docs/interop.md). This platform's identity (public: the public key
// peers configure), the configured peers, a matter's exchange record, sending a matter to a peer
// (转送/交办), answering a matter that came from one (签收/异议/报送), and the receiving end
// POST /exchange/messages — public, authenticated by the sender's Ed25519 signature over the raw
// body, which is why that route keeps the body as text (its own content-type parser, in its own
// encapsulated scope). Thin: commands.ts, receive.ts and queries.ts do the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from '../domain/exchange/format.ts';
import { EXCHANGE_HEADERS, publicKeyText } from '../domain/exchange/signing.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam } from '../server/fields.ts';
import { RespondBody, respond, SendBody, sendMatter } from './commands.ts';
import { platformKey } from './identity.ts';
import { exchangeOfCase } from './queries.ts';
import { receiveMessage, verifiedMessage } from './receive.ts';

const idParam = z.object({ id: zIdParam('编号') });
const MAX_MESSAGE_BYTES = 1024 * 1024;
const one = (v: unknown) => (typeof v === 'string' ? v : undefined);

const LinkView = z.object({
  id: z.number(),
  peer: z.string(),
  peerName: z.string(),
  direction: z.enum(['outgoing', 'incoming']),
  kind: z.string(),
  remoteNumber: z.string().nullable(),
  status: z.string(),
  statusName: z.string(),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['out', 'in']),
      type: z.string(),
      typeName: z.string(),
      status: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      at: z.string(),
      deliveredAt: z.string().nullable(),
    }),
  ),
});

export const exchangeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/exchange/identity',
      {
        config: { public: true },
        schema: {
          tags: ['interop'],
          summary: '本平台的交换标识与 Ed25519 公钥（供对端平台配置）',
          response: {
            200: z.object({
              platformId: z.string(),
              name: z.string(),
              publicKey: z.string(),
              format: z.string(),
              version: z.number(),
            }),
          },
        },
      },
      async () => ({
        platformId: ctx.config.exchange.platformId,
        name: ctx.config.exchange.platformName,
        publicKey: publicKeyText(platformKey(ctx)),
        format: EXCHANGE_FORMAT,
        version: EXCHANGE_VERSION,
      }),
    );

    app.get(
      '/exchange/peers',
      {
        schema: {
          tags: ['interop'],
          summary: '已配置的交换平台与12345热线（XINFANG_EXCHANGE_PEERS）',
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.string(), name: z.string(), kind: z.string(), canReceiveFrom: z.boolean() }),
              ),
            }),
          },
        },
      },
      async (req) => {
        actorOf(req);
        return {
          items: ctx.config.exchange.peers.map((p) => ({
            id: p.id,
            name: p.name,
            kind: p.kind,
            canReceiveFrom: Boolean(p.publicKey),
          })),
        };
      },
    );

    app.get(
      '/exchange/cases/:id',
      {
        schema: {
          tags: ['interop'],
          summary: '信访事项的平台交换记录（对端、方向、对端编号、状态、消息）',
          params: idParam,
          response: { 200: z.object({ items: z.array(LinkView) }) },
        },
      },
      async (req) => ({ items: await exchangeOfCase(ctx, actorOf(req), req.params.id) }),
    );

    app.post(
      '/exchange/cases/:id/send',
      {
        schema: {
          tags: ['interop'],
          summary: '转送（交办）信访事项至外平台',
          params: idParam,
          body: SendBody,
          response: { 200: z.object({ messageId: z.string(), linkId: z.number() }) },
        },
      },
      async (req) => sendMatter(ctx, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/exchange/links/:id/respond',
      {
        schema: {
          tags: ['interop'],
          summary: '对外平台来件签收（accept）、提出异议（object）或报送办理情况（report）',
          params: idParam,
          body: RespondBody,
          response: { 200: z.object({ messageId: z.string() }) },
        },
      },
      async (req) => respond(ctx, actorOf(req), req.params.id, req.body),
    );

    // The receiving end: the body is kept as the exact text that was signed.
    await app.register(async (scope) => {
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser(
        'application/json',
        { parseAs: 'string', bodyLimit: MAX_MESSAGE_BYTES },
        (_req, body, done) => done(null, body),
      );
      scope.post(
        '/exchange/messages',
        {
          config: { public: true },
          schema: {
            tags: ['interop'],
            summary:
              '接收外平台（或12345热线）的交换消息：Ed25519 签名校验、时间窗口与消息编号防重放（docs/interop.md）',
            headers: z.object({
              [EXCHANGE_HEADERS.platform]: z.string().max(40).optional(),
              [EXCHANGE_HEADERS.timestamp]: z.string().max(20).optional(),
              [EXCHANGE_HEADERS.signature]: z.string().max(200).optional(),
            }),
            response: {
              200: z.object({ received: z.literal(true), id: z.string(), caseNumber: z.string() }),
            },
          },
        },
        async (req) => {
          const { peer, message } = verifiedMessage(ctx, {
            platform: one(req.headers[EXCHANGE_HEADERS.platform]),
            timestamp: one(req.headers[EXCHANGE_HEADERS.timestamp]),
            signature: one(req.headers[EXCHANGE_HEADERS.signature]),
            body: typeof req.body === 'string' ? req.body : '',
          });
          const r = await receiveMessage(ctx, peer, message);
          return { received: r.received, id: r.id, caseNumber: r.caseNumber };
        },
      );
    });
  };
