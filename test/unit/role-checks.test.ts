// "Who may do what" is found in one place: src/policies/. A route, command or presenter that tests
// the caller's role itself hides a rule from that file, so none may — they ask a named policy
// (casePolicy.filesOwn, cardPolicy.holderNameInFull …). Domain tables (src/domain) hold roles as
// data (the lifecycle table's roles); the demo seed and the CLI print accounts by role.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesIn, SRC, sourceFiles } from '../helpers/sourceScan.ts';

const EXEMPT = ['policies', 'domain', 'seed', 'cli'].map((d) => path.join(SRC, d));

// The caller's role compared or looked up in a list: actor.role === 'citizen', e.actor.role !== …,
// ROLES.includes(actor.role).
const ROLE_CHECK = /\b(?:actor|a)\.role\s*[!=]==|\.includes\(\s*(?:[\w.]*\.)?(?:actor|a)\.role\s*\)/g;

describe('role checks', () => {
  const files = sourceFiles(
    () => true,
    (dir) => EXEMPT.includes(dir),
  );

  it('the scan reads the server source', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('are made in src/policies only', () => {
    expect(matchesIn(files, ROLE_CHECK)).toEqual([]);
  });
});
