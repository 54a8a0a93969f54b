// The guard tests' scan of the server source (test/unit/route-modules, presenter-modules,
// role-checks): which files, and where a pattern stands in them.
import fs from 'node:fs';
import path from 'node:path';

export const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * The `.ts` files under `dir` that `keep` accepts (given the path and the file's text), not entering
 * the directories `skipDir` rejects.
 */
export function sourceFiles(
  keep: (file: string, text: () => string) => boolean,
  skipDir: (dir: string) => boolean = () => false,
  dir = SRC,
): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skipDir(p) ? [] : sourceFiles(keep, skipDir, p);
    return p.endsWith('.ts') && keep(p, () => fs.readFileSync(p, 'utf8')) ? [p] : [];
  });
}

/** Each match of `pattern` (a /g pattern) in the files, as `path:line  match`, whitespace removed. */
export function matchesIn(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return [...text.matchAll(pattern)].map((m) => {
      const line = text.slice(0, m.index).split('\n').length;
      return `${path.relative(SRC, f)}:${line}  ${m[0].replace(/\s+/g, '')}`;
    });
  });
}
