// Reading receptions: the public calendar, the staff list in scope, one reception with its bookings
// and record, a citizen's own bookings, and the indicators (批次、人次、当场解决) by leader and level.
import { and, asc, desc, eq, gte, inArray, like, lt, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import {
  cases,
  jurisdictions,
  receptionBookings,
  receptionMatters,
  receptionRecords,
  receptionSlots,
  units,
  users,
} from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { LEVEL_NAMES } from '../domain/receptions/kinds.ts';
import { notFound } from '../errors.ts';
import { type Actor, receptionPolicy, receptionScope } from '../policies/receptions.ts';
import type { Pii } from '../security/pii.ts';
import type { BookingRow, SlotView } from './presenters.ts';

const dayStart = (d: string) => sql`(${d}::date)::timestamp at time zone 'Asia/Shanghai'`;
const dayAfter = (d: string) => sql`(${d}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

const bookedCount = sql<number>`(select coalesce(sum(b.people_count), 0)::int from ${receptionBookings} b
  where b.slot_id = ${receptionSlots.id} and b.status in ('booked', 'attended'))`;

export async function slotViews(
  db: Executor,
  where: SQL | undefined,
  order: 'asc' | 'desc' = 'asc',
  limit = 500,
) {
  const rows = await db
    .select({
      id: receptionSlots.id,
      kind: receptionSlots.kind,
      leaderTitle: receptionSlots.leaderTitle,
      leaderName: users.displayName,
      leaderUserId: receptionSlots.leaderUserId,
      unit: units.name,
      jurisdictionCode: receptionSlots.jurisdictionCode,
      jurisdiction: jurisdictions.fullName,
      level: jurisdictions.level,
      startsAt: receptionSlots.startsAt,
      endsAt: receptionSlots.endsAt,
      place: receptionSlots.place,
      topics: receptionSlots.topics,
      capacity: receptionSlots.capacity,
      booked: bookedCount,
      status: receptionSlots.status,
      cancelReason: receptionSlots.cancelReason,
    })
    .from(receptionSlots)
    .innerJoin(users, eq(users.id, receptionSlots.leaderUserId))
    .innerJoin(units, eq(units.id, receptionSlots.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, receptionSlots.jurisdictionCode))
    .where(where)
    .orderBy(
      order === 'asc' ? asc(receptionSlots.startsAt) : desc(receptionSlots.startsAt),
      asc(receptionSlots.id),
    )
    .limit(limit);
  return rows.map((r) => ({ ...r, booked: Number(r.booked) })) satisfies SlotView[];
}

export interface CalendarFilter {
  jurisdiction?: string;
  from?: string;
  to?: string;
  kind?: string;
  status?: string;
}

function filterOf(f: CalendarFilter): SQL[] {
  const where: SQL[] = [];
  if (f.jurisdiction) where.push(like(receptionSlots.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  if (f.from) where.push(gte(receptionSlots.startsAt, dayStart(f.from)));
  if (f.to) where.push(lt(receptionSlots.startsAt, dayAfter(f.to)));
  if (f.kind) where.push(eq(receptionSlots.kind, f.kind));
  if (f.status) where.push(eq(receptionSlots.status, f.status));
  return where;
}

/** The public calendar: receptions from `from` (default today) on, cancelled ones shown as such. */
export function publicCalendar(ctx: Pick<AppContext, 'db'>, f: CalendarFilter, today: string) {
  return slotViews(ctx.db, and(...filterOf({ ...f, from: f.from ?? today })));
}

export function staffCalendar(ctx: Pick<AppContext, 'db'>, actor: Actor, f: CalendarFilter) {
  return slotViews(ctx.db, and(receptionScope(actor), ...filterOf(f)), f.from ? 'asc' : 'desc');
}

export async function visibleSlot(ctx: Pick<AppContext, 'db'>, actor: Actor, id: number) {
  const [s] = await slotViews(ctx.db, eq(receptionSlots.id, id));
  if (!s || !receptionPolicy.act(actor, 'read', s.jurisdictionCode)) throw notFound('未找到该场接访');
  return s;
}

const bookingColumns = {
  id: receptionBookings.id,
  slotId: receptionBookings.slotId,
  nameEnc: receptionBookings.nameEnc,
  phoneEnc: receptionBookings.phoneEnc,
  caseId: receptionBookings.caseId,
  caseNumber: cases.caseNumber,
  matter: receptionBookings.matter,
  peopleCount: receptionBookings.peopleCount,
  status: receptionBookings.status,
  via: receptionBookings.via,
  bookedAt: receptionBookings.bookedAt,
};

type StoredBooking = { nameEnc: string; phoneEnc: string | null } & Omit<BookingRow, 'name' | 'phone'>;

/** Name and phone decrypted (the presenter masks them by receptionPolicy.viewBookingInFull). */
function plainBooking(pii: Pii, { nameEnc, phoneEnc, ...b }: StoredBooking): BookingRow {
  return { ...b, name: pii.decrypt(nameEnc), phone: phoneEnc ? pii.decrypt(phoneEnc) : null };
}

export async function bookingsOf(ctx: Pick<AppContext, 'db' | 'pii'>, slotId: number): Promise<BookingRow[]> {
  const rows = await ctx.db
    .select(bookingColumns)
    .from(receptionBookings)
    .leftJoin(cases, eq(cases.id, receptionBookings.caseId))
    .where(eq(receptionBookings.slotId, slotId))
    .orderBy(asc(receptionBookings.id));
  return rows.map((b) => plainBooking(ctx.pii, b));
}

export async function myBookings(ctx: Pick<AppContext, 'db' | 'pii'>, actor: Actor) {
  const stored = await ctx.db
    .select(bookingColumns)
    .from(receptionBookings)
    .leftJoin(cases, eq(cases.id, receptionBookings.caseId))
    .where(eq(receptionBookings.petitionerUserId, actor.userId))
    .orderBy(desc(receptionBookings.id))
    .limit(100);
  const rows = stored.map((b) => plainBooking(ctx.pii, b));
  const slots = rows.length
    ? await slotViews(ctx.db, inArray(receptionSlots.id, [...new Set(rows.map((r) => r.slotId))]))
    : [];
  return { rows, slots };
}

export async function recordOf(db: Executor, slotId: number) {
  const recorder = alias(users, 'recorder');
  const [r] = await db
    .select({ record: receptionRecords, recordedBy: recorder.displayName })
    .from(receptionRecords)
    .innerJoin(recorder, eq(recorder.id, receptionRecords.recordedBy))
    .where(eq(receptionRecords.slotId, slotId));
  if (!r) return null;
  const matters = await db
    .select({
      caseId: receptionMatters.caseId,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      solvedOnSpot: receptionMatters.solvedOnSpot,
      note: receptionMatters.note,
    })
    .from(receptionMatters)
    .innerJoin(cases, eq(cases.id, receptionMatters.caseId))
    .where(eq(receptionMatters.slotId, slotId))
    .orderBy(asc(receptionMatters.caseId));
  const rec = r.record;
  return {
    heldAt: rec.heldAt.toISOString(),
    batches: rec.batches,
    persons: rec.persons,
    decision: rec.decision,
    followUps: rec.followUps as {
      task: string;
      unitId: number | null;
      unit: string | null;
      deadline: string | null;
    }[],
    matters,
    solvedOnSpot: matters.filter((m) => m.solvedOnSpot).length,
    recordedBy: r.recordedBy,
    recordedAt: rec.recordedAt.toISOString(),
  };
}

export interface IndicatorRow {
  receptions: number;
  batches: number;
  persons: number;
  matters: number;
  solvedOnSpot: number;
}

/**
 * 领导接访指标 of a jurisdiction's subtree, receptions held from `from` to `to` (Asia/Shanghai
 * dates): receptions, batches (批次), persons (人次), matters raised and solved on the spot (当场解决),
 * in total, by leader and by level (省级、市级、县级…).
 */
export async function receptionIndicators(
  ctx: Pick<AppContext, 'db'>,
  jurisdiction: string,
  from: string,
  to: string,
) {
  const solved = sql<number>`(select count(*)::int from ${receptionMatters} m where m.slot_id = ${receptionSlots.id} and m.solved_on_spot)`;
  const matters = sql<number>`(select count(*)::int from ${receptionMatters} m where m.slot_id = ${receptionSlots.id})`;
  const rows = await ctx.db
    .select({
      slotId: receptionSlots.id,
      leaderUserId: receptionSlots.leaderUserId,
      leaderTitle: receptionSlots.leaderTitle,
      leaderName: users.displayName,
      level: jurisdictions.level,
      batches: receptionRecords.batches,
      persons: receptionRecords.persons,
      matters,
      solved,
    })
    .from(receptionRecords)
    .innerJoin(receptionSlots, eq(receptionSlots.id, receptionRecords.slotId))
    .innerJoin(users, eq(users.id, receptionSlots.leaderUserId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, receptionSlots.jurisdictionCode))
    .where(
      and(
        like(receptionSlots.jurisdictionCode, `${prefixOf(jurisdiction)}%`),
        ne(receptionSlots.status, 'cancelled'),
        gte(receptionRecords.heldAt, dayStart(from)),
        lt(receptionRecords.heldAt, dayAfter(to)),
      ),
    );
  const zero = (): IndicatorRow => ({ receptions: 0, batches: 0, persons: 0, matters: 0, solvedOnSpot: 0 });
  const add = (t: IndicatorRow, r: (typeof rows)[number]) => {
    t.receptions++;
    t.batches += r.batches;
    t.persons += r.persons;
    t.matters += Number(r.matters);
    t.solvedOnSpot += Number(r.solved);
  };
  const total = zero();
  // By the leader as published (the same account may receive as 区长 and, later, as 副区长).
  const byLeader = new Map<string, IndicatorRow & { leaderUserId: number; leader: string }>();
  const byLevel = new Map<number, IndicatorRow & { level: number; levelName: string }>();
  for (const r of rows) {
    add(total, r);
    const key = `${r.leaderUserId}|${r.leaderTitle}`;
    const l = byLeader.get(key) ?? {
      ...zero(),
      leaderUserId: r.leaderUserId,
      leader: `${r.leaderTitle} ${r.leaderName}`,
    };
    add(l, r);
    byLeader.set(key, l);
    const v = byLevel.get(r.level) ?? { ...zero(), level: r.level, levelName: LEVEL_NAMES[r.level] ?? '' };
    add(v, r);
    byLevel.set(r.level, v);
  }
  return {
    total,
    byLeader: [...byLeader.values()].sort((a, b) => b.batches - a.batches || a.leaderUserId - b.leaderUserId),
    byLevel: [...byLevel.values()].sort((a, b) => a.level - b.level),
  };
}

/** The leaders a planner may put on the calendar: leader accounts of the caller's subtree. */
export function leadersInScope(ctx: Pick<AppContext, 'db'>, actor: Actor) {
  return ctx.db
    .select({ id: users.id, name: users.displayName, unit: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.role, 'leader'),
        eq(users.disabled, false),
        like(units.jurisdictionCode, `${actor.scopePrefix ?? '-'}%`),
      ),
    )
    .orderBy(asc(units.jurisdictionCode), asc(users.id))
    .limit(200);
}
