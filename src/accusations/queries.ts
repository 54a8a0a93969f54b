// The accused of a matter, in the order recorded (the caller has checked it may read them).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseAccused, units } from '../db/schema.ts';
import { REFERRAL_BODIES } from '../domain/accusations.ts';
import type { Pii } from '../security/pii.ts';

/** One accused with the person's name decrypted; the presenter masks it by policy. */
export type AccusedRow = Omit<typeof caseAccused.$inferSelect, 'personNameEnc'> & {
  personName: string | null;
};

export async function accusedOf(db: Db, pii: Pii, caseId: number): Promise<AccusedRow[]> {
  const rows = await db
    .select()
    .from(caseAccused)
    .where(eq(caseAccused.caseId, caseId))
    .orderBy(asc(caseAccused.id));
  return rows.map(({ personNameEnc, ...r }) => ({
    ...r,
    personName: personNameEnc ? pii.decrypt(personNameEnc) : null,
  }));
}

/** The bodies of a jurisdiction a matter about an official can be referred to (纪委监委、法院 …). */
export function referralBodiesOf(db: Db, jurisdictionCode: string) {
  return db
    .select({ id: units.id, name: units.name, key: units.deptKey })
    .from(units)
    .where(and(eq(units.jurisdictionCode, jurisdictionCode), inArray(units.deptKey, [...REFERRAL_BODIES])))
    .orderBy(asc(units.id));
}
