// 撤销/变更 on review sends the matter back to the original body (issue 11, item 3): the effect and
// the transition, without a database.
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionDef } from '../../src/domain/lifecycle/actions.ts';
import type { ActionPorts, CaseFacts, UnitFacts } from '../../src/domain/lifecycle/define.ts';
import { DEFAULT_LIMITS } from '../../src/domain/lifecycle/limits.ts';
import { applyTransition } from '../../src/domain/lifecycle/transition.ts';

const dept: UnitFacts = {
  id: 12,
  name: '鼓楼区住房和城乡建设局',
  kind: 'department',
  jurisdictionCode: '320106',
};
const ports: ActionPorts = {
  unit: async (id) => (id === dept.id ? dept : undefined),
  upperBureau: async () => undefined,
  lastEventDetail: async () => undefined,
  visibleCaseForUpdate: async () => undefined,
  inActorSubtree: () => true,
};
const now = new Date('2026-11-20T02:00:00Z');
const c: CaseFacts = {
  id: 1,
  caseNumber: '32010620260000001',
  state: 'review_requested',
  form: 'online',
  subject: '电梯停运',
  jurisdictionCode: '320106',
  receivedAt: new Date('2026-09-01T02:00:00Z'),
  currentUnitId: 30,
  bureauUnitId: 7,
  registeringUnitId: 7,
  assignedUnitId: dept.id,
  reviewUnitId: 30,
  ratedAt: null,
  evaluationStatus: 'pending',
  clocks: {
    review: {
      trigger: '2026-11-10T02:00:00.000Z',
      amount: 30,
      unit: 'calendar_days',
      due: '2026-12-10T15:59:59.999Z',
    },
  },
  version: 5,
};
const decide = (outcome: string) =>
  ACTIONS.decide_review.effect({
    payload: { outcome: outcome as 'uphold', facts: '事实', reasons: '理由', decision: '意见' },
    c,
    actor: { userId: 3, role: 'reviewer', unitId: 30 },
    actorUnit: undefined,
    limits: DEFAULT_LIMITS,
    now,
    ports,
  });

describe('decide_review', () => {
  it('revoke and vary: back to the original unit, under a new 重新办理期限, no re-review window', async () => {
    for (const outcome of ['revoke', 'vary']) {
      const effect = await decide(outcome);
      expect(effect.state).toBe('handling');
      expect(effect.patch.currentUnitId).toBe(dept.id);
      const t = applyTransition(actionDef('decide_review'), c, effect, { now, limits: DEFAULT_LIMITS });
      expect(t.state).toBe('handling');
      expect(t.clocks.review?.stoppedAt).toBe(now.toISOString());
      expect(t.clocks.rehandling?.trigger).toBe(now.toISOString());
      expect(t.clocks.rereview_window).toBeUndefined();
      expect(t.dueAt?.toISOString()).toBe(t.clocks.rehandling?.due);
    }
  });

  it('uphold: reviewed, the re-review window opens', async () => {
    const effect = await decide('uphold');
    const t = applyTransition(actionDef('decide_review'), c, effect, { now, limits: DEFAULT_LIMITS });
    expect(t.state).toBe('reviewed');
    expect(t.clocks.rereview_window?.trigger).toBe(now.toISOString());
    expect(t.clocks.rehandling).toBeUndefined();
  });

  it('a vary without the varied opinion is refused by the payload', () => {
    const r = ACTIONS.decide_review.payload.safeParse({ outcome: 'vary', facts: '事实', reasons: '理由' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['decision']);
  });
});
