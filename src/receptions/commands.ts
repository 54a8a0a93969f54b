// Commands on leaders' receptions (领导接访), each one transaction (runCommand) with one audit row:
// plan a reception on the calendar, cancel it, book a place (citizen on the portal, registrar for a
// visitor), cancel a booking, and file the record of a held reception. SMS through the outbox
// (confirmation, cancellation; the reminder is the daily pass in reminders.ts); no personal data in
// any text. A booking publishes `reception.booked` (the video capability opens rooms from it).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import {
  caseEvents,
  cases,
  receptionBookings,
  receptionMatters,
  receptionRecords,
  receptionSlots,
  units,
  users,
} from '../db/schema.ts';
import {
  type BookingStatus,
  bookingRefusal,
  cancelRefusal,
  RECEPTION_KIND_RULES,
  type ReceptionKind,
  recordRefusal,
  type SlotStatus,
} from '../domain/receptions/kinds.ts';
import { RECEPTION_EVENTS } from '../domain/receptions/timeline.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, receptionPolicy } from '../policies/receptions.ts';
import type { BookInput, RecordInput, SlotInput } from './bodies.ts';
import { slotWhen } from './presenters.ts';

function audit(w: Work, actor: Actor | null, action: string, entity: string, id: number, summary: object) {
  w.audit({
    actorUserId: actor?.userId,
    actorRole: actor?.role,
    action: `reception.${action}`,
    entity,
    entityId: id,
    summary: summary as Record<string, unknown>,
  });
}

const refuse = (r: { code: string; message: string; field?: string } | null, status = 409) => {
  if (r) throw new AppError(status, r.code, r.message, r.field);
};

type SlotRow = typeof receptionSlots.$inferSelect;

async function lockSlot(w: Work, id: number): Promise<SlotRow> {
  const [s] = await w.tx.select().from(receptionSlots).where(eq(receptionSlots.id, id)).for('update');
  if (!s) throw notFound('未找到该场接访');
  return s;
}

/** 安排接访: a planner adds a reception to the calendar of their own jurisdiction. */
export async function planSlot(ctx: AppContext, actor: Actor, input: SlotInput): Promise<number> {
  const code = actor.jurisdictionCode ?? '';
  ensureAllowed(receptionPolicy.act(actor, 'plan', code), '只有信访部门的登记员、督查员或领导可以安排接访');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw badRequest('reception_times', '结束时间应晚于开始时间', 'endsAt');
  if (startsAt.getTime() <= Date.now()) throw badRequest('reception_past', '开始时间应晚于现在', 'startsAt');
  return runCommand(ctx, async (w) => {
    const [leader] = await w.tx
      .select({ id: users.id, role: users.role, disabled: users.disabled, code: units.jurisdictionCode })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, input.leaderUserId));
    if (leader?.role !== 'leader' || leader.disabled || !leader.code.startsWith(actor.scopePrefix ?? '-'))
      throw badRequest('reception_leader', '接访领导应为本辖区的领导', 'leaderUserId');
    const now = new Date();
    const [row] = await w.tx
      .insert(receptionSlots)
      .values({
        jurisdictionCode: code,
        unitId: actor.unitId as number,
        leaderUserId: leader.id,
        leaderTitle: input.leaderTitle,
        kind: input.kind,
        startsAt,
        endsAt,
        place: input.place,
        topics: input.topics,
        capacity: input.capacity,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: receptionSlots.id });
    if (!row) throw new Error('insert returned nothing');
    audit(w, actor, 'plan', 'reception', row.id, { kind: input.kind, leaderUserId: leader.id, startsAt });
    return row.id;
  });
}

