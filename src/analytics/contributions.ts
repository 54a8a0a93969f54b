// What a case adds to the rollups (pure). Two views that must agree, and the rollup test checks
// that they do: `caseContributions` derives everything from a case row and its timeline (rebuild,
// seed), and the `…Change` functions give what one change adds (intake, engine, daily sweep).

import { isOverdue, shanghaiDate } from '../domain/deadlines/index.ts';
import type { Counters } from '../domain/indicators/index.ts';
import { type Clocks, isRunning } from '../domain/lifecycle/clocks.ts';
import { type CaseState, isOpen } from '../domain/lifecycle/vocabulary.ts';

/** The case columns the rollups read. */
export interface CaseFacts {
  id: number;
  jurisdictionCode: string;
  categoryCode: string | null;
  /** 细分类 (second or third level); absent where a caller has none to give. */
  subcategoryCode?: string | null;
  form: string;
  purpose: string;
  registeringUnitId: number;
  bureauUnitId: number | null;
  assignedUnitId: number | null;
  currentUnitId: number | null;
  firstTime: boolean;
  skippedLevel: boolean;
  isGroup: boolean;
  peopleCount: number;
  clocks: Clocks | null;
  state: string;
  dueFlag: string | null;
  ratedAt: Date | null;
  unitRating: string | null;
  bureauRating: string | null;
  evaluationStatus: string | null;
  backlog: boolean;
  closedAt: Date | null;
  receivedAt: Date;
}

export interface EventFacts {
  action: string;
  at: Date;
  fromState: string | null;
  actorUnitId: number | null;
  detail: unknown;
}

export interface Contribution {
  day: string;
  place: string;
  category: string | null;
  /** 细分类, counted in the 'subcategory' breakdown only when set. */
  subcategory: string | null;
  form: string;
  purpose: string;
  unitId: number | null;
  counters: Partial<Counters>;
}

/** Actions that decide on acceptance (stop the acceptance clock) or complete handling. */
export const ACCEPTANCE_ACTIONS = ['accept', 'not_accept', 'refer_channel', 'link_repeat'];
export const COMPLETION_ACTIONS = ['reply', 'settle', 'refer_channel'];
/** Timeline actions the rebuild needs. */
export const ROLLUP_EVENT_ACTIONS = [...ACCEPTANCE_ACTIONS, 'reply', 'settle'];

/**
 * A backlog matter of the case as the rollups read it (src/backlog): identified (认定) on a day, held
 * by a responsible unit, resolved (销号) or not. Matters never identified, or unflagged, are not given.
 */
export interface BacklogFacts {
  identifiedAt: Date;
  responsibleUnitId: number | null;
  resolved: boolean;
}

/**
 * A `link_repeat` event that is itself a registration: written at intake (or by the seed) on the
 * open matter. Not the registrar's later link of an already registered case (`repeatCaseId`, on
 * the target; `targetCaseId`, on the linked case): that registration was counted as its own case.
 */
export function isRepeatRegistration(e: Pick<EventFacts, 'action' | 'detail'>): boolean {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  return e.action === 'link_repeat' && d.repeatCaseId === undefined && d.targetCaseId === undefined;
}

const SATISFIED = ['satisfied', 'basically_satisfied'];
const day = (d: Date | string) => shanghaiDate(typeof d === 'string' ? new Date(d) : d);

const at = (
  c: CaseFacts,
  when: Date | string,
  unitId: number | null,
  form = c.form,
): Omit<Contribution, 'counters'> => ({
  day: day(when),
  place: c.jurisdictionCode,
  category: c.categoryCode,
  subcategory: c.subcategoryCode ?? null,
  form,
  purpose: c.purpose,
  unitId,
});

const byForm = (form: string) => ({ online: form === 'online' ? 1 : 0, visits: form === 'visit' ? 1 : 0 });

/** 登记: a new matter, on its received day, for the registering unit. */
export function registrationOf(c: CaseFacts): Contribution {
  return {
    ...at(c, c.receivedAt, c.registeringUnitId),
    counters: {
      total: 1,
      ...byForm(c.form),
      skippedLevel: c.skippedLevel ? 1 : 0,
      repeats: c.firstTime ? 0 : 1,
      groupBatches: c.isGroup ? 1 : 0,
      groupPersons: c.isGroup ? c.peopleCount : 0,
    },
  };
}

