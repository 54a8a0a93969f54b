// 联席会议成员单位: the member bodies of a jurisdiction's joint conference. Materialised from the
// domain's defaults (MEMBER_BODY_DEFS: name by level, the platform unit of the same body) the first
// time a jurisdiction's members are needed; a leader or admin may then set each one's liaison.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { jurisdictions, linkageMembers, units } from '../db/schema.ts';
import { levelOf } from '../domain/jurisdictions.ts';
import { MEMBER_BODIES, MEMBER_BODY_DEFS, type MemberBody, memberName } from '../domain/linkage/referrals.ts';
import { badRequest } from '../errors.ts';

export type MemberRow = typeof linkageMembers.$inferSelect;

/** The conference a matter's place belongs to: its county (a town's matters go to its county's). */
export const conferenceOf = (jurisdictionCode: string) => jurisdictionCode.slice(0, 6);

/** The members of a province, city or county conference, created from the defaults if missing. */
export async function ensureMembers(exec: Executor, code: string): Promise<MemberRow[]> {
  const existing = await exec
    .select()
    .from(linkageMembers)
    .where(eq(linkageMembers.jurisdictionCode, code))
    .orderBy(asc(linkageMembers.id));
  if (existing.length >= MEMBER_BODIES.length) return existing;
  const [place] = await exec.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!place || place.level > 3)
    throw badRequest('linkage_jurisdiction_unknown', '该行政区划没有信访工作联席会议', 'jurisdiction');
  const deptKeys = MEMBER_BODIES.map((b) => MEMBER_BODY_DEFS[b].deptKey).filter((k): k is string => !!k);
  const deptUnits = await exec
    .select({ id: units.id, deptKey: units.deptKey })
    .from(units)
    .where(and(eq(units.jurisdictionCode, code), inArray(units.deptKey, deptKeys)));
  const have = new Set(existing.map((m) => m.body));
  const rows = MEMBER_BODIES.filter((b) => !have.has(b)).map((body) => ({
    jurisdictionCode: code,
    body,
    name: memberName(body, place.name, levelOf(code)),
    unitId: deptUnits.find((u) => u.deptKey === MEMBER_BODY_DEFS[body].deptKey)?.id ?? null,
  }));
  await exec.insert(linkageMembers).values(rows).onConflictDoNothing();
  return exec
    .select()
    .from(linkageMembers)
    .where(eq(linkageMembers.jurisdictionCode, code))
    .orderBy(asc(linkageMembers.id));
}

export const memberBodyOf = (m: MemberRow) => m.body as MemberBody;
