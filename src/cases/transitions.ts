// What each action changes beyond state and clocks: units, outcome, flags, the timeline detail,
// and the data of its document and SMS. The generic part is in engine.ts.
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseEvents, type cases } from '../db/schema.ts';
import type { DocumentData } from '../documents/index.ts';
import type { ActionName, DocumentKind, SmsStage } from '../domain/lifecycle/actions.ts';
import type { Limits } from '../domain/lifecycle/limits.ts';
import {
  type CaseState,
  LEGAL_CHANNELS,
  NON_ACCEPTANCE_REASONS,
  type NonAcceptanceReason,
  OUTCOME_NAMES,
  RATING_NAMES,
  REVIEW_OUTCOME_NAMES,
} from '../domain/lifecycle/vocabulary.ts';
import { linkRepeatEffects } from '../duplicates/links.ts';
import { badRequest, conflict } from '../errors.ts';
import { type Actor, inSubtree } from '../policies/index.ts';
import { type Clocks, extendClock } from './clocks.ts';
import type { CaseRow, UnitLookup, UnitRow } from './units.ts';

export interface Effects {
  patch: Partial<typeof cases.$inferInsert>;
  detail: Record<string, unknown>;
  clocks?: Clocks;
  state?: CaseState;
  auditSummary?: Record<string, unknown>;
  targetUnit?: UnitRow;
  extension?: { days: number; reason: string; newDue: string };
}

