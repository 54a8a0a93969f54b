// The daily reminder pass (预约提醒): everyone booked on a reception held tomorrow (Asia/Shanghai)
// gets an SMS through the outbox, once (the booking's `reminded_at`, and a key per booking). Run by
// the daily jobs (src/jobs/passes.ts). No personal data in the text.
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { receptionBookings, receptionSlots } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { isReminderDue, RECEPTION_KIND_RULES, type ReceptionKind } from '../domain/receptions/kinds.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { slotWhen } from './presenters.ts';

export async function runReceptionReminderPass(
  ctx: AppContext,
  now: Date = new Date(),
  opts: { signal?: AbortSignal } = {},
): Promise<{ reminded: number }> {
  const today = shanghaiDate(now);
  const tomorrow = sql`(${today}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  const after = sql`(${today}::date + 2)::timestamp at time zone 'Asia/Shanghai'`;
  const due = await ctx.db
    .select({ id: receptionBookings.id })
    .from(receptionBookings)
    .innerJoin(receptionSlots, eq(receptionSlots.id, receptionBookings.slotId))
    .where(
      and(
        eq(receptionBookings.status, 'booked'),
        isNull(receptionBookings.remindedAt),
        eq(receptionSlots.status, 'open'),
        gte(receptionSlots.startsAt, tomorrow),
        lt(receptionSlots.startsAt, after),
      ),
    )
    .limit(5000);
  let reminded = 0;
  for (const { id } of due) {
    if (opts.signal?.aborted) break;
    const sent = await runCommand(ctx, async (w) => {
      const [b] = await w.tx
        .select()
        .from(receptionBookings)
        .where(eq(receptionBookings.id, id))
        .for('update');
      if (b?.status !== 'booked' || b.remindedAt) return false;
      const [s] = await w.tx.select().from(receptionSlots).where(eq(receptionSlots.id, b.slotId));
      if (s?.status !== 'open' || !isReminderDue(shanghaiDate(s.startsAt), today)) return false;
      await w.tx.update(receptionBookings).set({ remindedAt: now }).where(eq(receptionBookings.id, id));
      if (b.phoneEnc)
        await enqueueSms(w.tx, ctx.pii, {
          phone: ctx.pii.decrypt(b.phoneEnc),
          template: 'reception_reminder',
          body: `【阳光信访】提醒：您预约的${slotWhen(s)}${s.leaderTitle}${RECEPTION_KIND_RULES[s.kind as ReceptionKind].name}将于明天举行，地点：${s.place}，预约号R${b.id}。请携带身份证件按时参加。`,
          idempotencyKey: `reception:reminder:${b.id}`,
          caseId: b.caseId ?? undefined,
          stage: 'reception_reminder',
        });
      w.audit({
        action: 'reception.remind',
        entity: 'reception_booking',
        entityId: b.id,
        summary: { slotId: s.id },
      });
      return true;
    });
    if (sent) reminded++;
  }
  return { reminded };
}
