// Routes are thin: parse, check, call a command or a query, present. A route module that builds a
// query itself hides a read from the capability's queries file (and from its scope rule), so none may.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

// A route module is known by what it holds, not by its name (src/audit/search.ts, src/users/profile.ts
// and src/cases/publicQuery.ts escaped a by-name scan): it declares a Fastify plugin, or registers a
// route on an instance — a verb called with a path literal (`app.get('/…'`, `scope.post(\n '/…'`) or
// `.route({`. Maps and caches called with `.get(key)` take no path starting with '/'.
const PLUGIN = /\bFastifyPlugin(?:Async|Callback)(?:Zod)?\b/;
const ROUTE = /\.\s*(?:get|post|put|patch|delete|head|options|all)\s*\(\s*['"`]\/|\.\s*route\s*\(\s*\{/;

function routeModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeModules(p);
    if (!e.name.endsWith('.ts')) return [];
    const text = fs.readFileSync(p, 'utf8');
    return PLUGIN.test(text) || ROUTE.test(text) ? [p] : [];
  });
}

// A query built on the database handle or a transaction: ctx.db.select(…), tx.insert(…), db.execute(…).
const QUERY =
  /\b(?:ctx\.db|db|tx|w\.tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute|transaction)\s*\(/g;

describe('route modules', () => {
  const files = routeModules(SRC);

  it('are found (the scan looks where the routes are)', () => {
    expect(files.length).toBeGreaterThan(55);
    // Route modules not named routes.ts / *Routes.ts, and the server's own.
    for (const f of ['audit/search.ts', 'cases/export.ts', 'cases/publicQuery.ts', 'users/profile.ts'])
      expect(files).toContain(path.join(SRC, f));
    for (const f of ['server/app.ts', 'server/web.ts', 'server/health.ts'])
      expect(files).toContain(path.join(SRC, f));
  });

  it('run no query themselves: reads live in queries, writes in commands', () => {
    const offenders = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return [...text.matchAll(QUERY)].map((m) => {
        const line = text.slice(0, m.index).split('\n').length;
        return `${path.relative(SRC, f)}:${line}  ${m[0].replace(/\s+/g, '')}`;
      });
    });
    expect(offenders).toEqual([]);
  });
});
