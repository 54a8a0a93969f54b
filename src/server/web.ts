// The React apps built by Vite (`npm run build:web` → web/dist): /portal/*, /console/* and /screen/* answer
// their index.html (client-side routing; HTML never cached), /assets/* the content-hashed chunks
// (cached for a year, brotli or gzip precompressed at build time). The site root `/` sends visitors
// to the citizen portal — most who type the bare address are petitioners; `/login` to the staff login
// of the console (which itself sends a citizen who logs in there to the portal). Each app has one
// login page of its own: staff log in at /console/login, citizens at /portal/login.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const WEB_APPS = ['portal', 'console', 'screen'] as const;

export const WEB_MISSING_MESSAGE =
  '网页尚未构建（缺少 web/dist）：请先运行 npm run build:web（npm install 也会自动构建）。\n' +
  'The web apps are not built (web/dist is missing): run `npm run build:web` first (npm install also builds them).';

/** True when every app's index.html is in `dist`. */
export function webBuilt(dist = WEB_DIST): boolean {
  return WEB_APPS.every((a) => existsSync(join(dist, a, 'index.html')));
}

export async function registerWebApps(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  const built = webBuilt(dist);
  if (built) {
    await app.register(fastifyStatic, {
      root: join(dist, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      // File names carry a content hash: a changed file is a new URL.
      immutable: true,
      // The build writes .br and .gz beside each file (web/vite.config.ts): sent to browsers that
      // accept them (the console's entry chunk: 2.2 MB → about 0.6 MB).
      preCompressed: true,
      maxAge: 365 * 24 * 3600 * 1000,
    });
  }
  for (const name of WEB_APPS) {
    const route = { config: { public: true }, schema: { hide: true } };
    app.get(`/${name}`, route, (_req, reply) => reply.redirect(`/${name}/`));
    app.get(`/${name}/*`, route, async (_req, reply) => {
      if (!built && !webBuilt(dist)) {
        return reply.status(503).type('text/plain; charset=utf-8').send(WEB_MISSING_MESSAGE);
      }
      // Read on each request: a rebuild takes effect without a restart (the file is ~1 kB).
      const html = await readFile(join(dist, name, 'index.html'));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  }
}

/** `/` → the portal; `/login` → the console's staff login (the address staff were given before). */
export function registerHome(app: FastifyInstance): void {
  const route = { config: { public: true }, schema: { hide: true } };
  app.get('/', route, (_req, reply) => reply.redirect('/portal/'));
  app.get('/login', route, (_req, reply) => reply.redirect('/console/login'));
}
