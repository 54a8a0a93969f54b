// Messages to supervisors (督查员) about warnings, through the outbox (sent after commit). SMS carry
// no personal data: the kind, the place, counts and at most a case number. Supervisors without a
// mobile number on file get nothing by SMS; they see the warning in the console's 预警 page.
import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { units, users } from '../db/schema.ts';
import { cityOf, countyOf, provinceOf } from '../domain/jurisdictions.ts';
import { enqueueSms } from '../notify/outbox.ts';

export interface Recipient {
  userId: number;
  phoneEnc: string;
  jurisdictionCode: string;
}

const base = () =>
  and(
    eq(users.role, 'supervisor'),
    eq(users.disabled, false),
    isNotNull(users.phoneEnc),
    eq(units.kind, 'bureau'),
  );

async function supervisorsWhere(tx: Executor, where: ReturnType<typeof base>): Promise<Recipient[]> {
  const rows = await tx
    .select({ userId: users.id, phoneEnc: users.phoneEnc, jurisdictionCode: units.jurisdictionCode })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(users.id);
  return rows.flatMap((r) => (r.phoneEnc ? [{ ...r, phoneEnc: r.phoneEnc }] : []));
}

/**
 * Supervisors responsible for a place: those of its county-level and city bureaus; the province's
 * only when neither has one with a mobile number (an extreme-risk alert must reach someone).
 */
export async function supervisorsOfPlace(tx: Executor, placeCode: string): Promise<Recipient[]> {
  const county = countyOf(placeCode);
  const city = cityOf(placeCode);
  const near = await supervisorsWhere(tx, and(base(), inArray(units.jurisdictionCode, [county, city])));
  if (near.length) return near;
  return supervisorsWhere(tx, and(base(), eq(units.jurisdictionCode, provinceOf(placeCode))));
}

/** Supervisors whose bureau lies in the subtree starting with `prefix`. */
export function supervisorsIn(tx: Executor, prefix: string): Promise<Recipient[]> {
  return supervisorsWhere(tx, and(base(), like(units.jurisdictionCode, `${prefix}%`)));
}

export async function smsToSupervisor(
  ctx: Pick<AppContext, 'pii'>,
  tx: Executor,
  r: Recipient,
  msg: { template: string; body: string; key: string; caseId?: number },
): Promise<void> {
  await enqueueSms(tx, ctx.pii, {
    phone: ctx.pii.decrypt(r.phoneEnc),
    template: msg.template,
    body: msg.body,
    idempotencyKey: msg.key,
    caseId: msg.caseId,
    stage: msg.template,
  });
}
