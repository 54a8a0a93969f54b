// The shapes of /api/v1/assessment (src/assessment/presenters.ts).
export interface ItemResult {
  key: string;
  label: string;
  kind: 'rate' | 'per_case';
  points: number;
  value: number | null;
  available: boolean;
  earned: number;
  deduction: number;
  drill: string | null;
}

export interface ScoreRow {
  code: string;
  name: string;
  unitId: number | null;
  score: number | null;
  rank: number | null;
  earned: number;
  available: number;
  coverage: number;
  total: number;
  items: ItemResult[];
}

export interface Scorecard {
  period: { period: string; label: string; from: string; to: string; months: number };
  scope: { code: string; name: string; level: number };
  by: 'jurisdiction' | 'unit';
  scheme: { year: number; level: string; source: string; maxPoints: number; note: string | null };
  rows: ScoreRow[];
}

export interface Letter {
  id: number;
  year: number;
  jurisdictionCode: string;
  jurisdictionName: string;
  issuerCode: string;
  title: string;
  body: string;
  targets: { text: string }[];
  signatories: { side: string; name: string; post: string }[];
  status: string;
  statusName: string;
  signedOn: string | null;
}

export interface AccRecord {
  id: number;
  kind: string;
  kindName: string;
  status: string;
  statusName: string;
  number: string | null;
  unitId: number;
  unit: string;
  issuer: string;
  title: string;
  facts: string;
  decidedOn: string;
  person: string | null;
  interviewer: string | null;
  commitments: string | null;
  followUpOn: string | null;
  followUpResult: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  measures: string | null;
  form: string | null;
  decision: string | null;
  followUp: { action: 'follow_up' | 'lift'; name: string } | null;
}

export interface RecordDetail extends AccRecord {
  cases: { id: number; caseNumber: string; subject: string; state: string }[];
  orders: { id: number; number: string | null; typeName: string; unit: string; statusName: string }[];
}

export const KIND_COLORS: Record<string, string> = {
  notice: 'orange',
  interview: 'blue',
  special_management: 'purple',
  accountability: 'red',
};

export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
