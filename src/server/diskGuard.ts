// While the embedded data dir's disk is under its minimum free space (src/db/diskWatchdog.ts), changes
// are refused with 507 before they reach the database; reads, login and logout go on.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { STORAGE_FULL } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerDiskGuard(app: FastifyInstance, ctx: AppContext): void {
  const disk = ctx.disk;
  if (!disk) return;
  app.addHook('onRequest', async (req) => {
    if (
      SAFE_METHODS.has(req.method) ||
      !req.url.startsWith('/api/v1/') ||
      req.url.startsWith('/api/v1/auth/')
    ) {
      return;
    }
    await disk.fresh();
    if (!disk.acceptsWrites()) throw new AppError(507, STORAGE_FULL.error.code, STORAGE_FULL.error.message);
  });
}