/** A repeat petition linked to the open matter `c` (no new matter): one more registration. */
export function repeatRegistrationOf(
  c: CaseFacts,
  r: { receivedAt: Date | string; form: string; unitId: number | null },
): Contribution {
  return { ...at(c, r.receivedAt, r.unitId, r.form), counters: { total: 1, repeats: 1, ...byForm(r.form) } };
}

function clockOf(c: CaseFacts, name: 'acceptance' | 'handling') {
  const clock = c.clocks?.[name];
  return clock?.stoppedAt ? clock : undefined;
}

/** The acceptance decision (受理/不予受理/导入法定途径) and whether it was within the limit. */
export function acceptanceOf(c: CaseFacts, when: Date, due: string, unitId: number | null): Contribution {
  const timely = !isOverdue(new Date(due), when);
  return { ...at(c, when, unitId), counters: { acceptanceDecided: 1, acceptedTimely: timely ? 1 : 0 } };
}

/** 办结 (reply, settlement, legal channel) and whether it was within the handling limit. */
export function completionOf(c: CaseFacts, when: Date, due: string, unitId: number | null): Contribution {
  const onTime = !isOverdue(new Date(due), when);
  return { ...at(c, when, unitId), counters: { completed: 1, completedOnTime: onTime ? 1 : 0 } };
}

/** The unit rated: the responsible unit, or the bureau that handled it itself. */
const ratedUnit = (c: CaseFacts) => c.assignedUnitId ?? c.bureauUnitId;

export function ratingOf(c: CaseFacts & { ratedAt: Date }): Contribution {
  return {
    ...at(c, c.ratedAt, ratedUnit(c)),
    counters: {
      rated: 1,
      ratable: 1,
      satisfied: SATISFIED.includes(c.unitRating ?? '') ? 1 : 0,
      bureauSatisfied: SATISFIED.includes(c.bureauRating ?? '') ? 1 : 0,
    },
  };
}

/** 超期未评价: counted as ratable on the day the evaluation window closed. */
export function evaluationExpiryOf(c: CaseFacts): Contribution {
  const due = c.clocks?.evaluation?.due;
  return { ...at(c, due ?? c.receivedAt, ratedUnit(c)), counters: { ratable: 1 } };
}

/**
 * 积案 (src/backlog): counted on the day it was identified (认定), for its responsible unit; a
 * resolved one (销号) counts on the same row, so 积案化解率 of a period is the share of the matters
 * identified in it that are resolved — the ledger's 化解 ÷ 认定 over those matters.
 */
export function backlogOf(c: CaseFacts, m: BacklogFacts): Contribution {
  return {
    ...at(c, m.identifiedAt, m.responsibleUnitId),
    counters: m.resolved ? { backlog: 1, backlogResolved: 1 } : { backlog: 1 },
  };
}

const firstEvent = (events: EventFacts[], actions: string[], stoppedAt: string) => {
  const t = Date.parse(stoppedAt);
  const candidates = events.filter((e) => actions.includes(e.action));
  return candidates.find((e) => e.at.getTime() === t) ?? candidates.at(-1);
};

/** Everything a case has added so far, from its row and timeline (the rebuild's view). */
export function caseContributions(
  c: CaseFacts,
  events: EventFacts[],
  backlog: readonly BacklogFacts[] = [],
): Contribution[] {
  const out: Contribution[] = [registrationOf(c)];
  for (const e of events) {
    if (!isRepeatRegistration(e)) continue;
    const d = (e.detail ?? {}) as { receivedAt?: string; form?: string };
    out.push(
      repeatRegistrationOf(c, {
        receivedAt: d.receivedAt ?? e.at,
        form: d.form ?? c.form,
        unitId: e.actorUnitId ?? c.registeringUnitId,
      }),
    );
  }
  const acceptance = clockOf(c, 'acceptance');
  if (acceptance?.stoppedAt) {
    const e = firstEvent(events, ACCEPTANCE_ACTIONS, acceptance.stoppedAt);
    out.push(
      acceptanceOf(c, new Date(acceptance.stoppedAt), acceptance.due, e?.actorUnitId ?? c.bureauUnitId),
    );
  }
  const handling = clockOf(c, 'handling');
  if (handling?.stoppedAt) {
    const e = firstEvent(events, COMPLETION_ACTIONS, handling.stoppedAt);
    out.push(completionOf(c, new Date(handling.stoppedAt), handling.due, e?.actorUnitId ?? c.bureauUnitId));
  }
  if (c.ratedAt) out.push(ratingOf({ ...c, ratedAt: c.ratedAt }));
  else if (c.evaluationStatus === 'expired') out.push(evaluationExpiryOf(c));
  for (const m of backlog) out.push(backlogOf(c, m));
  return out;
}

