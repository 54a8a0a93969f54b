// The workbench's tables: queues per role with the landing queue first, their case-list parameters,
// who may hold a matter in a state (from the lifecycle table), and what may be done in bulk.
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/domain/lifecycle/actions.ts';
import { STATES } from '../../src/domain/lifecycle/vocabulary.ts';
import { STAFF_ROLES } from '../../src/domain/roles.ts';
import { holderRoles } from '../../src/domain/workbench/assignment.ts';
import { BULK_ACTIONS } from '../../src/domain/workbench/bulk.ts';
import { LANDING, QUEUES, queueParams, queuesFor } from '../../src/domain/workbench/queues.ts';

describe('queues per role', () => {
  it('every staff role lands on a queue it sees, first in its list', () => {
    for (const role of STAFF_ROLES) {
      const mine = queuesFor(role);
      expect(mine[0]?.key, role).toBe(LANDING[role]);
      expect(new Set(mine.map((q) => q.key)).size).toBe(mine.length);
    }
    expect(queuesFor('citizen')).toEqual([]);
    expect(queuesFor('handler').map((q) => q.label)).toEqual(['办理中', '待受理', '待送达', '已超期']);
  });

  it('filters name real states only, and 待受理 is the caller’s unit', () => {
    for (const q of QUEUES)
      for (const s of ('state' in q.filter ? q.filter.state : []) as string[])
        expect(STATES as readonly string[]).toContain(s);
    const pending = QUEUES.find((q) => q.key === 'pending');
    if (!pending) throw new Error('no 待受理');
    expect(queueParams(pending, 7)).toEqual({ state: 'registered,forwarded', unitId: '7' });
    const supervised = QUEUES.find((q) => q.key === 'supervised');
    if (!supervised) throw new Error('no 督办件');
    expect(queueParams(supervised, 7).supervised).toBe('true');
    expect(queueParams(supervised, 7).state).not.toContain('closed');
  });
});

describe('who may hold a matter', () => {
  it('follows the holder’s actions of the lifecycle table', () => {
    expect(holderRoles('handling')).toEqual(expect.arrayContaining(['handler', 'registrar']));
    expect(holderRoles('handling')).not.toContain('analyst');
    expect(holderRoles('registered')).toEqual(expect.arrayContaining(['registrar', 'handler']));
    expect(holderRoles('closed')).toEqual([]);
  });
});

describe('bulk', () => {
  it('offers only steps without per-matter text, taken by the holder', () => {
    expect([...BULK_ACTIONS]).toEqual(['accept', 'assign']);
    for (const a of BULK_ACTIONS) expect(ACTIONS[a].who).toBe('holder');
    expect(BULK_ACTIONS as readonly string[]).not.toContain('reply');
  });
});
