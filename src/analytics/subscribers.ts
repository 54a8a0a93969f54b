// Rollups (统计) kept in the transaction of every change: registration, repeats, actions, the sweep.
// Last but the audit row: they upsert shared counter rows (a shard per transaction, rollup.ts).
import { type EventBus, PRIORITY } from '../commands/events.ts';
import type { PlatformEvents } from '../events.ts';
import {
  recordAction,
  recordBacklogStep,
  recordRecategorization,
  recordRegistration,
  recordRepeatRegistration,
  recordSweep,
} from './rollup.ts';

export function subscribeRollups(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.registered',
    'analytics.rollups',
    (w, e) => recordRegistration(w.tx, e.case),
    PRIORITY.rollups,
  );
  events.on(
    'case.repeat_received',
    'analytics.rollups',
    (w, e) =>
      recordRepeatRegistration(w.tx, e.after, {
        receivedAt: e.receivedAt,
        form: e.input.form,
        unitId: e.registering.id,
      }),
    PRIORITY.rollups,
  );
  events.on(
    'case.acted',
    'analytics.rollups',
    (w, e) =>
      recordAction(w.tx, e.before, e.after, {
        action: e.action,
        at: e.at,
        actorUnitId: e.actor?.unitId ?? null,
      }),
    PRIORITY.rollups,
  );
  // A category confirmed or changed at the desk (src/intake): the matter's counts move with it…
  events.on(
    'intake.categorized',
    'analytics.rollups',
    (w, e) =>
      recordRecategorization(
        w.tx,
        e.caseId,
        { category: e.from, subcategory: e.fromSubcategory },
        { category: e.to, subcategory: e.toSubcategory },
      ),
    PRIORITY.rollups,
  );
  // …and its 细分类, chosen or changed on its own.
  events.on(
    'intake.subcategorized',
    'analytics.rollups',
    (w, e) => recordRecategorization(w.tx, e.caseId, e.from, e.to),
    PRIORITY.rollups,
  );
  events.on('cases.swept', 'analytics.rollups', (w, e) => recordSweep(w.tx, e.changes), PRIORITY.rollups);
  // 积案件数 and 积案化解 from the backlog capability's matters (认定, 销号, unflagging).
  events.on(
    'backlog.stepped',
    'analytics.rollups',
    (w, e) => recordBacklogStep(w.tx, e.caseId, e, e.step),
    PRIORITY.rollups,
  );
}
