// Shapes of /api/v1/backlog answers used by the console's 积案 pages.

export interface RateRow {
  code: string;
  name: string;
  identified: number;
  resolved: number;
  open: number;
  rate: number | null;
}

export interface LedgerRow {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  place: string;
  levelName: string | null;
  responsibleUnit: string | null;
  leaders: string[];
  status: string;
  statusName: string;
  plan: { total: number; done: number; overdue: number; label: string };
  standardsMet: number;
  identifiedAt: string | null;
  deadline: string | null;
  overdue: boolean;
  daysOpen: number | null;
  resolvedAt: string | null;
}

export interface Ledger {
  scope: { code: string; name: string };
  total: RateRow;
  byJurisdiction: RateRow[];
  rows: LedgerRow[];
  truncated: boolean;
}

export interface MatterItem {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  jurisdictionCode: string;
  status: string;
  statusName: string;
  source: 'system' | 'manual';
  ruleHits: { rule: string; label: string }[];
  levelName: string | null;
  deadline: string | null;
  updatedAt: string;
}

export interface MatterDetail extends MatterItem {
  reason: string | null;
  level: string | null;
  responsibleUnit: { id: number; name: string } | null;
  proposingUnit: string | null;
  approvingUnit: string | null;
  proposedBy: string | null;
  identifiedBy: string | null;
  resolvedBy: string | null;
  daysOpen: number | null;
  notes: { action: string; label: string; at: string; by: string; text: string }[];
  plan: {
    status: { total: number; done: number; overdue: number; label: string };
    steps: {
      id: number;
      title: string;
      ownerName: string;
      ownerUnit: string | null;
      dueDate: string;
      doneAt: string | null;
      overdue: boolean;
    }[];
  };
  progress: { id: number; at: string; note: string; by: string | null; stepId: number | null }[];
  standards: {
    key: string;
    name: string;
    hint: string;
    evidence: string | null;
    evidenceBy: string | null;
    signedBy: string | null;
    signedAt: string | null;
    met: boolean;
  }[];
  standardsMet: number;
  packages: PackageView[];
  availableActions: { action: string; label: string }[];
}

/** 领导包案 on a matter. */
export interface PackageView {
  id: number;
  leaderUserId: number;
  leader: string;
  unit: string | null;
  levelName: string;
  takenAt: string;
  plan: Record<string, string>;
  records: { id: number; kindName: string; date: string; note: string }[];
}

export const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