interface Input {
  action: ActionName;
  payload: Record<string, unknown>;
  c: CaseRow;
  actor: Actor;
  actorUnit: UnitRow | undefined;
  limits: Limits;
  now: Date;
  /** Cached unit and jurisdiction lookups (units.ts). */
  units: UnitLookup;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function specificEffects(tx: Executor, i: Input): Promise<Effects> {
  const { payload: p, c, now } = i;
  const closed = { closedAt: now, currentUnitId: null };
  switch (i.action) {
    case 'forward': {
      const target = await i.units.unit(tx, p.targetUnitId as number);
      if (!target) throw badRequest('unknown_unit', '转送的单位不存在', 'targetUnitId');
      if (target.id === c.currentUnitId) throw badRequest('same_unit', '不能转送给本单位', 'targetUnitId');
      return {
        patch: {
          currentUnitId: target.id,
          bureauUnitId: target.kind === 'bureau' ? target.id : c.bureauUnitId,
        },
        detail: {
          targetUnitId: target.id,
          targetUnit: target.name,
          note: p.note,
          fromUnitId: c.currentUnitId,
        },
        targetUnit: target,
      };
    }
    case 'accept':
      return {
        patch: {
          acceptedAt: now,
          currentUnitId: i.actorUnit?.id,
          assignedUnitId: i.actorUnit?.kind === 'department' ? i.actorUnit.id : c.assignedUnitId,
        },
        detail: { unit: i.actorUnit?.name, note: p.note },
      };
    case 'not_accept': {
      const reason = NON_ACCEPTANCE_REASONS[p.reasonCode as NonAcceptanceReason];
      return {
        patch: { reasonCode: str(p.reasonCode), ...closed },
        detail: {
          unit: i.actorUnit?.name,
          reasonCode: p.reasonCode,
          reason: reason.name,
          reasonText: p.reasonText,
          competentBody: p.competentBody,
        },
      };
    }
    case 'refer_channel':
      return {
        patch: { reasonCode: 'LEGAL_CHANNEL', outcome: `channel:${str(p.channel)}`, ...closed },
        detail: {
          channel: p.channel,
          channelName: LEGAL_CHANNELS[p.channel as keyof typeof LEGAL_CHANNELS],
          competentBody: p.competentBody,
          reasonText: p.reasonText,
        },
      };
    case 'assign': {
      const target = await i.units.unit(tx, p.targetUnitId as number);
      if (!target) throw badRequest('unknown_unit', '交办的单位不存在', 'targetUnitId');
      if (target.id === i.actor.unitId) throw badRequest('same_unit', '不能交办给本单位', 'targetUnitId');
      if (!inSubtree(i.actor, target.jurisdictionCode)) {
        throw badRequest('unit_out_of_scope', '只能交办给本辖区的单位', 'targetUnitId');
      }
      return {
        patch: { currentUnitId: target.id, assignedUnitId: target.id },
        detail: { targetUnitId: target.id, targetUnit: target.name, instructions: p.instructions },
        targetUnit: target,
      };
    }
    case 'object': {
      // Returned to whoever sent it: the bureau in charge (assignment) or the forwarding unit.
      const lastForward =
        c.state === 'forwarded'
          ? (
              await tx
                .select({ detail: caseEvents.detail })
                .from(caseEvents)
                .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, 'forward')))
                .orderBy(desc(caseEvents.id))
                .limit(1)
            )[0]
          : undefined;
      const back =
        c.state === 'forwarded'
          ? ((lastForward?.detail as { fromUnitId?: number } | undefined)?.fromUnitId ?? c.registeringUnitId)
          : c.bureauUnitId;
      return {
        patch: {
          currentUnitId: back,
          assignedUnitId: c.state === 'handling' ? null : c.assignedUnitId,
          bureauUnitId: c.state === 'forwarded' ? back : c.bureauUnitId,
        },
        state: c.state === 'forwarded' ? 'registered' : 'accepted',
        detail: { reason: p.reason, unit: i.actorUnit?.name },
      };
    }
    case 'add_progress':
      return { patch: {}, detail: { note: p.note } };
    case 'request_extension': {
      const days = p.days as number;
      if (days > i.limits.maxExtensionDays) {
        throw badRequest('extension_too_long', `延长期限不得超过${i.limits.maxExtensionDays}日`, 'days');
      }
      const already = (c.clocks as Clocks).handling?.extendedBy ?? 0;
      if (already + days > i.limits.maxExtensionDays) {
        throw conflict(
          'extension_exhausted',
          `办理期限累计延长不得超过${i.limits.maxExtensionDays}日，已延长${already}日`,
        );
      }
      return { patch: {}, detail: { days, reason: p.reason } };
    }
    case 'approve_extension': {
      const [req] = await tx
        .select({ detail: caseEvents.detail })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, 'request_extension')))
        .orderBy(desc(caseEvents.id))
        .limit(1);
      const { days = 0, reason = '' } = (req?.detail ?? {}) as { days?: number; reason?: string };
      const handling = (c.clocks as Clocks).handling;
      if (!handling) throw conflict('no_handling_clock', '该事项没有办理期限，无法延期');
      const extended = extendClock(handling, days);
      return {
        patch: {},
        clocks: { handling: extended },
        detail: { days, reason, newDue: extended.due, note: p.note },
        extension: { days, reason, newDue: extended.due },
      };
    }
    case 'reject_extension':
      return { patch: {}, detail: { reason: p.reason } };
    case 'settle':
      return {
        patch: { outcome: `settled:${str(p.kind)}`, ...closed },
        detail: { kind: p.kind, agreement: p.agreement },
      };
    case 'reply':
      return {
        patch: { outcome: str(p.outcome) },
        detail: {
          outcome: p.outcome,
          outcomeName: OUTCOME_NAMES[p.outcome as keyof typeof OUTCOME_NAMES],
          request: p.request,
          facts: p.facts,
          reasons: p.reasons,
          decision: p.decision,
        },
      };
    case 'deliver':
      return {
        patch: { deliveredAt: now, evaluationStatus: 'pending' },
        detail: { method: p.method, receipt: p.receipt, petitionerView: p.petitionerView },
      };
    case 'rate':
      return {
        patch: {
          bureauRating: str(p.bureauRating),
          unitRating: str(p.unitRating),
          ratedAt: now,
          evaluationStatus: 'rated',
        },
        detail: {
          bureauRating: RATING_NAMES[p.bureauRating as keyof typeof RATING_NAMES],
          unitRating: RATING_NAMES[p.unitRating as keyof typeof RATING_NAMES],
          comment: p.comment,
        },
      };
    case 'request_review':
    case 'request_rereview': {
      const from = await i.units.unit(
        tx,
        i.action === 'request_review' ? (c.assignedUnitId ?? c.bureauUnitId) : c.reviewUnitId,
      );
      const body = from ? await i.units.upperBureau(tx, from) : undefined;
      if (!body) throw conflict('no_review_body', '找不到上一级复查（复核）机关');
      return {
        patch: { reviewUnitId: body.id, currentUnitId: body.id },
        detail: { reason: p.reason, reviewUnit: body.name },
        targetUnit: body,
      };
    }
    case 'decide_review':
    case 'decide_rereview':
      return {
        patch: i.action === 'decide_rereview' ? closed : {},
        detail: {
          outcome: p.outcome,
          outcomeName: REVIEW_OUTCOME_NAMES[p.outcome as keyof typeof REVIEW_OUTCOME_NAMES],
          facts: p.facts,
          reasons: p.reasons,
          decision: p.decision,
        },
      };
    case 'close':
      return { patch: closed, detail: { note: p.note } };
    case 'supervise':
      return { patch: { supervised: true }, detail: { instructions: p.instructions } };
    case 'flag_backlog':
      return { patch: { backlog: true }, detail: { reason: p.reason } };
    case 'link_repeat':
      return linkRepeatEffects(tx, i);
  }
}

