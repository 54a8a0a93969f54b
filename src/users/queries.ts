// Staff accounts an administrator may see (policies.unitScope), a page at a time; a user's own
// real-name profile.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units, users } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { type Actor, unitScope } from '../policies/index.ts';
import type { Pii } from '../security/pii.ts';
import type { Profile } from './contract.ts';

export async function staffPage(
  exec: Executor,
  actor: Actor,
  q: { page: number; pageSize: number; unitId?: number },
) {
  const where = and(unitScope(actor), q.unitId ? eq(users.unitId, q.unitId) : undefined);
  const [rows, [total]] = await Promise.all([
    exec
      .select({ user: users, unitName: units.name, jurisdictionCode: units.jurisdictionCode })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(asc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    exec.select({ n: count() }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Where accounts work: unit and jurisdiction by username (the demo accounts' list). */
export function accountPlaces(exec: Executor, usernames: string[]) {
  return exec
    .select({ username: users.username, unit: units.name, jurisdictionName: jurisdictions.fullName })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(inArray(users.username, usernames));
}

/** The caller's own real-name details (实名信息), decrypted: read by their own id only. */
export async function profileOf(exec: Executor, pii: Pii, userId: number): Promise<Profile> {
  const [u] = await exec
    .select({ realNameEnc: users.realNameEnc, idNumberEnc: users.idNumberEnc, phoneEnc: users.phoneEnc })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) throw notFound();
  const dec = (v: string | null) => (v ? pii.decrypt(v) : null);
  return { name: dec(u.realNameEnc), idNumber: dec(u.idNumberEnc), phone: dec(u.phoneEnc) };
}