/** 取消接访: the reception is cancelled and everyone booked is told by SMS. */
export async function cancelSlot(ctx: AppContext, actor: Actor, id: number, reason: string | undefined) {
  await runCommand(ctx, async (w) => {
    const s = await lockSlot(w, id);
    ensureReadable(receptionPolicy.act(actor, 'read', s.jurisdictionCode));
    ensureAllowed(receptionPolicy.act(actor, 'cancel_slot', s.jurisdictionCode), '您没有权限取消接访');
    if (s.status !== 'open') throw conflict('reception_not_open', '该场接访已结束或已取消');
    const now = new Date();
    await w.tx
      .update(receptionSlots)
      .set({ status: 'cancelled', cancelReason: reason ?? null, updatedAt: now })
      .where(eq(receptionSlots.id, id));
    const booked = await w.tx
      .update(receptionBookings)
      .set({ status: 'cancelled', cancelledAt: now, cancelReason: '接访取消' })
      .where(and(eq(receptionBookings.slotId, id), eq(receptionBookings.status, 'booked')))
      .returning();
    for (const b of booked) {
      if (!b.phoneEnc) continue;
      await enqueueSms(w.tx, ctx.pii, {
        phone: ctx.pii.decrypt(b.phoneEnc),
        template: 'reception_cancelled',
        body: `【阳光信访】您预约的${slotWhen(s)}${s.leaderTitle}${RECEPTION_KIND_RULES[s.kind as ReceptionKind].name}（预约号R${b.id}）因故取消，请另行预约，给您带来不便敬请谅解。`,
        idempotencyKey: `reception:cancelled:${b.id}`,
        caseId: b.caseId ?? undefined,
        stage: 'reception_cancelled',
      });
    }
    audit(w, actor, 'cancel', 'reception', id, { bookings: booked.length });
  });
}

/** 预约接访: a citizen books for themself; a registrar books for a visitor (代约). Returns the booking id. */
export async function book(ctx: AppContext, actor: Actor, slotId: number, input: BookInput): Promise<number> {
  const byCitizen = receptionPolicy.booksForThemself(actor);
  return runCommand(ctx, async (w) => {
    const s = await lockSlot(w, slotId);
    if (byCitizen) ensureAllowed(receptionPolicy.bookOwn(actor), '请登录后预约');
    else {
      ensureReadable(receptionPolicy.act(actor, 'read', s.jurisdictionCode));
      ensureAllowed(
        receptionPolicy.act(actor, 'book_for', s.jurisdictionCode),
        '只有信访部门的登记员可以代为预约',
      );
    }
    const now = new Date();
    const [{ n } = { n: 0 }] = await w.tx
      .select({ n: sql<number>`coalesce(sum(${receptionBookings.peopleCount}), 0)::int` })
      .from(receptionBookings)
      .where(and(eq(receptionBookings.slotId, slotId), eq(receptionBookings.status, 'booked')));
    const people = input.peopleCount ?? 1;
    const slot = {
      kind: s.kind as ReceptionKind,
      status: s.status as SlotStatus,
      startsAt: s.startsAt,
      capacity: s.capacity,
    };
    refuse(bookingRefusal(slot, Number(n) + people - 1, byCitizen ? 'citizen' : 'staff', now));
    if (input.caseId === undefined && !input.matter)
      throw badRequest('booking_matter_required', '请选择要反映的信访事项，或简要描述新的事项', 'matter');
    let caseId: number | null = null;
    if (input.caseId !== undefined) {
      const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
      if (!c || !casePolicy.read(actor, c))
        throw badRequest('booking_case_unknown', '所选信访事项不存在或不是您的事项', 'caseId');
      caseId = c.id;
    }
    let name: string;
    let phone: string | undefined;
    let petitionerUserId: number | null = null;
    if (byCitizen) {
      const [u] = await w.tx.select().from(users).where(eq(users.id, actor.userId));
      if (!u) throw notFound();
      const realName = u.realNameEnc ? ctx.pii.decrypt(u.realNameEnc) : null;
      name = realName ?? u.displayName;
      phone = u.phoneEnc ? ctx.pii.decrypt(u.phoneEnc) : undefined;
      petitionerUserId = u.id;
      const [dup] = await w.tx
        .select({ id: receptionBookings.id })
        .from(receptionBookings)
        .where(
          and(
            eq(receptionBookings.slotId, slotId),
            eq(receptionBookings.petitionerUserId, u.id),
            eq(receptionBookings.status, 'booked'),
          ),
        );
      if (dup) throw conflict('booking_duplicate', '您已预约该场接访');
    } else {
      if (!input.name) throw badRequest('booking_name_required', '请填写信访人姓名', 'name');
      if (!input.phone)
        throw badRequest('booking_phone_required', '请填写信访人手机号，用于短信通知', 'phone');
      name = input.name;
      phone = input.phone;
      const [u] = await w.tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.phoneHash, ctx.pii.hash(phone)), eq(users.role, 'citizen')));
      petitionerUserId = u?.id ?? null;
    }
    const [row] = await w.tx
      .insert(receptionBookings)
      .values({
        slotId,
        petitionerUserId,
        nameEnc: ctx.pii.encrypt(name),
        phoneEnc: phone ? ctx.pii.encrypt(phone) : null,
        phoneHash: phone ? ctx.pii.hash(phone) : null,
        caseId,
        matter: input.matter ?? null,
        peopleCount: people,
        via: byCitizen ? 'portal' : 'staff',
        bookedBy: actor.userId,
        bookedAt: now,
      })
      .returning({ id: receptionBookings.id });
    if (!row) throw new Error('insert returned nothing');
    const kind = s.kind as ReceptionKind;
    if (phone)
      await enqueueSms(w.tx, ctx.pii, {
        phone,
        template: 'reception_booked',
        body: `【阳光信访】您已预约${slotWhen(s)}${s.leaderTitle}${RECEPTION_KIND_RULES[kind].name}，地点：${s.place}，预约号R${row.id}。请携带身份证件按时参加，如需取消请登录阳光信访网站。`,
        idempotencyKey: `reception:booked:${row.id}`,
        caseId: caseId ?? undefined,
        stage: 'reception_booked',
      });
    await w.publish('reception.booked', {
      bookingId: row.id,
      slotId,
      kind,
      caseId,
      jurisdictionCode: s.jurisdictionCode,
      unitId: s.unitId,
      leaderUserId: s.leaderUserId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      petitionerUserId,
      via: byCitizen ? 'portal' : 'staff',
      bookedBy: actor.userId,
      at: now,
    });
    audit(w, actor, 'book', 'reception_booking', row.id, {
      slotId,
      kind,
      caseId,
      via: byCitizen ? 'portal' : 'staff',
    });
    return row.id;
  });
}

