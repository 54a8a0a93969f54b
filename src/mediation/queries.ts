// Reads of 访调对接, scoped by src/policies/mediation.ts: the mediation bodies a caller may use, one
// referral (404 outside the scope), the referrals of a scope or a matter, a referral's sessions, a
// matter's third-party interventions, and the counts by body (移交、达成协议、调解成功率).
import { and, asc, desc, eq, gte, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import {
  caseInterventions,
  cases,
  mediationBodies,
  mediationReferrals,
  mediationSessions,
  units,
  users,
} from '../db/schema.ts';
import { ancestorCodes } from '../domain/experts/experts.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { agreementRate, type ReferralStatus } from '../domain/mediation/referrals.ts';
import { notFound } from '../errors.ts';
import { ensureReadable } from '../policies/index.ts';
import { type Actor, mediationPolicy, referralScope } from '../policies/mediation.ts';
import type { Pii } from '../security/pii.ts';

export type ReferralRow = typeof mediationReferrals.$inferSelect;
export type BodyRow = typeof mediationBodies.$inferSelect;

/** A referral the caller may read (locked for update inside a command), else 404. */
export async function visibleReferral(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select()
    .from(mediationReferrals)
    .where(and(eq(mediationReferrals.id, id), referralScope(actor)));
  const [r] = forUpdate ? await q.for('update') : await q;
  if (!r) throw notFound('未找到该调解移交，或您无权查看');
  ensureReadable(mediationPolicy.read(actor, r));
  return r;
}

/**
 * The bodies of the caller's subtree and of the levels above it (a county matter may go to the
 * city's committee); with `forCase`, those a matter at that place may be referred to.
 */
export async function listBodies(
  ctx: AppContext,
  actor: Actor,
  f: { forPlace?: string; kind?: string; all?: boolean },
) {
  const where: (SQL | undefined)[] = [];
  if (f.forPlace) {
    const codes = [f.forPlace.slice(0, 6), ...ancestorCodes(f.forPlace)];
    where.push(inArray(mediationBodies.jurisdictionCode, codes));
  } else if (actor.scopePrefix !== null) {
    const above = ancestorCodes(actor.jurisdictionCode ?? '');
    where.push(
      or(
        like(mediationBodies.jurisdictionCode, `${actor.scopePrefix}%`),
        above.length ? inArray(mediationBodies.jurisdictionCode, above) : sql`false`,
      ),
    );
  } else if (!f.forPlace) where.push(sql`false`);
  if (f.kind) where.push(eq(mediationBodies.kind, f.kind));
  if (!f.all) where.push(eq(mediationBodies.active, true));
  return ctx.db
    .select({ b: mediationBodies, hostUnit: units.name })
    .from(mediationBodies)
    .leftJoin(units, eq(units.id, mediationBodies.hostUnitId))
    .where(and(...where))
    .orderBy(asc(mediationBodies.jurisdictionCode), asc(mediationBodies.id));
}

export interface ReferralFilter {
  caseId?: number;
  bodyId?: number;
  status?: ReferralStatus[];
  jurisdiction?: string;
  limit?: number;
}

const referralSelect = {
  r: mediationReferrals,
  body: mediationBodies.name,
  bodyKind: mediationBodies.kind,
  caseNumber: cases.caseNumber,
  subject: cases.subject,
  referringUnit: units.name,
};

/** Referrals newest first; `byCase`: the caller reads that matter, so all its referrals. */
export async function listReferrals(ctx: AppContext, actor: Actor, f: ReferralFilter, byCase = false) {
  const where: (SQL | undefined)[] = byCase ? [] : [referralScope(actor)];
  if (f.caseId !== undefined) where.push(eq(mediationReferrals.caseId, f.caseId));
  if (f.bodyId !== undefined) where.push(eq(mediationReferrals.bodyId, f.bodyId));
  if (f.status?.length) where.push(inArray(mediationReferrals.status, f.status));
  if (f.jurisdiction) where.push(like(mediationReferrals.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  return ctx.db
    .select(referralSelect)
    .from(mediationReferrals)
    .innerJoin(mediationBodies, eq(mediationBodies.id, mediationReferrals.bodyId))
    .innerJoin(cases, eq(cases.id, mediationReferrals.caseId))
    .innerJoin(units, eq(units.id, mediationReferrals.referringUnitId))
    .where(and(...where))
    .orderBy(desc(mediationReferrals.referredAt), desc(mediationReferrals.id))
    .limit(f.limit ?? 500);
}
export type ReferralListRow = Awaited<ReturnType<typeof listReferrals>>[number];

export async function referralRow(exec: Executor, id: number) {
  const [row] = await exec
    .select(referralSelect)
    .from(mediationReferrals)
    .innerJoin(mediationBodies, eq(mediationBodies.id, mediationReferrals.bodyId))
    .innerJoin(cases, eq(cases.id, mediationReferrals.caseId))
    .innerJoin(units, eq(units.id, mediationReferrals.referringUnitId))
    .where(eq(mediationReferrals.id, id));
  if (!row) throw notFound();
  return row;
}

export async function bodyRow(exec: Executor, id: number): Promise<BodyRow | undefined> {
  const [b] = await exec.select().from(mediationBodies).where(eq(mediationBodies.id, id));
  return b;
}

/**
 * What a referral's detail shows beyond its row: the matter (the caller's policies are checked on it)
 * and the sessions, oldest first, with their attendees decrypted; the presenter masks them.
 */
export async function referralDetailOf(exec: Executor, pii: Pii, r: { id: number; caseId: number }) {
  const [c] = await exec.select().from(cases).where(eq(cases.id, r.caseId));
  const rows = await exec
    .select({ s: mediationSessions, recordedBy: users.displayName })
    .from(mediationSessions)
    .leftJoin(users, eq(users.id, mediationSessions.recordedBy))
    .where(eq(mediationSessions.referralId, r.id))
    .orderBy(asc(mediationSessions.date), asc(mediationSessions.id));
  const sessions = rows.map(({ s, recordedBy }) => ({
    s,
    recordedBy,
    attendees: JSON.parse(pii.decrypt(s.attendeesEnc)) as { name: string; role: string }[],
  }));
  return { c, sessions };
}
export type ReferralDetailData = Awaited<ReturnType<typeof referralDetailOf>>;

export function interventionsOf(exec: Executor, caseId: number) {
  return exec
    .select({ i: caseInterventions, recordedBy: users.displayName, unit: units.name })
    .from(caseInterventions)
    .leftJoin(users, eq(users.id, caseInterventions.recordedBy))
    .leftJoin(units, eq(units.id, caseInterventions.recordingUnitId))
    .where(eq(caseInterventions.caseId, caseId))
    .orderBy(desc(caseInterventions.date), desc(caseInterventions.id));
}

export interface BodyCounts {
  referrals: number;
  ongoing: number;
  agreements: number;
  failed: number;
  settled: number;
  /** 调解成功率 (percent), of concluded referrals. */
  agreementRate: number | null;
}

/**
 * Referrals made from `from` to `to` (Asia/Shanghai dates, inclusive) on matters of a jurisdiction,
 * in total and per body. Not scoped by a caller: the route checks `mediationPolicy.counts`.
 */
export async function mediationCounts(
  ctx: Pick<AppContext, 'db'>,
  jurisdiction: string,
  from: string,
  to: string,
) {
  const r = mediationReferrals;
  const rows = await ctx.db
    .select({
      bodyId: r.bodyId,
      body: mediationBodies.name,
      kind: mediationBodies.kind,
      referrals: sql<number>`count(*)::int`,
      ongoing: sql<number>`count(*) filter (where ${r.status} = 'referred')::int`,
      agreements: sql<number>`count(*) filter (where ${r.status} in ('agreement', 'settled'))::int`,
      failed: sql<number>`count(*) filter (where ${r.status} = 'no_agreement')::int`,
      settled: sql<number>`count(*) filter (where ${r.status} = 'settled')::int`,
    })
    .from(r)
    .innerJoin(mediationBodies, eq(mediationBodies.id, r.bodyId))
    .where(
      and(
        like(r.jurisdictionCode, `${prefixOf(jurisdiction)}%`),
        gte(r.referredAt, sql`(${from}::date)::timestamp at time zone 'Asia/Shanghai'`),
        lt(r.referredAt, sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`),
      ),
    )
    .groupBy(r.bodyId, mediationBodies.name, mediationBodies.kind)
    .orderBy(r.bodyId);
  const byBody = rows.map((x) => {
    const c = {
      referrals: Number(x.referrals),
      ongoing: Number(x.ongoing),
      agreements: Number(x.agreements),
      failed: Number(x.failed),
      settled: Number(x.settled),
    };
    return { bodyId: x.bodyId, body: x.body, kind: x.kind, ...c, agreementRate: agreementRate(c) };
  });
  const t = { referrals: 0, ongoing: 0, agreements: 0, failed: 0, settled: 0 };
  for (const b of byBody) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += b[k];
  const total: BodyCounts = { ...t, agreementRate: agreementRate(t) };
  return { total, byBody };
}
