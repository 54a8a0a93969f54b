// 领导包案 on a matter: a leader takes it, fills in the four-part plan, and records the meetings,
// visits and talks (only on a package of their own). The read side is packages.ts.
import { and, eq } from 'drizzle-orm';
import { backlogPackageRecords, backlogPackages } from '../db/schema.ts';
import { PACKAGE_PLAN_ITEMS, type PackagePlan, type PackagePlanKey } from '../domain/backlog/packages.ts';
import { levelOfCode } from '../domain/backlog/states.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { badRequest, conflict, forbidden } from '../errors.ts';
import { backlogPolicy } from '../policies/backlog.ts';
import type { ActionInput } from './commands.ts';
import type { EventDetail, MatterStep } from './matterStep.ts';

type PackageInput = Extract<ActionInput, { action: 'take_package' | 'package_plan' | 'package_record' }>;

/** The 包案 plan items present in a payload. */
function planOf(input: Partial<Record<PackagePlanKey, string>>): PackagePlan {
  const plan: PackagePlan = {};
  for (const i of PACKAGE_PLAN_ITEMS) if (input[i.key] !== undefined) plan[i.key] = input[i.key];
  return plan;
}

export async function packageStep(s: MatterStep, input: PackageInput): Promise<EventDetail> {
  const { w, actor, m, now } = s;
  const tx = w.tx;
  let eventDetail: EventDetail = null;
  switch (input.action) {
    case 'take_package': {
      const [mine] = await tx
        .select({ id: backlogPackages.id })
        .from(backlogPackages)
        .where(and(eq(backlogPackages.matterId, m.id), eq(backlogPackages.leaderUserId, actor.userId)));
      if (mine) throw conflict('backlog_package_exists', '您已包案该积案');
      await tx.insert(backlogPackages).values({
        matterId: m.id,
        leaderUserId: actor.userId,
        leaderUnitId: actor.unitId,
        jurisdictionCode: actor.jurisdictionCode ?? m.jurisdictionCode,
        level: levelOfCode(actor.jurisdictionCode ?? m.jurisdictionCode),
        takenAt: now,
        plan: planOf(input),
      });
      eventDetail = { note: `${actor.displayName}包案` };
      break;
    }
    case 'package_plan':
    case 'package_record': {
      const [p] = await tx
        .select()
        .from(backlogPackages)
        .where(and(eq(backlogPackages.id, input.packageId), eq(backlogPackages.matterId, m.id)))
        .for('update');
      if (!p) throw badRequest('backlog_package_unknown', '该积案没有这个包案', 'packageId');
      if (!backlogPolicy.packageWork(actor, p)) throw forbidden('只能填写本人包案的方案和活动');
      if (input.action === 'package_plan') {
        await tx
          .update(backlogPackages)
          .set({ plan: { ...p.plan, ...planOf(input) } })
          .where(eq(backlogPackages.id, p.id));
      } else {
        if (input.date > shanghaiDate(now))
          throw badRequest('backlog_date_future', '活动日期不能晚于今天', 'date');
        await tx.insert(backlogPackageRecords).values({
          packageId: p.id,
          kind: input.kind,
          date: input.date,
          note: input.note,
          createdBy: actor.userId,
          createdAt: now,
        });
      }
      break;
    }
  }
  return eventDetail;
}
