// Executes one lifecycle action (POST /api/v1/cases/{id}/actions) from its definition in
// src/domain/lifecycle/actions/, as one command: check visibility, role, state, holder and window,
// run the definition's effect, apply the transition (state and clocks), write the timeline event and
// the document, and publish `case.acted` — notices, repeat links, rollups and audit subscribe to it.
import { and, desc, eq } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { caseEvents, cases } from '../db/schema.ts';
import { isOverdue } from '../domain/deadlines/index.ts';
import { lateReason } from '../domain/lifecycle/actions/common.ts';
import { ACTIONS, type ActionName, actionDef, isActionName } from '../domain/lifecycle/actions.ts';
import type { Clocks } from '../domain/lifecycle/clocks.ts';
import { isRunning } from '../domain/lifecycle/clocks.ts';
import type { ActionPorts, AnyActionDef } from '../domain/lifecycle/define.ts';
import { type Lateness, type LateRecord, latenessOf } from '../domain/lifecycle/lateness.ts';
import { CLOCK_NAMES } from '../domain/lifecycle/limits.ts';
import { applyTransition, isPublicEvent } from '../domain/lifecycle/transition.ts';
import { type CaseState, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { type AppError, badRequest, conflict, forbidden } from '../errors.ts';
import { type Actor, casePolicy, ensureReadable, inSubtree } from '../policies/index.ts';
import { cachedLimitsFor } from '../settings/limits.ts';
import { petitionerContact, storeDocument } from './effects.ts';
import { eventsOfCase } from './history.ts';
import { type CaseRow, UnitLookup } from './units.ts';

/**
 * Why an action is not available now (a thunk: building errors is costly), or null when it is.
 * The role first (403), then the state (409: a concurrent action that got there first), then whose
 * turn it is (403), the window (409) and the action's own conditions.
 */
function blockerOf(actor: Actor, c: CaseRow, def: AnyActionDef, now: Date): (() => AppError) | null {
  const state = c.state as CaseState;
  const refuse = () => forbidden(`您不能对该事项执行「${def.label}」`);
  if (!casePolicy.takesRole(actor, def)) return refuse;
  if (!def.from.includes(state)) {
    return () =>
      conflict('action_not_allowed', `事项当前状态为「${STATE_NAMES[state]}」，不能执行「${def.label}」`);
  }
  if (!casePolicy.act(actor, c, def)) return refuse;
  if (def.within) {
    const within = def.within.clock;
    const clock = c.clocks[within];
    if (!isRunning(clock) || isOverdue(new Date(clock.due), now)) {
      return () => conflict('window_closed', `${CLOCK_NAMES[within]}已过，不能再${def.label}`);
    }
  }
  const blocked = def.blocked;
  if (blocked?.when(c)) return () => blocked.error(c) as AppError;
  return null;
}

/** Why an action is or is not available now: drives both the 409s and `availableActions`. */
export function actionBlocker(actor: Actor, c: CaseRow, name: ActionName, now: Date): AppError | null {
  return blockerOf(actor, c, actionDef(name), now)?.() ?? null;
}

/** The actions the actor may take now; `late` when one would discharge a duty past its due (逾期原因 asked). */
export function availableActions(actor: Actor, c: CaseRow, now = new Date()) {
  return (Object.keys(ACTIONS) as ActionName[])
    .filter((name) => blockerOf(actor, c, actionDef(name), now) === null)
    .map((name) => {
      const late = latenessOf(actionDef(name), c.clocks, now);
      return { action: name, label: ACTIONS[name].label, ...(late ? { late } : {}) };
    });
}

/** The reason for the delay of a late duty action (400 when missing: the refusal changes nothing). */
function lateRecord(late: Lateness | null, raw: unknown, label: string): LateRecord | null {
  if (!late) return null;
  const lateText = `已超过${late.clockName}${late.daysLate}日`;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    throw badRequest('late_reason_required', `${lateText}，${label}须填写逾期原因`, 'lateReason');
  }
  const parsed = lateReason.safeParse(raw);
  if (!parsed.success) {
    throw badRequest('invalid_request', parsed.error.issues[0]?.message ?? '逾期原因不正确', 'lateReason');
  }
  return { ...late, reason: parsed.data };
}

