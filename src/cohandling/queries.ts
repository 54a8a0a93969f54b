// A co-handled matter's record and its units' parts (the caller has checked it may read them).
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseCohandling, caseCohandlingUnits, units } from '../db/schema.ts';

export async function cohandlingOf(db: Db, caseId: number) {
  const [record] = await db
    .select({
      leadUnitId: caseCohandling.leadUnitId,
      leadUnit: sql<string>`(select u.name from ${units} u where u.id = ${caseCohandling.leadUnitId})`,
      coordinatingUnit: sql<string>`(select u.name from ${units} u where u.id = ${caseCohandling.coordinatingUnitId})`,
      crossTypes: caseCohandling.crossTypes,
      instructions: caseCohandling.instructions,
      createdAt: caseCohandling.createdAt,
    })
    .from(caseCohandling)
    .where(eq(caseCohandling.caseId, caseId));
  if (!record) return null;
  const parts = await db
    .select({
      unitId: caseCohandlingUnits.unitId,
      unit: units.name,
      feedback: caseCohandlingUnits.feedback,
      feedbackAt: caseCohandlingUnits.feedbackAt,
    })
    .from(caseCohandlingUnits)
    .innerJoin(units, eq(units.id, caseCohandlingUnits.unitId))
    .where(eq(caseCohandlingUnits.caseId, caseId))
    .orderBy(asc(caseCohandlingUnits.id));
  return { ...record, parts };
}
