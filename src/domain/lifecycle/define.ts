// What one lifecycle action is: the whole of it in one definition (src/domain/lifecycle/actions/),
// so that adding an action is adding one file and the compiler asks for every piece. The engine
// (src/cases/engine.ts), the API's `availableActions`, the console's action forms, the petitioner's
// timeline, the public query and docs/lifecycle.md all read these definitions.
//
// Effects are pure: what they need beyond the case and the payload (a unit, the bureau above, the
// last event of a kind, another case) they ask of `ports`, which the engine answers from the
// database. So the definitions stay free of I/O and load in the browser too.
import type { z } from 'zod';
import type { DocumentData, DocumentKind } from '../../documents/types.ts';
import type { Role } from '../roles.ts';
import type { Clocks } from './clockTypes.ts';
import type { ClockName, Limits } from './limits.ts';
import type { CaseForm, CaseState } from './vocabulary.ts';

export type { DocumentKind };

/** Whose turn it is, beyond the role. */
export type Who =
  | 'holder' // staff of the unit currently holding the matter (current unit)
  | 'bureau' // staff of the petition bureau in charge (second signature, closing)
  | 'petitioner' // the petitioner (online, or with the query code), or the bureau in charge recording for them
  | 'in_scope' // staff of the role who can see the matter (supervision)
  | 'system'; // the platform itself (timers), never a person

/** SMS stages (短信节点); texts are templates in notices.ts, editable per installation. */
export type SmsStage =
  | 'registered'
  | 'accepted'
  | 'handling'
  | 'result'
  | 'not_accepted'
  | 'forwarded'
  | 'extended'
  | 'review_decided'
  | 'rereview_decided'
  | 'channelled';

/** The case as an action sees it (a stored case row has all of these). */
export interface CaseFacts {
  id: number;
  caseNumber: string;
  state: string;
  form: string;
  subject: string;
  jurisdictionCode: string;
  receivedAt: Date;
  currentUnitId: number | null;
  bureauUnitId: number | null;
  registeringUnitId: number | null;
  assignedUnitId: number | null;
  reviewUnitId: number | null;
  ratedAt: Date | null;
  evaluationStatus: string | null;
  clocks: Clocks;
  version: number;
  /** 匿名信访 (src/domain/anonymity.ts): nobody to notify or to rate. */
  anonymous?: boolean;
}

/** A unit (单位) as actions see it. */
export interface UnitFacts {
  id: number;
  name: string;
  kind: string;
  jurisdictionCode: string;
}

/** The columns an action may change besides state, clocks and bookkeeping. */
export interface CasePatch {
  currentUnitId?: number | null;
  bureauUnitId?: number | null;
  assignedUnitId?: number | null;
  reviewUnitId?: number | null;
  /** 会办单位 (assign_cohandling). */
  coUnitIds?: number[];
  acceptedAt?: Date | null;
  deliveredAt?: Date | null;
  closedAt?: Date | null;
  outcome?: string | null;
  reasonCode?: string | null;
  evaluationStatus?: string | null;
  bureauRating?: string | null;
  unitRating?: string | null;
  ratedAt?: Date | null;
  supervised?: boolean;
  backlog?: boolean;
  firstTime?: boolean;
}

/** What an effect may ask beyond the case: answered by the engine from the database. */
export interface ActionPorts {
  unit(id: number | null | undefined): Promise<UnitFacts | undefined>;
  /** The petition bureau one level above a unit (复查/复核机关). */
  upperBureau(unit: UnitFacts): Promise<UnitFacts | undefined>;
  /** The detail of this case's latest event of an action. */
  lastEventDetail(action: string): Promise<Record<string, unknown> | undefined>;
  /** Another case, locked until commit, if the actor may see it (else undefined, as if missing). */
  visibleCaseForUpdate(id: number): Promise<CaseFacts | undefined>;
  /** Whether a jurisdiction code is within the actor's own subtree. */
  inActorSubtree(code: string): boolean;
}

export interface EffectInput<P> {
  payload: P;
  c: CaseFacts;
  actor: { userId: number | null; role: Role | 'system'; unitId: number | null; queryCodeCaseId?: number };
  actorUnit: UnitFacts | undefined;
  limits: Limits;
  now: Date;
  ports: ActionPorts;
}

export interface EffectResult<D> {
  patch: CasePatch;
  /** The timeline event's detail: typed per action, stored as JSON. */
  detail: D;
  /** Next state when it depends on the case (else the definition's `to`). */
  state?: CaseState;
  /** The clocks started when they depend on the case or payload (else the definition's `starts`). */
  starts?: readonly ClockName[];
  /** Calendar days added to the handling clock (approved extension, Art 34). */
  extendHandlingBy?: number;
  /** A running clock paused (a hearing begins) or resumed (its record is made; the days are added). */
  pause?: ClockName;
  resume?: ClockName;
  /** The unit the matter goes to (转送、交办、复查机关): named in the document and the SMS. */
  targetUnit?: UnitFacts;
  /** Other cases this action links to (the repeat's open matter): subscribers write their side. */
  linkedCase?: CaseFacts;
  auditSummary?: Record<string, unknown>;
}

