// What the API answers for referrals and member bodies. No personal data: a case is named by its
// number and subject, as in the case lists.

import type { z } from 'zod';
import {
  MEMBER_BODY_DEFS,
  type MemberBody,
  nextReferralStatus,
  REFERRAL_ACTION_NAMES,
  REFERRAL_ACTIONS,
  REFERRAL_RULES,
  REFERRAL_STATUS_NAMES,
  type ReferralStatus,
  type ReferralType,
  referralOverdue,
} from '../domain/linkage/referrals.ts';
import { type Actor, linkagePolicy } from '../policies/linkage.ts';
import type { Member, ReferralItem } from './contract.ts';
import type { MemberRow } from './members.ts';
import type { ReferralListRow } from './queries.ts';

export { Actions, History, Member, ReferralDetail, ReferralItem } from './contract.ts';

export const presentMember = (m: MemberRow): z.infer<typeof Member> => ({
  id: m.id,
  jurisdictionCode: m.jurisdictionCode,
  body: m.body,
  bodyName: MEMBER_BODY_DEFS[m.body as MemberBody]?.short ?? m.body,
  name: m.name,
  unitId: m.unitId,
  liaison: m.liaison,
});

export type ReferralItemView = z.infer<typeof ReferralItem>;

export function presentReferral(x: ReferralListRow, today: string): ReferralItemView {
  const status = x.r.status as ReferralStatus;
  return {
    id: x.r.id,
    caseId: x.r.caseId,
    caseNumber: x.caseNumber,
    subject: x.subject,
    type: x.r.type,
    typeName: REFERRAL_RULES[x.r.type as ReferralType]?.name ?? x.r.type,
    member: x.memberName,
    memberBody: x.memberBody,
    jurisdictionCode: x.r.jurisdictionCode,
    deadline: x.r.deadline,
    status,
    statusName: REFERRAL_STATUS_NAMES[status] ?? status,
    overdue: referralOverdue({ status, deadline: x.r.deadline }, today),
    referredAt: x.r.referredAt.toISOString(),
    feedbackAt: x.r.feedbackAt?.toISOString() ?? null,
    closedAt: x.r.closedAt?.toISOString() ?? null,
  };
}

export function presentReferralDetail(actor: Actor, x: ReferralListRow, today: string) {
  const status = x.r.status as ReferralStatus;
  const ref = { ...x.r, memberUnitId: x.memberUnitId };
  return {
    ...presentReferral(x, today),
    reason: x.r.reason,
    request: x.r.request,
    feedback: x.r.feedback,
    history: x.r.history,
    availableActions: REFERRAL_ACTION_NAMES.filter(
      (a) => nextReferralStatus(a, status) !== null && linkagePolicy.act(actor, ref, a),
    ).map((a) => ({ action: a, label: REFERRAL_ACTIONS[a].label })),
  };
}
