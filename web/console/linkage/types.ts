// What /api/v1/linkage, /api/v1/relief and /api/v1/sanwu answer (src/linkage/presenters.ts,
// src/linkage/cooperation.ts, src/relief/presenters.ts, src/sanwu/presenters.ts).

export interface HistoryEntry {
  step: string;
  label: string;
  at: string;
  by: string | null;
  text: string;
}
export interface ActionRef {
  action: string;
  label: string;
}

export interface Member {
  id: number;
  jurisdictionCode: string;
  body: string;
  bodyName: string;
  name: string;
  unitId: number | null;
  liaison: string | null;
}

export interface ReferralItem {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  type: string;
  typeName: string;
  member: string;
  memberBody: string;
  deadline: string;
  status: string;
  statusName: string;
  overdue: boolean;
  referredAt: string;
  feedbackAt: string | null;
  closedAt: string | null;
}
export interface ReferralDetail extends ReferralItem {
  reason: string;
  request: string;
  feedback: string | null;
  history: HistoryEntry[];
  availableActions: ActionRef[];
}

export interface Cooperation {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  counterpartProvinceName: string;
  counterpartBureau: string;
  matter: string;
  status: string;
  statusName: string;
  outcomeName: string | null;
  outcomeNote: string | null;
  letters: {
    date: string;
    direction: string;
    directionName: string;
    reference: string | null;
    summary: string;
    recordedBy: string | null;
  }[];
  openedAt: string;
  canAct: boolean;
}

export interface ReliefApplication {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  applicantName: string;
  applicantIdNumber: string | null;
  reason: string;
  requestedFen: number;
  approvedFen: number | null;
  paidFen: number;
  status: string;
  statusName: string;
  pendingLevel: number | null;
  pendingLevelName: string | null;
  chain: { level: number; name: string }[];
  approvals: {
    level: number;
    levelName: string;
    unit: string | null;
    by: string;
    decision: string;
    amountFen: number | null;
    opinion: string;
    at: string;
  }[];
  payments: {
    date: string;
    amountFen: number;
    payer: string;
    method: string;
    voucher: string;
    recordedBy: string;
  }[];
  closure: { condition: string; met: boolean; waitingOn: string[] };
  appliedAt: string;
  availableActions: ActionRef[];
}

export interface SanwuEvaluation {
  id: number | null;
  jurisdictionCode: string;
  name: string;
  year: number;
  status: string;
  statusName: string;
  result: string | null;
  resultName: string | null;
  opinion: string | null;
  evidence: {
    key: string;
    name: string;
    evidence: string;
    count: number | null;
    caseIds: number[];
    met: boolean | null;
    note: string | null;
  }[];
  canEvaluate: boolean;
  canDecide: boolean;
}

export const REFERRAL_STATUS_COLORS: Record<string, string> = {
  referred: 'processing',
  fed_back: 'gold',
  closed: 'green',
};
export const RELIEF_STATUS_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'gold',
  rejected: 'default',
  paid: 'cyan',
  closed: 'green',
};
