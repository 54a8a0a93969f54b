// Liveness and readiness, for a supervisor or load balancer (docs/operations.md).
// /healthz: the process is up and answering — cheap, never touches the database, so a database
// outage does not get a healthy process restarted. /readyz: the database answers too — take the
// node out of rotation while it does not. With DATABASE_READ_URL it also lists each replica's
// state (up, lagging, down; lag in bytes and seconds; never a URL or host), and stays ready while
// only replicas are down: their reads go to the primary (src/db/replicas.ts).

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { pingDatabase } from '../db/client.ts';
import { VERSION } from '../version.ts';
import { DATABASE_UNAVAILABLE } from './errors.ts';

/** A database that does not answer within this long is not ready (a hung server, a partition). */
const READY_TIMEOUT_MS = 3_000;

/** Every replica reported down: their states did not come within READY_TIMEOUT_MS. */
function replicasTimedOut(ctx: AppContext) {
  const n = ctx.database.replicas?.size ?? 0;
  return Array.from({ length: n }, (_, i) => ({
    replica: i + 1,
    state: 'down' as const,
    lagBytes: null,
    lagSeconds: null,
  }));
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: '存活检查（不访问数据库）',
          response: {
            200: z.object({
              status: z.literal('ok'),
              db: z.enum(['pglite', 'postgres']),
              version: z.string(),
            }),
          },
        },
      },
      async () => ({ status: 'ok' as const, db: ctx.database.kind, version: VERSION }),
    );

    app.get(
      '/readyz',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary: '就绪检查（数据库可用）',
          response: {
            200: z.object({
              status: z.literal('ready'),
              db: z.enum(['pglite', 'postgres']),
              /** Embedded data dir's disk: `critical` = changes refused (507) until space returns. */
              storage: z.enum(['ok', 'low', 'critical']).optional(),
              /** With DATABASE_READ_URL: each replica's state; one that is down does not fail readiness. */
              replicas: z
                .array(
                  z.object({
                    replica: z.number().meta({ description: 'DATABASE_READ_URL 中的序号（从 1 起）' }),
                    state: z.enum(['up', 'lagging', 'down']),
                    lagBytes: z
                      .number()
                      .nullable()
                      .meta({ description: '主库已写入、副本尚未回放的 WAL 字节数' }),
                    lagSeconds: z
                      .number()
                      .nullable()
                      .meta({ description: '有待回放的 WAL 时，最后回放的事务距今秒数' }),
                  }),
                )
                .optional(),
            }),
            503: errorSchema,
          },
        },
      },
      async (_req, reply) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
        });
        const answered = pingDatabase(ctx.db).then(
          () => true,
          () => false,
        );
        // The replicas are asked alongside; one that does not answer in time is reported down.
        const replicas = ctx.database.replicas;
        const replicaStates = replicas
          ? Promise.race([replicas.status(), timeout.then(() => null)])
          : Promise.resolve(undefined);
        const [ok, states] = await Promise.all([Promise.race([answered, timeout]), replicaStates]);
        clearTimeout(timer);
        if (!ok) return reply.status(503).header('retry-after', '5').send(DATABASE_UNAVAILABLE);
        const storage = ctx.disk?.reading?.state;
        return {
          status: 'ready' as const,
          db: ctx.database.kind,
          ...(storage ? { storage } : {}),
          ...(states === undefined ? {} : { replicas: states ?? replicasTimedOut(ctx) }),
        };
      },
    );
  };