/** 取消预约: the citizen, or bureau staff in scope, before the reception starts. */
export async function cancelBooking(ctx: AppContext, actor: Actor, id: number, reason: string | undefined) {
  await runCommand(ctx, async (w) => {
    const [b] = await w.tx.select().from(receptionBookings).where(eq(receptionBookings.id, id)).for('update');
    if (!b) throw notFound('未找到该预约');
    const s = await lockSlot(w, b.slotId);
    const own = receptionPolicy.ownBooking(actor, b);
    ensureReadable(own || receptionPolicy.act(actor, 'read', s.jurisdictionCode));
    ensureAllowed(receptionPolicy.cancelBooking(actor, b, s.jurisdictionCode), '您没有权限取消该预约');
    refuse(cancelRefusal({ status: b.status as BookingStatus }, s, new Date()));
    const now = new Date();
    await w.tx
      .update(receptionBookings)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancelReason: reason ?? (own ? '本人取消' : '工作人员取消'),
      })
      .where(eq(receptionBookings.id, id));
    if (b.phoneEnc)
      await enqueueSms(w.tx, ctx.pii, {
        phone: ctx.pii.decrypt(b.phoneEnc),
        template: 'reception_booking_cancelled',
        body: `【阳光信访】您预约的${slotWhen(s)}${s.leaderTitle}${RECEPTION_KIND_RULES[s.kind as ReceptionKind].name}（预约号R${b.id}）已取消。`,
        idempotencyKey: `reception:booking_cancelled:${b.id}`,
        caseId: b.caseId ?? undefined,
        stage: 'reception_booking_cancelled',
      });
    audit(w, actor, 'cancel_booking', 'reception_booking', id, { slotId: s.id });
  });
}

/**
 * 接访记录: a held reception's batches, persons, matters raised (cases, linked or registered on the
 * spot beforehand through POST /cases), the leader's decision, what was solved on the spot, and the
 * follow-up tasks. Each matter's timeline shows the reception (internal event).
 */
