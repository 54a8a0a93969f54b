// Which database a request reads: the routes of lag-tolerant reads (lists, search, analytics,
// dashboards, the big screen, reports) ask `readDb(ctx, req)` and hand the handle to their queries;
// everything else uses `ctx.db`, the primary. Without DATABASE_READ_URL (and always on the embedded
// database) `readDb` is `ctx.db`. Routing rules and read-your-writes: src/db/replicas.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { formatLsn, parseLsn } from '../db/replicas.ts';

/**
 * The primary's WAL position after the browser's last change. Every process keeps its callers'
 * positions in memory; the cookie carries it to another API process or node (several workers,
 * a load balancer), so a browser sees its own change whichever process answers next. A forged
 * value only sends that browser's own reads to the primary, or to a replica that lags.
 */
export const READ_AFTER_COOKIE = 'xf_read_after';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function seenLsn(req: FastifyRequest): bigint | undefined {
  const text = req.cookies[READ_AFTER_COOKIE];
  if (!text) return undefined;
  try {
    return parseLsn(text);
  } catch {
    return undefined;
  }
}

/** The handle for a read that may lag behind the primary, unless the caller's own change must show. */
export async function readDb(ctx: AppContext, req: FastifyRequest): Promise<Db> {
  const replicas = ctx.database.replicas;
  if (!replicas) return ctx.db;
  const userId = req.actor?.userId || undefined; // 0: a display token or query code, no account
  return (await replicas.readerFor(userId, seenLsn(req))) ?? ctx.db;
}

/** Appends a Set-Cookie header: @fastify/cookie writes its own earlier in onSend. */
function appendCookie(reply: FastifyReply, value: string): void {
  const existing = reply.getHeader('set-cookie');
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  reply.header('set-cookie', [...list, value]);
}

/**
 * After a caller's change (any method but GET/HEAD/OPTIONS that did not fail), the primary's WAL
 * position is noted before the answer leaves: the caller's next request cannot overtake it.
 */
export function registerReadYourWrites(app: FastifyInstance, ctx: AppContext): void {
  const replicas = ctx.database.replicas;
  if (!replicas) return;
  app.addHook('onSend', async (req, reply, payload) => {
    const userId = req.actor?.userId;
    if (SAFE_METHODS.has(req.method) || reply.statusCode >= 400 || !userId) return payload;
    const lsn = await replicas.noteWrite(userId);
    if (lsn !== null)
      appendCookie(
        reply,
        app.serializeCookie(READ_AFTER_COOKIE, formatLsn(lsn), {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.cookieSecure,
        }),
      );
    return payload;
  });
}
