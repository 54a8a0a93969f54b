// What the API answers for 访调对接: a mediation body, a referral (list item and detail with its
// sessions, history, the agreement's link and the actions the caller may take now) and a third
// party's intervention. A case is named by number and subject; session attendees (who may be
// petitioners) are shown in full only to roles that see the matter's parties in full.
import type { z } from 'zod';
import { actionDef } from '../domain/lifecycle/actions.ts';
import { maskName } from '../domain/masking.ts';
import {
  agreementNumber,
  INTERVENTION_NAMES,
  type InterventionKind,
  MEDIATION_KIND_RULES,
  type MediationKind,
  nextReferralStatus,
  REFERRAL_ACTION_NAMES,
  REFERRAL_ACTIONS,
  REFERRAL_STATUS_NAMES,
  type ReferralScope,
  type ReferralStatus,
  referralOverdue,
  SCOPE_NAMES,
  settlesMatter,
} from '../domain/mediation/referrals.ts';
import { casePolicy } from '../policies/index.ts';
import { type Actor, mediationPolicy } from '../policies/mediation.ts';
import { maskPersonal } from '../supervision/letter.ts';
import type { BodyItem, InterventionItem, ReferralDetail, ReferralItem } from './contract.ts';
import type { BodyRow, ReferralDetailData, ReferralListRow } from './queries.ts';

export { BodyItem, InterventionItem, ReferralDetail, ReferralItem } from './contract.ts';

export const presentBody = (b: BodyRow, hostUnit: string | null): z.infer<typeof BodyItem> => ({
  id: b.id,
  kind: b.kind,
  kindName: MEDIATION_KIND_RULES[b.kind as MediationKind]?.name ?? b.kind,
  name: b.name,
  jurisdictionCode: b.jurisdictionCode,
  hostUnitId: b.hostUnitId,
  hostUnit,
  address: b.address,
  phone: b.phone,
  active: b.active,
  deadlineDays: MEDIATION_KIND_RULES[b.kind as MediationKind]?.deadlineDays ?? 30,
});

export type ReferralItemView = z.infer<typeof ReferralItem>;

export function presentReferral(row: ReferralListRow, today: string): ReferralItemView {
  const r = row.r;
  const status = r.status as ReferralStatus;
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: row.caseNumber,
    subject: row.subject,
    bodyId: r.bodyId,
    body: row.body,
    kind: row.bodyKind,
    kindName: MEDIATION_KIND_RULES[row.bodyKind as MediationKind]?.name ?? row.bodyKind,
    scope: r.scope,
    scopeName: SCOPE_NAMES[r.scope as ReferralScope] ?? r.scope,
    part: r.part,
    deadline: r.deadline,
    mediator: r.mediator,
    status,
    statusName: REFERRAL_STATUS_NAMES[status] ?? status,
    overdue: referralOverdue(r, today),
    referringUnit: row.referringUnit,
    referredAt: r.referredAt.toISOString(),
    concludedAt: r.concludedAt?.toISOString() ?? null,
    agreementNumber:
      r.agreementYear !== null && r.agreementSeq !== null
        ? agreementNumber(r.agreementYear, r.agreementSeq)
        : null,
  };
}

export type ReferralDetailView = z.infer<typeof ReferralDetail>;

/** `detail`: from queries.referralDetailOf (attendees decrypted, masked here by casePolicy.viewFullPii). */
export function presentReferralDetail(
  actor: Actor,
  row: ReferralListRow,
  { c, sessions: stored }: ReferralDetailData,
  today: string,
): ReferralDetailView {
  const r = row.r;
  const item = presentReferral(row, today);
  const full = c !== undefined && casePolicy.viewFullPii(actor, c);
  const sessions = stored.map(({ s, recordedBy, attendees }) => {
    const names = attendees.map((a) => a.name);
    return {
      id: s.id,
      date: s.date,
      place: s.place,
      attendees: full ? attendees : attendees.map((a) => ({ name: maskName(a.name), role: a.role })),
      notes: full ? s.notes : maskPersonal(s.notes, names),
      recordedBy,
    };
  });
  const status = r.status as ReferralStatus;
  // 据协议办结 is the lifecycle action 调解和解: offered to whoever may take it on the matter now.
  const settle = actionDef('settle');
  const canSettle =
    c !== undefined &&
    (settle.from as readonly string[]).includes(c.state) &&
    casePolicy.act(actor, c, settle);
  return {
    ...item,
    reason: r.reason,
    outcomeNote: r.outcomeNote,
    agreementTerms: r.agreementTerms,
    agreementUrl: item.agreementNumber ? `/api/v1/mediation/referrals/${r.id}/agreement.docx` : null,
    settledEventId: r.settledEventId,
    sessions,
    history: r.history,
    availableActions: REFERRAL_ACTION_NAMES.filter(
      (a) =>
        nextReferralStatus(a, status) !== null &&
        mediationPolicy.act(actor, r, a) &&
        (a !== 'settle_case' || (settlesMatter(r.scope as ReferralScope) && canSettle)),
    ).map((a) => ({ action: a, label: REFERRAL_ACTIONS[a].label })),
  };
}

export function presentIntervention(row: {
  i: {
    id: number;
    kind: string;
    provider: string;
    organization: string | null;
    date: string;
    activity: string;
    result: string;
  };
  recordedBy: string | null;
  unit: string | null;
}): z.infer<typeof InterventionItem> {
  const i = row.i;
  return {
    id: i.id,
    kind: i.kind,
    kindName: INTERVENTION_NAMES[i.kind as InterventionKind] ?? i.kind,
    provider: i.provider,
    organization: i.organization,
    date: i.date,
    activity: i.activity,
    result: i.result,
    recordedBy: row.recordedBy,
    unit: row.unit,
  };
}
