// The audit row of every case change (审计): appended last in its transaction, chained after commit.
import { type EventBus, PRIORITY } from '../commands/events.ts';
import type { PlatformEvents } from '../events.ts';

export function subscribeCaseAudit(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.registered',
    'audit.case',
    (w, e) =>
      w.audit({
        actorUserId: e.actor.userId,
        actorRole: e.actor.role,
        action: 'case.register',
        entity: 'case',
        entityId: e.case.id,
        summary: {
          caseNumber: e.case.caseNumber,
          form: e.case.form,
          jurisdictionCode: e.case.jurisdictionCode,
          refusedAgain: e.refusal !== undefined,
        },
      }),
    PRIORITY.audit,
  );
  events.on(
    'case.repeat_received',
    'audit.case',
    (w, e) =>
      w.audit({
        actorUserId: e.actor.userId,
        actorRole: e.actor.role,
        action: 'case.link_repeat',
        entity: 'case',
        entityId: e.after.id,
        summary: { form: e.input.form },
      }),
    PRIORITY.audit,
  );
  events.on(
    'case.acted',
    'audit.case',
    (w, e) =>
      w.audit({
        actorUserId: e.actor?.userId || null, // 0: the query code's holder, who has no account
        actorRole: e.actor?.role ?? null,
        action: `case.${e.action}`,
        entity: 'case',
        entityId: e.after.id,
        summary: { before: { state: e.before.state }, after: { state: e.after.state }, ...e.auditSummary },
      }),
    PRIORITY.audit,
  );
  events.on(
    'cases.swept',
    'audit.case',
    (w, e) => {
      const caseIds = [...new Set(Object.values(e.touched).flat())].sort((a, b) => a - b);
      w.audit({
        actorUserId: null,
        actorRole: null,
        action: 'case.deadline_sweep',
        entity: 'case',
        entityId: null,
        summary: { at: e.at.toISOString(), count: caseIds.length, caseIds, ...e.touched },
      });
    },
    PRIORITY.audit,
  );
}
