// Routes are thin: parse, check, call a command or a query, present. A route module that builds a
// query itself hides a read from the capability's queries file (and from its scope rule), so none may.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function routeModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeModules(p);
    return /(^routes|Routes)\.ts$/.test(e.name) || p.endsWith(path.join('server', 'health.ts')) ? [p] : [];
  });
}

// A query built on the database handle or a transaction: ctx.db.select(…), tx.insert(…), db.execute(…).
const QUERY =
  /\b(?:ctx\.db|db|tx|w\.tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute|transaction)\s*\(/g;

describe('route modules', () => {
  const files = routeModules(SRC);

  it('are found (the scan looks where the routes are)', () => {
    expect(files.length).toBeGreaterThan(30);
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
