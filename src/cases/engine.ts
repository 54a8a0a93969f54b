// Executes one lifecycle action (POST /api/v1/cases/{id}/actions) from the table in
// src/domain/lifecycle/actions.ts, in one transaction: check state, role and window, apply the
// state change and clocks, write the timeline, the document, the SMS and the audit row.
import { eq } from 'drizzle-orm';
import { recordAction } from '../analytics/rollup.ts';
import { recordAudit } from '../audit/chain.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, cases } from '../db/schema.ts';
import { isOverdue } from '../domain/deadlines/index.ts';
import { ACTIONS, type ActionDef, type ActionName, isActionName } from '../domain/lifecycle/actions.ts';
import { CLOCK_NAMES } from '../domain/lifecycle/limits.ts';
import { type CaseState, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { AppError, badRequest, conflict, forbidden } from '../errors.ts';
import { type Actor, casePolicy, ensureReadable } from '../policies/index.ts';
import { cachedLimitsFor } from '../settings/limits.ts';
import { activeDue, type Clocks, isRunning, startClock } from './clocks.ts';
import { issueNotices, petitionerContact, storeDocument } from './effects.ts';
import { documentFor, smsFor, specificEffects } from './transitions.ts';
import { type CaseRow, UnitLookup } from './units.ts';

/** Why an action is not available now (a thunk: building errors is costly), or null when it is. */
function blockerOf(actor: Actor, c: CaseRow, name: ActionName, now: Date): (() => AppError) | null {
  const def: ActionDef = ACTIONS[name];
  const state = c.state as CaseState;
  if (!casePolicy.act(actor, c, def)) return () => forbidden(`您不能对该事项执行「${def.label}」`);
  if (!def.from.includes(state)) {
    return () =>
      conflict('action_not_allowed', `事项当前状态为「${STATE_NAMES[state]}」，不能执行「${def.label}」`);
  }
  if (def.within) {
    const within = def.within;
    const clock = (c.clocks as Clocks)[within];
    if (!isRunning(clock) || isOverdue(new Date(clock.due), now)) {
      return () => conflict('window_closed', `${CLOCK_NAMES[within]}已过，不能再${def.label}`);
    }
  }
  if (name === 'rate' && c.ratedAt) return () => conflict('already_rated', '您已评价过该事项');
  return null;
}

/** Why an action is or is not available now: drives both the 409s and `availableActions`. */
export function actionBlocker(actor: Actor, c: CaseRow, name: ActionName, now: Date): AppError | null {
  return blockerOf(actor, c, name, now)?.() ?? null;
}

export function availableActions(actor: Actor, c: CaseRow, now = new Date()) {
  return (Object.keys(ACTIONS) as ActionName[])
    .filter((name) => blockerOf(actor, c, name, now) === null)
    .map((name) => ({ action: name, label: ACTIONS[name].label }));
}

export interface ActionResult {
  caseId: number;
  state: CaseState;
  eventId: number;
  documentId?: number;
  /** The case row as this action left it (`UPDATE … RETURNING`), for the answer. */
  row: CaseRow;
}

export async function executeAction(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: { action: string } & Record<string, unknown>,
): Promise<ActionResult> {
  const { action, ...raw } = input;
  if (!isActionName(action)) throw badRequest('unknown_action', `未知的办理操作「${action}」`, 'action');
  const def: ActionDef = ACTIONS[action];

  const result = await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    const row = c as CaseRow;
    const now = new Date();
    const blocker = actionBlocker(actor, row, action, now);
    if (blocker) throw blocker;
    // The payload is checked after the right to act, so a refusal never depends on it.
    const parsed = def.payload.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest('invalid_request', issue?.message ?? '参数不正确', issue?.path.join('.') || undefined);
    }
    const payload = parsed.data as Record<string, unknown>;

    const lookup = new UnitLookup(ctx.db);
    const limits = await cachedLimitsFor(ctx.db, tx, row.jurisdictionCode);
    const actorUnit = await lookup.unit(tx, actor.unitId);
    const effects = await specificEffects(tx, {
      action,
      payload,
      c: row,
      actor,
      actorUnit,
      limits,
      now,
      units: lookup,
    });

    // Clocks: stop, then start (from now), then whatever the action itself changed.
    const clocks: Clocks = { ...(row.clocks as Clocks), ...effects.clocks };
    for (const name of def.stops ?? []) {
      const clock = clocks[name];
      if (isRunning(clock)) clocks[name] = { ...clock, stoppedAt: now.toISOString() };
    }
    for (const name of def.starts ?? []) clocks[name] = startClock(limits, name, now);

    const nextState: CaseState =
      effects.state ??
      (def.to === 'same'
        ? (row.state as CaseState)
        : def.to === 'by_unit'
          ? actorUnit?.kind === 'department'
            ? 'handling'
            : 'accepted'
          : def.to);
    const [after] = await tx
      .update(cases)
      .set({
        ...effects.patch,
        state: nextState,
        clocks,
        dueAt: activeDue(clocks),
        dueFlag: null,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(cases.id, row.id))
      .returning();
    if (!after) throw new Error(`case ${row.id} vanished while locked`);

    const [event] = await tx
      .insert(caseEvents)
      .values({
        caseId: row.id,
        at: now,
        action,
        fromState: row.state,
        toState: nextState,
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        detail: effects.detail,
        public: def.public && (action !== 'add_progress' || payload.public !== false),
      })
      .returning({ id: caseEvents.id });
    const eventId = event?.id ?? 0;
    const updated = { ...row, ...effects.patch, state: nextState, clocks } as CaseRow;

    let documentId: number | undefined;
    const contact = def.document || def.sms ? await petitionerContact(ctx, tx, row.id) : null;
    if (def.document && contact) {
      const data = await documentFor(tx, {
        kind: def.document,
        c: updated,
        actorUnit,
        payload,
        contact,
        now,
        effects,
        units: lookup,
      });
      documentId = (await storeDocument(tx, ctx.pii, { caseId: row.id, eventId, kind: def.document, data }))
        .id;
    }
    if (def.sms && contact) {
      await issueNotices(ctx, tx, {
        caseId: row.id,
        caseNumber: row.caseNumber,
        phone: contact.phone,
        stage: def.sms,
        values: smsFor(def.sms, { c: updated, effects, payload }),
        eventId,
      });
    }
    // Rollups (统计) last: they upsert the day's counters, locked until commit; each concurrent
    // transaction takes a shard of its own (src/analytics/rollup.ts), but a ninth would queue, so
    // they stay last. The audit row is only appended (chained after commit, src/audit/).
    await recordAction(tx, row, after, { action, at: now, actorUnitId: actor.unitId });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: `case.${action}`,
      entity: 'case',
      entityId: row.id,
      summary: { before: { state: row.state }, after: { state: nextState }, ...effects.auditSummary },
    });
    return { caseId: row.id, state: nextState, eventId, documentId, row: after };
  });
  ctx.dispatcher.kick();
  return result;
}
