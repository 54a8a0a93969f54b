// The console and portal bundle modules of src/ (shared rules, contracts): none of what they reach
// may need Node. Vite builds such an import without complaint — `node:module` becomes an empty stub —
// and the page then fails in the browser ("createRequire is not a function"), which happened when a
// shared period helper imported the holiday calendar. Follows every value import (not `import type`)
// from web/ into src/ and fails on a Node built-in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
// Value imports and re-exports; `import type` / `export type` are erased and never reach the bundle.
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC)].map((m) => m[1] as string);
}

describe('what the web bundles', () => {
  it('reaches no Node built-in through src/ (shared rules and contracts only)', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string, via: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of specifiers(file)) {
        const chain = [...via, relative(ROOT, file)];
        if (NODE.has(spec)) {
          if (!file.startsWith(join(ROOT, 'web'))) offenders.push(`${chain.join(' → ')} imports ${spec}`);
          continue;
        }
        if (!spec.startsWith('.')) continue; // packages: bundled for the browser by Vite
        const target = resolve(dirname(file), spec);
        if (/\.tsx?$/.test(target) && statSync(target, { throwIfNoEntry: false })) visit(target, chain);
      }
    };
    const entries = sources(join(ROOT, 'web')).filter((f) => !f.endsWith('.config.ts'));
    for (const f of entries) visit(f, []);
    expect([...seen].some((f) => f.includes(`${join(ROOT, 'src')}/`))).toBe(true);
    expect(offenders).toEqual([]);
  });
});