export async function documentFor(
  tx: Executor,
  d: {
    kind: DocumentKind;
    c: CaseRow;
    actorUnit: UnitRow | undefined;
    payload: Record<string, unknown>;
    contact: { name: string };
    now: Date;
    effects: Effects;
    units: UnitLookup;
  },
): Promise<DocumentData> {
  const { c, payload: p, effects: e } = d;
  const issuingBody = d.actorUnit?.name ?? '信访部门';
  const base: DocumentData = {
    issuingBody,
    caseNumber: c.caseNumber,
    issuedAt: d.now,
    petitionerName: d.contact.name,
    receivedAt: c.receivedAt,
    subject: c.subject,
  };
  const clocks = c.clocks as Clocks;
  switch (d.kind) {
    case 'non_acceptance_notice': {
      if (p.channel) {
        return {
          ...base,
          reasonCode: 'LEGAL_CHANNEL',
          reasonText: `${str(p.reasonText)}（法定途径：${LEGAL_CHANNELS[p.channel as keyof typeof LEGAL_CHANNELS]}）`,
          competentBody: str(p.competentBody),
        };
      }
      const reason = NON_ACCEPTANCE_REASONS[p.reasonCode as NonAcceptanceReason];
      return {
        ...base,
        reasonCode: str(p.reasonCode),
        reasonText: str(p.reasonText) || reason.name,
        competentBody: str(p.competentBody) || undefined,
        legalBasis: [reason.basis],
        final: reason.final,
      };
    }
    case 'forward_letter':
    case 'assignment_order':
      return {
        ...base,
        targetUnit: e.targetUnit?.name,
        dueDate: clocks.handling ? new Date(clocks.handling.due) : undefined,
        decision: str(p.instructions || p.note) || undefined,
      };
    case 'extension_notice':
      return {
        ...base,
        extensionReason: e.extension?.reason,
        newDueDate: e.extension ? new Date(e.extension.newDue) : undefined,
      };
    case 'handling_opinion': {
      const review = d.actorUnit ? await d.units.upperBureau(tx, d.actorUnit) : undefined;
      return {
        ...base,
        request: str(p.request),
        facts: str(p.facts),
        reasons: str(p.reasons),
        decision: str(p.decision),
        outcome: OUTCOME_NAMES[p.outcome as keyof typeof OUTCOME_NAMES],
        reviewBody: review?.name,
      };
    }
    case 'review_opinion':
    case 'rereview_opinion': {
      const next =
        d.kind === 'review_opinion' && d.actorUnit ? await d.units.upperBureau(tx, d.actorUnit) : undefined;
      const requested = clocks[d.kind === 'review_opinion' ? 'review' : 'rereview']?.trigger;
      const prior = await d.units.unit(
        tx,
        d.kind === 'review_opinion' ? (c.assignedUnitId ?? c.bureauUnitId) : undefined,
      );
      return {
        ...base,
        receivedAt: requested ? new Date(requested) : base.receivedAt,
        originalBody: prior?.name,
        facts: str(p.facts),
        reasons: str(p.reasons),
        decision: str(p.decision) || undefined,
        outcome: REVIEW_OUTCOME_NAMES[p.outcome as keyof typeof REVIEW_OUTCOME_NAMES],
        reviewBody: next?.name,
        final: d.kind === 'rereview_opinion',
      };
    }
    default:
      return base;
  }
}

export function smsFor(
  stage: SmsStage,
  d: { c: CaseRow; effects: Effects; payload: Record<string, unknown> },
): Record<string, string> {
  const e = d.effects;
  switch (stage) {
    case 'forwarded':
    case 'handling':
      return { unit: e.targetUnit?.name ?? '' };
    case 'accepted':
      return { unit: str(e.detail.unit) };
    case 'not_accepted':
      return { unit: str(e.detail.unit), reason: str(e.detail.reason) };
    case 'channelled':
      return { unit: str(d.payload.competentBody), reason: str(e.detail.channelName) };
    case 'extended':
      return { reason: e.extension?.reason ?? '', date: (e.extension?.newDue ?? '').slice(0, 10) };
    default:
      return {};
  }
}
