// What /api/v1/mediation answers (src/mediation/presenters.ts).
export interface BodyItem {
  id: number;
  kind: string;
  kindName: string;
  name: string;
  jurisdictionCode: string;
  hostUnit: string | null;
  address: string | null;
  phone: string | null;
  active: boolean;
  deadlineDays: number;
}

export interface ReferralItem {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  bodyId: number;
  body: string;
  kindName: string;
  scope: string;
  scopeName: string;
  part: string | null;
  deadline: string;
  mediator: string | null;
  status: string;
  statusName: string;
  overdue: boolean;
  referringUnit: string;
  referredAt: string;
  concludedAt: string | null;
  agreementNumber: string | null;
}

export interface ReferralDetail extends ReferralItem {
  reason: string;
  outcomeNote: string | null;
  agreementTerms: string | null;
  agreementUrl: string | null;
  sessions: {
    id: number;
    date: string;
    place: string;
    attendees: { name: string; role: string }[];
    notes: string;
    recordedBy: string | null;
  }[];
  history: { step: string; label: string; at: string; by: string | null; text: string }[];
  availableActions: { action: string; label: string }[];
}

export interface InterventionItem {
  id: number;
  kindName: string;
  provider: string;
  organization: string | null;
  date: string;
  activity: string;
  result: string;
  recordedBy: string | null;
  unit: string | null;
}

export interface CountRow {
  referrals: number;
  ongoing: number;
  agreements: number;
  failed: number;
  settled: number;
  agreementRate: number | null;
}

export const STATUS_COLORS: Record<string, string> = {
  referred: 'processing',
  agreement: 'green',
  no_agreement: 'orange',
  settled: 'success',
  withdrawn: 'default',
};
