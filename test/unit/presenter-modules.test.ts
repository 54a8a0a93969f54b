// Presenters are pure: they turn plain data (read, and decrypted, by a capability's queries) into a
// response, masking by the caller's rights (src/policies). A presenter handed the database, the
// context or the PII key can read or decrypt past the query that scopes the read, so none may. The
// scan looks at each presenter's own imports and calls, not at what the modules it imports do.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesIn, SRC, sourceFiles } from '../helpers/sourceScan.ts';

const presenterModules = () =>
  sourceFiles((f) => ['presenters.ts', 'presenter.ts'].includes(path.basename(f)));

interface Import {
  from: string;
  typeOnly: boolean;
  line: number;
}

// `import …`/`export … from` statements, across lines. Type-only: `import type …`, or braces whose
// every name is marked `type` (row shapes from the schema are fine; tables and operators are not).
const STATEMENT = /^(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s+['"]([^'"]+)['"]/gm;

function importsOf(text: string): Import[] {
  return [...text.matchAll(STATEMENT)].map((m) => {
    const names = (m[2] ?? '').match(/\{([\s\S]*)\}/)?.[1];
    const each = names
      ?.split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const typeOnly = m[1] !== undefined || each?.every((n) => n.startsWith('type ')) === true;
    return { from: m[3] ?? '', typeOnly, line: text.slice(0, m.index).split('\n').length };
  });
}

/** Never, not even as a type: the handles that query or decrypt. */
const NEVER = [/\/context\.ts$/, /\/db\/client\.ts$/, /\/security\/pii\.ts$/, /\/db\/memo\.ts$/];
/** Not as values: query builders (tables, operators); their row types are fine. */
const NO_VALUES = [/\/db\/schema\.ts$/, /^drizzle-orm(\/|$)/];
/** Calls that read or decrypt, whatever handle they come from. */
const CALLS =
  /\.\s*(?:decrypt|decryptBytes|execute|select|selectDistinct|insert|update|delete|transaction)\s*\(/g;

describe('presenter modules', () => {
  const files = presenterModules();

  it('are found (the scan looks where the presenters are)', () => {
    expect(files.length).toBeGreaterThan(25);
    for (const f of ['cases/presenters.ts', 'attachments/presenters.ts', 'cards/presenters.ts'])
      expect(files).toContain(path.join(SRC, f));
  });

  it('import neither the database, the context nor the PII key, nor query builders', () => {
    const offenders = files.flatMap((f) =>
      importsOf(fs.readFileSync(f, 'utf8'))
        .filter(
          (i) => NEVER.some((r) => r.test(i.from)) || (!i.typeOnly && NO_VALUES.some((r) => r.test(i.from))),
        )
        .map((i) => `${path.relative(SRC, f)}:${i.line}  ${i.from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('make no query and decrypt nothing', () => {
    expect(matchesIn(files, CALLS)).toEqual([]);
  });

  it('the scan catches what it is meant to (the patterns, on a sample)', () => {
    const sample = [
      "import type { AppContext } from '../context.ts';",
      "import { type outbox, cases } from '../db/schema.ts';",
      "import type { searchSynonyms } from '../db/schema.ts';",
      "import {\n  sql,\n} from 'drizzle-orm';",
      "export { CaseDetail } from './contract.ts';",
    ].join('\n');
    expect(importsOf(sample)).toEqual([
      { from: '../context.ts', typeOnly: true, line: 1 },
      { from: '../db/schema.ts', typeOnly: false, line: 2 },
      { from: '../db/schema.ts', typeOnly: true, line: 3 },
      { from: 'drizzle-orm', typeOnly: false, line: 4 },
      { from: './contract.ts', typeOnly: false, line: 7 },
    ]);
    expect('x.pii.decrypt(v); ctx.db\n  .select()'.match(CALLS)).toHaveLength(2);
  });
});
