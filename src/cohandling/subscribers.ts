// 会办's reactions to case actions (wired in src/capabilities.ts), inside the action's transaction:
//   - 会办交办 records the lead unit, the co-handling units (one part each, to be filed), the
//     三跨三分离 marks and the coordinating bureau (that of the units' common superior jurisdiction);
//   - the lead unit's 出具处理意见书 waits for every co-unit's part (409 cohandling_pending).
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { UnitLookup } from '../cases/units.ts';
import type { EventBus } from '../commands/events.ts';
import { caseCohandling, caseCohandlingUnits, units } from '../db/schema.ts';
import type { CohandlingDetail } from '../domain/lifecycle/actions/assignCohandling.ts';
import { conflict } from '../errors.ts';
import type { PlatformEvents } from '../events.ts';

export function subscribeCohandling(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.acted',
    'cohandling.record',
    async (w, e) => {
      if (e.action === 'reply') {
        const pending = await w.tx
          .select({ name: units.name })
          .from(caseCohandlingUnits)
          .innerJoin(units, eq(units.id, caseCohandlingUnits.unitId))
          .where(and(eq(caseCohandlingUnits.caseId, e.after.id), isNull(caseCohandlingUnits.feedbackAt)));
        if (pending.length)
          throw conflict(
            'cohandling_pending',
            `会办单位尚未反馈会办意见：${pending.map((p) => p.name).join('、')}，牵头单位暂不能出具处理意见书`,
          );
        return;
      }
      if (e.action !== 'assign_cohandling') return;
      const d = e.detail as unknown as CohandlingDetail;
      const lookup = new UnitLookup(w.ctx.db);
      const coordinating = await lookup.bureauOf(w.tx, d.commonJurisdiction);
      const row = {
        leadUnitId: d.targetUnitId,
        coordinatingUnitId: coordinating?.id ?? e.actor?.unitId ?? d.targetUnitId,
        crossTypes: d.crossTypes,
        instructions: d.instructions ?? null,
        createdBy: e.actor && e.actor.userId > 0 ? e.actor.userId : null,
        createdAt: e.at,
      };
      await w.tx
        .insert(caseCohandling)
        .values({ caseId: e.after.id, ...row })
        .onConflictDoUpdate({ target: caseCohandling.caseId, set: row });
      const ids = d.coUnits.map((u) => u.id);
      await w.tx
        .delete(caseCohandlingUnits)
        .where(and(eq(caseCohandlingUnits.caseId, e.after.id), notInArray(caseCohandlingUnits.unitId, ids)));
      await w.tx
        .insert(caseCohandlingUnits)
        .values(ids.map((unitId) => ({ caseId: e.after.id, unitId })))
        .onConflictDoNothing();
    },
    5,
  );
}
