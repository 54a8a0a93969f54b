// What happens to a case, as published inside the transaction that made it happen. Subscribers
// (src/subscribers.ts lists them) keep search, duplicates, warnings, notices, rollups and audit in
// step; the case engine knows none of them.
import type { ActionName } from '../domain/lifecycle/actions.ts';
import type { SmsStage } from '../domain/lifecycle/define.ts';
import type { Actor } from '../policies/index.ts';
import type { IntakeInput } from './intake.ts';
import type { CaseRow, JurisdictionRow, UnitRow } from './units.ts';

/** A new matter was registered (登记), or refused again at once (不再受理). */
export interface CaseRegistered {
  actor: Actor;
  case: CaseRow;
  input: IntakeInput;
  place: JurisdictionRow;
  registering: UnitRow;
  /** The petitioner's mobile (decrypted, for the notice; never stored in an event or log). */
  phone?: string;
  /** The query code, shown once and sent by SMS. */
  queryCode: string;
  /** The earlier matter of the same petitioner this one repeats (closed or final). */
  repeatOf?: { id: number; caseNumber: string; state: string };
  eventId: number;
  /** Refused again at once (不再受理): its event and the SMS values of the not_accepted notice. */
  refusal?: { eventId: number; values: Record<string, string> };
  at: Date;
}

/** A repeat petition on an open matter was linked to it at intake (Art 19): no new matter. */
export interface RepeatReceived {
  actor: Actor;
  before: CaseRow;
  after: CaseRow;
  input: IntakeInput;
  place: JurisdictionRow;
  registering: UnitRow;
  receivedAt: Date;
  at: Date;
}

/** A lifecycle action was taken on a case (by a person or by the platform). */
export interface CaseActed {
  actor: Actor | null;
  action: ActionName | 'close' | 'deadline';
  before: CaseRow;
  after: CaseRow;
  detail: Record<string, unknown>;
  eventId: number;
  /** The case this action links to (the open matter of a repeat), locked in this transaction. */
  linkedCase?: CaseRow;
  /** The SMS stage and its values when the action notifies the petitioner. */
  notice?: { stage: SmsStage; values: Record<string, string>; phone?: string };
  auditSummary?: Record<string, unknown>;
  at: Date;
}

/** The daily sweep changed a batch of cases (flags, lapsed evaluations, closing by lapse). */
export interface CasesSwept {
  changes: { before: CaseRow; after: CaseRow }[];
  /** Case ids by kind of change. */
  touched: Record<'near' | 'overdue' | 'evaluationExpired' | 'autoClosed', number[]>;
  at: Date;
}

export interface CaseEvents {
  'case.registered': CaseRegistered;
  'case.repeat_received': RepeatReceived;
  'case.acted': CaseActed;
  'cases.swept': CasesSwept;
}