/** The case after the action, for documents and SMS. */
export interface Outcome<P, D> {
  payload: P;
  /** The case as the action left it (patch and clocks applied). */
  c: CaseFacts & { clocks: Clocks };
  effect: EffectResult<D>;
  actorUnit: UnitFacts | undefined;
  petitionerName: string;
  now: Date;
  ports: ActionPorts;
}

/**
 * A sentence of the petitioner's timeline: an i18n key (the Chinese text itself) and its values, or
 * text someone wrote (a note, a reason, a decision), shown as written.
 */
export type Phrase = { key: string; values?: Record<string, string | number> } | { literal: string };

/** One field of the action's form in the console (the payload schema checks it again). */
export interface FormField {
  name: string;
  label: string;
  kind:
    | 'text'
    | 'textarea'
    | 'select'
    | 'multiselect'
    | 'radio'
    | 'number'
    | 'unit'
    | 'units'
    | 'switch'
    | 'relatedCase'
    | 'datetime';
  required?: boolean;
  options?: { value: string; label: string }[];
  initial?: unknown;
  max?: number;
  min?: number;
  /** The number field's maximum is this limit of the case's jurisdiction (sent by the server). */
  maxFromLimit?: keyof Limits;
  placeholder?: string;
}

export interface ActionDef<P = Record<string, unknown>, D = Record<string, unknown>> {
  label: string;
  from: readonly CaseState[];
  /** Next state; 'same' keeps it; 'by_unit' → handling when a department takes it, accepted for a bureau. */
  to: CaseState | 'same' | 'by_unit';
  /** Other states the effect may choose (for diagrams and reachability checks). */
  alsoTo?: readonly CaseState[];
  roles: readonly (Role | 'system')[];
  who: Who;
  /**
   * With who 'petitioner': the bureau in charge may record the action for the petitioner (代录)
   * only when the petition came offline (letter, visit, phone, fax); online petitioners act themselves.
   */
  onBehalf?: 'offline';
  payload: z.ZodType<P, unknown>;
  /**
   * Only while this window runs: past it the action is refused for good (409 window_closed). For
   * the petitioner's windows (复查/复核申请期, 评价期) and the unit's own rights (异议, 延期), never
   * for a duty (受理、办理、复查、复核期限): a duty taken late is still taken, late (lateness.ts).
   * `why` says in the docs why this one closes.
   */
  within?: { clock: ClockName; why: string };
  /** Clocks started at the action's time, and clocks that stop. */
  starts?: readonly ClockName[];
  /** Clocks the effect may start instead of `starts` (for the docs). */
  alsoStarts?: readonly ClockName[];
  stops?: readonly ClockName[];
  /** The action name its timeline event is recorded under, when not its own (期满办结 → close). */
  records?: string;
  /** A condition of the case beyond state and window that refuses the action (409). */
  blocked?: { when(c: CaseFacts): boolean; error(c: CaseFacts): Error };
  /** Shown on the petitioner's timeline (and the public query). */
  public: boolean | ((payload: P) => boolean);
  /** What the action changes beyond state and clocks, and what its timeline event says. */
  effect(i: EffectInput<P>): EffectResult<D> | Promise<EffectResult<D>>;
  /** The written notice (文书) the action issues, and its data. */
  document?: {
    kind: DocumentKind;
    data(o: Outcome<P, D>, base: DocumentData): DocumentData | Promise<DocumentData>;
  };
  /** The SMS to the petitioner, and the template's values. */
  sms?: { stage: SmsStage; values?(o: Outcome<P, D>): Record<string, string> };
  /** The console's form for the payload. */
  form: readonly FormField[];
  /** Staff timeline label when it depends on the detail (else `label`). */
  eventLabel?(detail: D): string;
  /** What the petitioner reads on the timeline, from the stored detail (absent: nothing beyond the label). */
  describe?(detail: D): Phrase[];
}

/** Any definition, its payload and detail types erased (the engine, presenters and docs read these). */
// biome-ignore lint/suspicious/noExplicitAny: erasure of the per-action payload and detail types
export type AnyActionDef = ActionDef<any, any>;

/** A sentence of the timeline. */
export const phrase = (key: string, values?: Record<string, string | number>): Phrase =>
  values ? { key, values } : { key };

/** Text someone wrote, as a sentence of the timeline (never translated). */
export const literal = (s: string): Phrase => ({ literal: s });

/** Type-checks one definition and keeps its payload and detail types. */
export const defineAction = <P, D>(def: ActionDef<P, D>): ActionDef<P, D> => def;

/** Stored details are JSON: text values read back as text, anything else as ''. */
export const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The form's options from a code → name table. */
export const optionsOf = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label }));

export type { CaseForm };