export async function recordReception(ctx: AppContext, actor: Actor, slotId: number, input: RecordInput) {
  await runCommand(ctx, async (w) => {
    const s = await lockSlot(w, slotId);
    ensureReadable(receptionPolicy.act(actor, 'read', s.jurisdictionCode));
    ensureAllowed(receptionPolicy.act(actor, 'record', s.jurisdictionCode), '您没有权限登记接访记录');
    const now = new Date();
    const ids = [...new Set(input.matters.map((m) => m.caseId))];
    if (ids.length !== input.matters.length)
      throw badRequest('reception_matter_twice', '同一信访事项只能登记一次', 'matters');
    const solved = input.matters.filter((m) => m.solvedOnSpot).length;
    refuse(
      recordRefusal(
        { status: s.status as SlotStatus, startsAt: s.startsAt },
        { batches: input.batches, persons: input.persons, matters: input.matters.length, solved },
        now,
      ),
    );
    const found = ids.length ? await w.tx.select().from(cases).where(inArray(cases.id, ids)) : [];
    for (const id of ids) {
      const c = found.find((f) => f.id === id);
      if (!c || !casePolicy.read(actor, c))
        throw badRequest('reception_matter_unknown', `信访事项${id}不存在或不在本辖区`, 'matters');
    }
    const followUps = [];
    for (const f of input.followUps) {
      let unit: string | null = null;
      if (f.unitId !== undefined) {
        const [u] = await w.tx
          .select({ name: units.name, code: units.jurisdictionCode })
          .from(units)
          .where(eq(units.id, f.unitId));
        if (!u?.code.startsWith(actor.scopePrefix ?? '-'))
          throw badRequest('reception_unit_unknown', '责任单位不存在或不在本辖区', 'followUps');
        unit = u.name;
      }
      followUps.push({ task: f.task, unitId: f.unitId ?? null, unit, deadline: f.deadline ?? null });
    }
    if (input.attendedBookingIds.length) {
      const rows = await w.tx
        .select({
          id: receptionBookings.id,
          slotId: receptionBookings.slotId,
          status: receptionBookings.status,
        })
        .from(receptionBookings)
        .where(inArray(receptionBookings.id, input.attendedBookingIds));
      if (
        rows.length !== new Set(input.attendedBookingIds).size ||
        rows.some((r) => r.slotId !== slotId || r.status !== 'booked')
      )
        throw badRequest('reception_booking_unknown', '到场预约应为本场接访的有效预约', 'attendedBookingIds');
      await w.tx
        .update(receptionBookings)
        .set({ status: 'attended' })
        .where(inArray(receptionBookings.id, input.attendedBookingIds));
    }
    await w.tx.insert(receptionRecords).values({
      slotId,
      heldAt: s.startsAt,
      batches: input.batches,
      persons: input.persons,
      decision: input.decision,
      followUps,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    if (input.matters.length)
      await w.tx.insert(receptionMatters).values(
        input.matters.map((m) => ({
          slotId,
          caseId: m.caseId,
          solvedOnSpot: m.solvedOnSpot,
          note: m.note ?? null,
        })),
      );
    await w.tx
      .update(receptionSlots)
      .set({ status: 'held', updatedAt: now })
      .where(eq(receptionSlots.id, slotId));
    const [leader] = await w.tx
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, s.leaderUserId));
    for (const m of input.matters)
      await w.tx.insert(caseEvents).values({
        caseId: m.caseId,
        at: now,
        action: RECEPTION_EVENTS.held.event,
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        detail: {
          receptionId: slotId,
          kind: RECEPTION_KIND_RULES[s.kind as ReceptionKind].name,
          leader: `${s.leaderTitle}${leader?.name ?? ''}`,
          solvedOnSpot: m.solvedOnSpot,
          note: m.note ?? input.decision.slice(0, 200),
        },
        public: false,
      });
    audit(w, actor, 'record', 'reception', slotId, {
      batches: input.batches,
      persons: input.persons,
      matters: input.matters.length,
      solvedOnSpot: solved,
    });
  });
}
