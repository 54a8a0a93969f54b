// The accused of a matter, in the order recorded (the caller has checked it may read them).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseAccused } from '../db/schema.ts';

export type AccusedRow = typeof caseAccused.$inferSelect;

export function accusedOf(db: Db, caseId: number): Promise<AccusedRow[]> {
  return db.select().from(caseAccused).where(eq(caseAccused.caseId, caseId)).orderBy(asc(caseAccused.id));
}
