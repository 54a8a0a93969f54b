import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesIn, SRC, sourceFiles } from '../helpers/sourceScan.ts';

// A route module is known by what it holds, not by its name (src/audit/search.ts, src/users/profile.ts
// and src/cases/publicQuery.ts escaped a by-name scan): it declares a Fastify plugin, or registers a
// route on an instance — a verb called with a path literal (`app.get('/…'`, `scope.post(\n '/…'`) or
// `.route({`. Maps and caches called with `.get(key)` take no path starting with '/'.
const PLUGIN = /\bFastifyPlugin(?:Async|Callback)(?:Zod)?\b/;
const ROUTE = /\.\s*(?:get|post|put|patch|delete|head|options|all)\s*\(\s*['"`]\/|\.\s*route\s*\(\s*\{/;

const routeModules = () =>
  sourceFiles((_, text) => {
    const t = text();
    return PLUGIN.test(t) || ROUTE.test(t);
  });

// A query built on the database handle or a transaction: ctx.db.select(…), tx.insert(…), db.execute(…).
const QUERY =
  /\b(?:ctx\.db|db|tx|w\.tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute|transaction)\s*\(/g;

describe('route modules', () => {
  const files = routeModules();

  it('are found (the scan looks where the routes are)', () => {
    expect(files.length).toBeGreaterThan(55);
    // Route modules not named routes.ts / *Routes.ts, and the server's own.
    for (const f of ['audit/search.ts', 'cases/export.ts', 'cases/publicQuery.ts', 'users/profile.ts'])
      expect(files).toContain(path.join(SRC, f));
    for (const f of ['server/app.ts', 'server/web.ts', 'server/health.ts'])
      expect(files).toContain(path.join(SRC, f));
  });

  it('run no query themselves: reads live in queries, writes in commands', () => {
    expect(matchesIn(files, QUERY)).toEqual([]);
  });
});
