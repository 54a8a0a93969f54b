import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type ActionDef,
  type ActionName,
  possibleTargets,
} from '../../src/domain/lifecycle/actions.ts';
import { renderLifecycleMarkdown } from '../../src/domain/lifecycle/diagram.ts';
import { STATES, TERMINAL_STATES } from '../../src/domain/lifecycle/vocabulary.ts';

const defs = Object.entries(ACTIONS) as [string, ActionDef][];

describe('the lifecycle table', () => {
  it('names the actions of domain.md §13', () => {
    for (const name of [
      'forward',
      'assign',
      'not_accept',
      'refer_channel',
      'accept',
      'object',
      'add_progress',
      'request_extension',
      'approve_extension',
      'reject_extension',
      'settle',
      'reply',
      'deliver',
      'rate',
      'request_review',
      'decide_review',
      'request_rereview',
      'decide_rereview',
      'close',
      'supervise',
      'flag_backlog',
    ]) {
      expect(ACTIONS, name).toHaveProperty(name);
    }
  });

  it('reaches every state from registration and lets every open state move on', () => {
    const reached = new Set<string>(['registered']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [name, d] of defs) {
        if (!d.from.some((s) => reached.has(s))) continue;
        for (const s of possibleTargets(name as ActionName)) {
          if (!reached.has(s)) {
            reached.add(s);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
    for (const s of STATES.filter((s) => !TERMINAL_STATES.includes(s))) {
      expect(
        defs.some(([, d]) => d.from.includes(s) && d.to !== 'same'),
        s,
      ).toBe(true);
    }
    for (const s of TERMINAL_STATES) {
      expect(
        defs.filter(([n, d]) => d.from.includes(s) && d.to !== 'same' && n !== 'rate'),
        s,
      ).toEqual([]);
    }
  });

  it('gives the petitioner-only actions to the petitioner and the decisions to staff', () => {
    // The petitioner rates; the bureau records it (代录) only for a petition that came offline.
    expect(ACTIONS.rate.roles).toEqual(['citizen', 'registrar']);
    expect(ACTIONS.rate.onBehalf).toBe('offline');
    expect(ACTIONS.request_review.who).toBe('petitioner');
    expect(ACTIONS.approve_extension.roles).toEqual(['reviewer']);
    for (const [, d] of defs) if (d.roles.includes('citizen')) expect(d.who).toBe('petitioner');
  });

  it('docs/lifecycle.md is generated from the table and current (npm run docs:lifecycle)', () => {
    const onDisk = fs.readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderLifecycleMarkdown());
  });
});
