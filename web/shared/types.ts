// Shapes of the API's answers used by the web apps (see /api/openapi.json). Types only: the
// tests import them under the root tsconfig, which has no DOM lib.

export interface Me {
  id: number;
  role: string;
  roleName: string;
  displayName: string;
  unit: { id: number; name: string; kind: 'bureau' | 'department' } | null;
  jurisdiction: { code: string; name: string; scopePrefix: string } | null;
  /** After an administrator's password reset: only the change form until it is changed. */
  mustChangePassword?: boolean;
}

export interface Jurisdiction {
  code: string;
  name: string;
  fullName: string;
  level: number;
  parentCode: string | null;
  childCount: number;
}

export interface CaseSummary {
  id: number;
  caseNumber: string;
  state: string;
  stateName: string;
  form: string;
  formName: string;
  purpose: string;
  subject: string;
  jurisdictionCode: string;
  /** 问题属地名称 (null only for a code missing from the jurisdiction table). */
  jurisdictionName: string | null;
  currentUnitId: number | null;
  receivedAt: string;
  dueAt: string | null;
  daysRemaining: number | null;
  dueFlag: string | null;
  flags: {
    firstTime: boolean;
    repeatCount: number;
    isGroup: boolean;
    skippedLevel: boolean;
    backlog: boolean;
    supervised: boolean;
    /** 匿名信访 (src/domain/anonymity.ts). */
    anonymous?: boolean;
  };
  /** With `q`: the matched passage, escaped, marked with <mark> (render with shared/Highlight.tsx). */
  highlight?: string;
}

export interface TimelineItem {
  at: string;
  action: string;
  label: string;
  fromState: string | null;
  toState: string | null;
  actorRole: string | null;
  /** The staff member who acted (staff views only; null for the petitioner). */
  actorName?: string | null;
  detail: Record<string, unknown>;
  /** The recorded fields in words, as staff read them (src/domain/lifecycle/timeline.ts). */
  lines: { key: string; label: string; value: string }[];
}

export interface Deadline {
  name: string;
  label: string;
  due: string;
  dueDate: string;
  running: boolean;
  explanation: string;
  /** For staff only (null for the petitioner): e.g. the holiday data does not cover the period. */
  staffNote: string | null;
  extendedBy: number;
}

/** What `POST /api/v1/cases/{id}/actions` answers: the detail without `related` (keep the list you have). */
export type ActionAnswer<D extends { related: unknown } = CaseDetail> = Omit<D, 'related'>;

export interface CaseDetail extends CaseSummary {
  purposeName: string;
  content: string;
  peopleCount: number;
  outcome: string | null;
  units: Record<string, { id: number; name: string } | null>;
  deadlines: Deadline[];
  evaluation: { status: string | null; bureauRating: string | null; unitRating: string | null };
  timeline: TimelineItem[];
  documents: { id: number; kind: string; title: string; filename: string; sha256: string }[];
  availableActions: AvailableAction[];
  /** Limits of the case's jurisdiction the action forms use (e.g. the longest extension). */
  limits: { maxExtensionDays: number };
  /** Possible duplicates and repeats (重复信访): same petitioner or similar content, with why. */
  related: RelatedCase[];
}

export interface RelatedCase {
  caseId: number;
  caseNumber: string;
  subject: string;
  state: string;
  receivedAt: string;
  score: number;
  reasons: string[];
  reasonText: string;
}

export interface PublicCase {
  caseNumber: string;
  state: string;
  stateName: string;
  subject: string;
  receivedAt: string;
  unit: string | null;
  steps: { at: string; label: string; unit: string | null }[];
  reply: { outcome: string | null; text: string; at: string } | null;
  /** pending / rated / expired (null before the answer is delivered). */
  evaluation: { status: string | null; rated: boolean };
  /** What the holder of the query code may do now (评价, 申请复查, 申请复核). */
  availableActions: { action: string; label: string }[];
}

/** An action the caller may take now; `late` when it would discharge a duty past its due (逾期原因 asked). */
export interface AvailableAction {
  action: string;
  label: string;
  late?: { clock: string; clockName: string; due: string; daysLate: number };
}
