// The server–web contract (docs/architecture.md): the web reads the server's response types with
// `import type` only — erased by Vite, so no server code reaches the browser bundle — and takes
// values (tables, rules, checks) only from the pure modules shared on purpose. This walks every web
// source file and everything it imports from src/, following value imports transitively.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

/**
 * Source the browser may run, shared on purpose: the domain rules, and two dependency-free files —
 * the document template names, the error class the lifecycle payload checks throw. (Workbooks are
 * made on the server: the browser loads no exceljs and needs no spreadsheet formula guard.)
 */
const SHARED_FILES = new Set(['src/documents/types.ts', 'src/errors.ts']);
const VALUE_ALLOWED = (f: string) => f.startsWith('src/domain/') || SHARED_FILES.has(f);
/** Types the web may read: the value-allowed modules and each capability's contract.ts. */
const TYPE_ALLOWED = (f: string) => VALUE_ALLOWED(f) || /^src\/([A-Za-z]+\/)*contract\.ts$/.test(f);
/** Packages a shared module may load in the browser (the web depends on them anyway). */
const PACKAGES_ALLOWED = new Set(['zod']);

interface Import {
  spec: string;
  typeOnly: boolean;
}

function importsOf(file: string, text = fs.readFileSync(file, 'utf8')): Import[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: Import[] = [];
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      // `import { type A } from 'x'` still loads 'x' under verbatimModuleSyntax: a value import.
      out.push({ spec: s.moduleSpecifier.text, typeOnly: s.importClause?.isTypeOnly === true });
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      out.push({ spec: s.moduleSpecifier.text, typeOnly: s.isTypeOnly });
    }
  }
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g))
    out.push({ spec: m[1] ?? '', typeOnly: false });
  return out;
}

function webFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'public' ? [] : webFiles(p);
    return /\.tsx?$/.test(e.name) && e.name !== 'vite.config.ts' ? [p] : [];
  });
}

/** Every breach: a web file (or a module it loads) reaching server code. */
function breaches(files = webFiles(path.join(ROOT, 'web')), text?: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visitShared = (file: string, via: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of importsOf(file)) {
      if (i.typeOnly) continue; // a shared module's types are erased too
      if (!i.spec.startsWith('.')) {
        if (!PACKAGES_ALLOWED.has(i.spec))
          found.push(`${rel(file)} (loaded by ${via}) imports package ${i.spec}`);
        continue;
      }
      const target = path.resolve(path.dirname(file), i.spec);
      if (!VALUE_ALLOWED(rel(target))) found.push(`${rel(file)} (loaded by ${via}) imports ${rel(target)}`);
      else visitShared(target, via);
    }
  };
  for (const file of files) {
    for (const i of importsOf(file, text)) {
      if (!i.spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), i.spec);
      if (!target.startsWith(SRC + path.sep)) continue;
      const t = rel(target);
      if (i.typeOnly) {
        if (!TYPE_ALLOWED(t))
          found.push(`${rel(file)}: import type from ${t} (server types come from a contract.ts)`);
      } else if (!VALUE_ALLOWED(t)) {
        found.push(
          `${rel(file)}: value import from ${t} (use \`import type\`, or move the rule to src/domain)`,
        );
      } else {
        visitShared(target, rel(file));
      }
    }
  }
  return found;
}

/** A contract file holds response schemas only: zod, the domain, and other contracts. */
function contractBreaches(): string[] {
  const found: string[] = [];
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : e.name === 'contract.ts' ? [p] : [];
    });
  for (const file of walk(SRC)) {
    for (const i of importsOf(file)) {
      if (!i.spec.startsWith('.')) {
        if (!PACKAGES_ALLOWED.has(i.spec)) found.push(`${rel(file)} imports package ${i.spec}`);
        continue;
      }
      const t = rel(path.resolve(path.dirname(file), i.spec));
      if (!TYPE_ALLOWED(t)) found.push(`${rel(file)} imports ${t}`);
    }
  }
  return found;
}

describe('the server–web contract', () => {
  it('the web loads no server code: value imports from src/ only of the shared pure modules', () => {
    expect(breaches()).toEqual([]);
  });

  it('a contract.ts imports only zod, the domain and other contracts (the web type-checks it)', () => {
    expect(contractBreaches()).toEqual([]);
  });

  it('catches value imports of server code and types from outside a contract (the check itself works)', () => {
    const probe = path.join(ROOT, 'web', 'shared', 'probe.ts');
    const text = [
      "import { CaseSummary } from '../../src/cases/presenters.ts';",
      "import type { Actor } from '../../src/policies/index.ts';",
      "import { type Indicators } from '../../src/analytics/contract.ts';",
      "import type { Purpose } from '../../src/domain/lifecycle/vocabulary.ts';",
    ].join('\n');
    expect(breaches([probe], text)).toEqual([
      'web/shared/probe.ts: value import from src/cases/presenters.ts (use `import type`, or move the rule to src/domain)',
      'web/shared/probe.ts: import type from src/policies/index.ts (server types come from a contract.ts)',
      'web/shared/probe.ts: value import from src/analytics/contract.ts (use `import type`, or move the rule to src/domain)',
    ]);
  });
});
