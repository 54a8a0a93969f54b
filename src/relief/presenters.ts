// What the API answers for 信访救助 applications: the applicant masked in lists, and in the detail
// unless the caller verifies applicants (reliefPolicy.viewApplicant; that read is audited), the approval chain (levels done and awaited), payments,
// the matter's closure condition and what it still waits on, and the actions the caller may take.
import type { z } from 'zod';
import {
  approvalChain,
  closureBlockers,
  RELIEF_ACTION_NAMES,
  RELIEF_ACTIONS,
  RELIEF_CLOSURE_CONDITION,
  RELIEF_LEVEL_NAMES,
  RELIEF_STATUS_NAMES,
  type ReliefLevel,
  type ReliefStatus,
  reliefActionAllowed,
  yuan,
} from '../domain/linkage/relief.ts';
import { maskIdNumber, maskName } from '../domain/masking.ts';
import { type Actor, reliefPolicy } from '../policies/linkage.ts';
import type { Approval, Payment } from './commands.ts';
import { firstLevel } from './commands.ts';
import type { Application } from './contract.ts';
import type { ApplicationListRow } from './queries.ts';

export { Application } from './contract.ts';

/** Pure: the applicant arrives decrypted from queries.listApplications. */
export function presentApplication(
  actor: Actor,
  x: ApplicationListRow,
  /** Lists always mask; the detail shows the applicant in full to those who verify applicants. */
  opts: { detail: boolean },
): z.infer<typeof Application> {
  const a = x.a;
  const status = a.status as ReliefStatus;
  const full = opts.detail && reliefPolicy.viewApplicant(actor, a);
  const { name, idNumber } = x.applicant;
  const start = firstLevel(a.jurisdictionCode);
  const chain = approvalChain(a.approvedFen ?? a.requestedFen).filter((l) => l <= start);
  if (!chain.length) chain.push(start);
  const blockers = closureBlockers({
    status,
    approvedFen: a.approvedFen,
    paidFen: a.paidFen,
    undertakingSigned: a.undertakingSigned,
  });
  return {
    id: a.id,
    caseId: a.caseId,
    caseNumber: x.caseNumber,
    subject: x.subject,
    jurisdictionCode: a.jurisdictionCode,
    applicantName: full ? name : maskName(name),
    applicantIdNumber: idNumber === null ? null : full ? idNumber : maskIdNumber(idNumber),
    reason: a.reason,
    requestedFen: a.requestedFen,
    requestedYuan: yuan(a.requestedFen),
    approvedFen: a.approvedFen,
    paidFen: a.paidFen,
    status,
    statusName: RELIEF_STATUS_NAMES[status] ?? status,
    pendingLevel: a.pendingLevel,
    pendingLevelName: a.pendingLevel ? RELIEF_LEVEL_NAMES[a.pendingLevel as ReliefLevel] : null,
    chain: chain.map((l) => ({ level: l, name: RELIEF_LEVEL_NAMES[l] })),
    approvals: a.approvals as Approval[],
    payments: a.payments as Payment[],
    closure: {
      condition: RELIEF_CLOSURE_CONDITION,
      met: status === 'closed',
      waitingOn: status === 'closed' ? [] : blockers,
    },
    appliedAt: a.appliedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    closedAt: a.closedAt?.toISOString() ?? null,
    availableActions: RELIEF_ACTION_NAMES.filter(
      (act) => reliefActionAllowed(act, status) && reliefPolicy.act(actor, a, act),
    ).map((act) => ({ action: act, label: RELIEF_ACTIONS[act].label })),
  };
}
