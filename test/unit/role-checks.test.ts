// "Who may do what" is found in one place: src/policies/. A route, command or presenter that tests
// the caller's role itself hides a rule from that file, so none may — they ask a named policy
// (casePolicy.filesOwn, cardPolicy.holderNameInFull …). Domain tables (src/domain) hold roles as
// data (the lifecycle table's roles); the demo seed and the CLI print accounts by role.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const EXEMPT = ['policies', 'domain', 'seed', 'cli'].map((d) => path.join(SRC, d) + path.sep);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return EXEMPT.includes(p + path.sep) ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

// The caller's role compared or looked up in a list: actor.role === 'citizen', e.actor.role !== …,
// ROLES.includes(actor.role).
const ROLE_CHECK = /\b(?:actor|a)\.role\s*[!=]==|\.includes\(\s*(?:[\w.]*\.)?(?:actor|a)\.role\s*\)/g;

describe('role checks', () => {
  const files = sources(SRC);

  it('the scan reads the server source', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('are made in src/policies only', () => {
    const offenders = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return [...text.matchAll(ROLE_CHECK)].map((m) => {
        const line = text.slice(0, m.index).split('\n').length;
        return `${path.relative(SRC, f)}:${line}  ${m[0]}`;
      });
    });
    expect(offenders).toEqual([]);
  });
});