/** What one lifecycle action added (engine.ts): compare the row before and after. */
export function actionChange(
  before: CaseFacts,
  after: CaseFacts,
  a: { action: string; at: Date; actorUnitId: number | null },
): Contribution[] {
  const out: Contribution[] = [];
  // A registered case linked as a repeat of an open matter (link_repeat): now counted as a repeat.
  if (before.firstTime && !after.firstTime) out.push({ ...registrationOf(after), counters: { repeats: 1 } });
  const was = before.clocks;
  const stopped = (name: 'acceptance' | 'handling') =>
    isRunning(was?.[name]) && Boolean(after.clocks?.[name]?.stoppedAt);
  const acceptance = was?.acceptance;
  if (acceptance && stopped('acceptance')) out.push(acceptanceOf(after, a.at, acceptance.due, a.actorUnitId));
  const handling = after.clocks?.handling;
  if (handling && stopped('handling')) out.push(completionOf(after, a.at, handling.due, a.actorUnitId));
  if (!before.ratedAt && after.ratedAt) out.push(ratingOf({ ...after, ratedAt: after.ratedAt }));
  return out;
}

/** What the daily sweep added: lapsed evaluations. */
export function sweepChange(before: CaseFacts, after: CaseFacts): Contribution[] {
  const out: Contribution[] = [];
  if (before.evaluationStatus !== 'expired' && after.evaluationStatus === 'expired') {
    out.push(evaluationExpiryOf(after));
  }
  return out;
}

/**
 * What a step of a backlog matter adds (src/backlog publishes them): identified → one 积案 on its
 * day; resolved → one 化解 on that same row; unflagged → the 积案 taken back.
 */
export function backlogChange(
  c: CaseFacts,
  m: Omit<BacklogFacts, 'resolved'>,
  step: 'identified' | 'resolved' | 'unflagged',
): Contribution {
  const counters: Partial<Counters> =
    step === 'identified' ? { backlog: 1 } : step === 'resolved' ? { backlogResolved: 1 } : { backlog: -1 };
  return { ...at(c, m.identifiedAt, m.responsibleUnitId), counters };
}

// ---- Open matters now (stats_open) -----------------------------------------------------------------

export interface OpenKey {
  unitId: number;
  place: string;
  open: number;
  near: number;
  overdue: number;
}

/** A matter waiting on a unit, with its deadline flag; null once closed or with no holder. */
export function openStateOf(c: Pick<CaseFacts, 'state' | 'currentUnitId' | 'jurisdictionCode' | 'dueFlag'>) {
  if (!isOpen(c.state as CaseState) || c.currentUnitId === null) return null;
  return {
    unitId: c.currentUnitId,
    place: c.jurisdictionCode,
    open: 1,
    near: c.dueFlag === 'near' ? 1 : 0,
    overdue: c.dueFlag === 'overdue' ? 1 : 0,
  } satisfies OpenKey;
}

/** after − before, as signed rows (empty when the change leaves the counts as they were). */
export function openDelta(before: CaseFacts | null, after: CaseFacts): OpenKey[] {
  const rows = new Map<string, OpenKey>();
  const add = (k: OpenKey | null, sign: number) => {
    if (!k) return;
    const id = `${k.unitId}|${k.place}`;
    const r = rows.get(id) ?? { unitId: k.unitId, place: k.place, open: 0, near: 0, overdue: 0 };
    r.open += sign * k.open;
    r.near += sign * k.near;
    r.overdue += sign * k.overdue;
    rows.set(id, r);
  };
  add(before ? openStateOf(before) : null, -1);
  add(openStateOf(after), 1);
  return [...rows.values()].filter((r) => r.open || r.near || r.overdue);
}