/** What effects may ask of the database, for one case and actor inside one transaction (also the drafts' preview). */
export function portsFor(tx: Tx, lookup: UnitLookup, actor: Actor, c: CaseRow): ActionPorts {
  return {
    unit: (id) => lookup.unit(tx, id),
    upperBureau: async (unit) => {
      const row = await lookup.unit(tx, unit.id);
      return row ? lookup.upperBureau(tx, row) : undefined;
    },
    async lastEventDetail(action) {
      const [e] = await tx
        .select({ detail: caseEvents.detail })
        .from(caseEvents)
        .where(and(eventsOfCase(c), eq(caseEvents.action, action)))
        .orderBy(desc(caseEvents.id))
        .limit(1);
      return (e?.detail ?? undefined) as Record<string, unknown> | undefined;
    },
    async visibleCaseForUpdate(id) {
      const [other] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
      return other && casePolicy.read(actor, other) ? other : undefined;
    },
    inActorSubtree: (code) => inSubtree(actor, code),
  };
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
  const { action, lateReason: rawLateReason, ...raw } = input;
  if (!isActionName(action)) throw badRequest('unknown_action', `未知的办理操作「${action}」`, 'action');
  const def = actionDef(action);

  return runCommand(ctx, async (w) => {
    const { tx } = w;
    const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    const row = c as CaseRow;
    const now = new Date();
    const blocker = blockerOf(actor, row, def, now);
    if (blocker) throw blocker();
    // The payload is checked after the right to act, so a refusal never depends on it.
    const parsed = def.payload.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest('invalid_request', issue?.message ?? '参数不正确', issue?.path.join('.') || undefined);
    }
    const payload = parsed.data;
    // A duty discharged past its due is still discharged, recorded late with its reason (lateness.ts).
    const late = lateRecord(latenessOf(def, row.clocks, now), rawLateReason, def.label);

    const lookup = new UnitLookup(ctx.db);
    const limits = await cachedLimitsFor(ctx.db, tx, row.jurisdictionCode);
    const actorUnit = await lookup.unit(tx, actor.unitId);
    const ports = portsFor(tx, lookup, actor, row);
    const effect = await def.effect({ payload, c: row, actor, actorUnit, limits, now, ports });
    const t = applyTransition(def, row, effect, { now, limits, actorUnitKind: actorUnit?.kind });
    if (late) t.detail.late = late;

    const [after] = await tx
      .update(cases)
      .set({
        ...t.patch,
        state: t.state,
        clocks: t.clocks,
        dueAt: t.dueAt,
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
        action: def.records ?? action,
        fromState: row.state,
        toState: t.state,
        actorUserId: actor.queryCodeCaseId !== undefined ? null : actor.userId, // no account
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        detail: t.detail,
        public: isPublicEvent(def, payload),
      })
      .returning({ id: caseEvents.id });
    const eventId = event?.id ?? 0;

    // The written notice exists iff its action committed: rendered from data in this transaction.
    let documentId: number | undefined;
    const contact = def.document || def.sms ? await petitionerContact(ctx, tx, row.id) : null;
    const outcome = contact && {
      payload,
      c: after as CaseRow & { clocks: Clocks },
      effect: { ...effect, detail: t.detail },
      actorUnit,
      petitionerName: contact.name,
      now,
      ports,
    };
    if (def.document && outcome) {
      const base = {
        issuingBody: actorUnit?.name ?? '信访部门',
        caseNumber: row.caseNumber,
        issuedAt: now,
        petitionerName: outcome.petitionerName,
        receivedAt: row.receivedAt,
        subject: row.subject,
      };
      const data = await def.document.data(outcome, base);
      documentId = (
        await storeDocument(tx, ctx.pii, { caseId: row.id, eventId, kind: def.document.kind, data })
      ).id;
    }
    await w.publish('case.acted', {
      actor,
      action,
      before: row,
      after,
      detail: t.detail,
      eventId,
      linkedCase: effect.linkedCase as CaseRow | undefined,
      notice:
        def.sms && outcome
          ? { stage: def.sms.stage, values: def.sms.values?.(outcome) ?? {}, phone: contact?.phone }
          : undefined,
      auditSummary: effect.auditSummary,
      at: now,
    });
    return { caseId: row.id, state: t.state, eventId, documentId, row: after };
  });
}
