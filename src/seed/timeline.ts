// The life of one synthetic petition, simulated in memory from its receipt up to `now`: each step
// follows the action table (states, clocks started and stopped, who acts), so clocks, due dates,
// timestamps and the timeline are what the engine would have written. Old matters have mostly run
// their course; recent ones stop wherever `now` falls. A few steps are late, so some cases are overdue.
import { extendClock, type StoredClock } from '../domain/lifecycle/clocks.ts';
import type { ClockName, Limits } from '../domain/lifecycle/limits.ts';
import type { CaseForm, Purpose } from '../domain/lifecycle/vocabulary.ts';
import { weighted } from './catalog.ts';
import type { Rng } from './random.ts';
import { type Sim, type SimResult, startSim } from './sim.ts';

export interface UnitInfo {
  id: number;
  name: string;
}
export interface CountyUnits {
  bureau: UnitInfo;
  depts: ReadonlyMap<string, UnitInfo>;
  city: UnitInfo;
  province: UnitInfo;
}

export interface TimelineInput {
  rng: Rng;
  receivedAt: number;
  now: number;
  form: CaseForm;
  purpose: Purpose;
  dept: string;
  units: CountyUnits;
  limits: Limits;
  subject: string;
  registeringName: string;
  /** Share of replies written in the last days before the handling limit (default none). */
  lastMinute?: number;
  /**
   * A step that is badly late (the `stuckIfLate` ones: a department's acceptance of a 转送, a 复查
   * or 复核 decision) waits for ever (default: open stuck matters for tests to find), or is decided
   * months late (`months`: the demo, where matters waiting for ever would stand 500 days overdue on
   * the desks after two years of history).
   */
  stuck?: 'forever' | 'months';
}

export type { SeedEvent, SimResult as Timeline } from './sim.ts';

const DAY = 86_400_000;
const uniform = (rng: Rng, a: number, b: number) => a + (b - a) * rng.next();
/** Mostly short, sometimes long: a + (b − a)·r². */
const skewed = (rng: Rng, a: number, b: number) => a + (b - a) * rng.next() ** 2;

const OUTCOMES = [
  ['supported', 30],
  ['explained', 50],
  ['not_supported', 20],
] as const;
const OUTCOME_NAMES = { supported: '支持', explained: '解释说明', not_supported: '不予支持' } as const;
const REASONS = [
  ['NOT_IN_REMIT', 40],
  ['BEING_HANDLED_SAME_MATTER', 20],
  ['COURT_PROCURATORATE_MATTER', 15],
  ['LITIGATION_MATTER_TERMINATED', 10],
  ['REVIEW_WINDOW_LAPSED', 5],
] as const;
const REASON_NAMES: Record<string, string> = {
  NOT_IN_REMIT: '不属于本机关职权范围',
  BEING_HANDLED_SAME_MATTER: '同一事项正在办理期间',
  COURT_PROCURATORATE_MATTER: '属人民法院、人民检察院职权范围',
  LITIGATION_MATTER_TERMINATED: '涉法涉诉事项已依法终结',
  REVIEW_WINDOW_LAPSED: '逾期未申请复查、复核',
  SKIPPED_LEVEL_VISIT: '越级走访',
};
const CHANNELS = [
  ['litigation', '诉讼、检察监督或公安法律程序', '人民法院'],
  ['arbitration', '仲裁', '劳动人事争议仲裁委员会'],
  ['administrative', '行政复议、裁决、确认、许可、处罚等行政程序', '人民政府行政复议机构'],
] as const;

/** Runs the lifecycle of one case; returns its final row fields and its timeline. */
export function simulate(i: TimelineInput): SimResult {
  const { rng, units } = i;
  const s = startSim(i);
  const bureau = units.bureau;
  const dept = i.dept === 'xinfang' ? undefined : units.depts.get(i.dept);
  const petitionerRole = i.form === 'online' ? 'citizen' : 'registrar';
  const petitionerUnit = i.form === 'online' ? null : bureau.id;

  /**
   * Waits for a duty step: usually well within its clock; with probability pLate past it. With
   * `stuckIfLate` the step has not happened by `now` (the matter waits, overdue, for a late decision,
   * which the engine allows with a reason for the delay: src/domain/lifecycle/lateness.ts) — or, with
   * `stuck: 'months'`, it happens 60 days plus eight times its normal delay past the limit (no further
   * random draw): the recent ones still wait, the older ones were decided late.
   */
  const dutyDelay = (clock: ClockName, normal: number, pLate: number, stuckIfLate = false) => {
    const c = s.clocks[clock];
    const left = c ? (Date.parse(c.due) - s.t) / DAY : normal;
    if (rng.chance(pLate)) {
      if (!stuckIfLate) return Math.max(left, 0) + uniform(rng, 0.3, 45);
      return i.stuck === 'months' ? Math.max(left, 0) + 60 + 8 * normal : Number.POSITIVE_INFINITY;
    }
    return Math.max(0.01, Math.min(normal, left - 0.1));
  };

  // 受理 within the acceptance limit, or not (不予受理, 导入法定途径), or 转送 to a department. A bureau
  // past its acceptance limit forwards or refuses the matter here (a simplification of the demo data).
  const before = s.clocks.acceptance?.due ?? '';
  if (!s.advance(dutyDelay('acceptance', skewed(rng, 0.1, 9), 0.04))) return s.finish();
  const pastDue = s.t > Date.parse(before);
  const r = rng.next();
  let holder: UnitInfo = bureau;
  let holderRole = 'registrar';
  if ((pastDue || r < 0.08) && dept) {
    s.act('forward', 'forwarded', 'registrar', bureau.id, {
      targetUnitId: dept.id,
      targetUnit: dept.name,
      fromUnitId: bureau.id,
    });
    s.row.currentUnitId = dept.id;
    if (!s.advance(dutyDelay('acceptance', skewed(rng, 0.2, 6), 0.02, true))) return s.finish();
    s.act('accept', 'handling', 'handler', dept.id, { unit: dept.name });
    Object.assign(s.row, { acceptedAt: s.t, assignedUnitId: dept.id });
    holder = dept;
    holderRole = 'handler';
  } else if (pastDue || r < 0.17) {
    const reasonCode = i.form === 'visit' && rng.chance(0.2) ? 'SKIPPED_LEVEL_VISIT' : weighted(rng, REASONS);
    s.act('not_accept', 'not_accepted', 'registrar', bureau.id, {
      unit: bureau.name,
      reasonCode,
      reason: REASON_NAMES[reasonCode],
      reasonText: `经审查，该事项${REASON_NAMES[reasonCode]}。`,
    });
    Object.assign(s.row, { reasonCode, closedAt: s.t, currentUnitId: null });
    return s.finish();
  } else if (r < 0.23 && (i.purpose === 'claim' || i.purpose === 'appeal')) {
    const [channel, channelName, body] = rng.pick(CHANNELS);
    s.act('refer_channel', 'channelled', 'registrar', bureau.id, {
      channel,
      channelName,
      competentBody: body,
      reasonText: '该事项应当通过法定途径解决。',
    });
    Object.assign(s.row, {
      reasonCode: 'LEGAL_CHANNEL',
      outcome: `channel:${channel}`,
      closedAt: s.t,
      currentUnitId: null,
    });
    return s.finish();
  } else {
    s.act('accept', 'accepted', 'registrar', bureau.id, { unit: bureau.name });
    s.row.acceptedAt = s.t;
    // 交办 to the responsible department, or the bureau handles it itself.
    if (dept && rng.chance(0.88)) {
      if (!s.advance(skewed(rng, 0.05, 3))) return s.finish();
      s.act('assign', 'handling', 'registrar', bureau.id, { targetUnitId: dept.id, targetUnit: dept.name });
      Object.assign(s.row, { currentUnitId: dept.id, assignedUnitId: dept.id });
      holder = dept;
      holderRole = 'handler';
    }
  }
  if (!handle(s, i, holder, holderRole)) return s.finish();

  // 送达 → evaluation and review windows; 复查, 复核 or 办结.
  if (!s.advance(skewed(rng, 0.1, 5))) return s.finish();
  s.act('deliver', 'delivered', holderRole, holder.id, {
    method:
      i.form === 'online'
        ? 'online'
        : weighted(rng, [
            ['in_person', 3],
            ['post', 2],
            ['other', 1],
          ] as const),
    receipt: 'signed',
    petitionerView: weighted(rng, [
      ['agree', 5],
      ['none', 3],
      ['disagree', 1],
    ] as const),
  });
  Object.assign(s.row, { deliveredAt: s.t, evaluationStatus: 'pending' });
  if (rng.chance(0.55)) {
    const unhappy = s.row.outcome === 'not_supported';
    const pickRating = () =>
      weighted(rng, [
        ['satisfied', unhappy ? 2 : 7],
        ['basically_satisfied', 2],
        ['dissatisfied', unhappy ? 5 : 1],
      ] as const);
    s.later(s.t + uniform(rng, 0.2, 28) * DAY, () => {
      const bureauRating = pickRating();
      const unitRating = pickRating();
      s.act('rate', s.state, 'citizen', null, { bureauRating, unitRating });
      Object.assign(s.row, { bureauRating, unitRating, ratedAt: s.t, evaluationStatus: 'rated' });
    });
  }
  const pReview = s.row.outcome === 'not_supported' ? 0.25 : 0.04;
  if (!rng.chance(pReview)) return close(s, i, 'review_window', 0.45);

  if (!s.advance(uniform(rng, 2, 27))) return s.finish();
  s.act('request_review', 'review_requested', petitionerRole, petitionerUnit, {
    reason: '对处理意见不服',
    reviewUnit: units.city.name,
  });
  Object.assign(s.row, { reviewUnitId: units.city.id, currentUnitId: units.city.id });
  if (!s.advance(dutyDelay('review', skewed(rng, 7, 28), 0.05, true))) return s.finish();
  const decide = () =>
    weighted(rng, [
      ['uphold', 85],
      ['vary', 10],
      ['revoke', 5],
    ] as const);
  let outcome = decide();
  s.act('decide_review', 'reviewed', 'reviewer', units.city.id, {
    outcome,
    facts: '经复查，原处理意见认定事实清楚。',
  });
  if (!rng.chance(0.25)) return close(s, i, 'rereview_window', 0.4);

  if (!s.advance(uniform(rng, 2, 27))) return s.finish();
  s.act('request_rereview', 'rereview_requested', petitionerRole, petitionerUnit, {
    reason: '对复查意见不服',
    reviewUnit: units.province.name,
  });
  Object.assign(s.row, { reviewUnitId: units.province.id, currentUnitId: units.province.id });
  if (!s.advance(dutyDelay('rereview', skewed(rng, 7, 28), 0.05, true))) return s.finish();
  outcome = decide();
  s.act('decide_rereview', 'final', 'reviewer', units.province.id, {
    outcome,
    facts: '经复核，复查意见正确。',
  });
  Object.assign(s.row, { closedAt: s.t, currentUnitId: null });
  return s.finish();
}

/** 办理: progress notes, perhaps an extension or a settlement, then the written reply (答复). */
function handle(s: Sim, i: TimelineInput, holder: UnitInfo, role: string): boolean {
  const { rng } = i;
  const dueIn = () => (Date.parse(s.clocks.handling?.due ?? '') - s.t) / DAY;
  if (rng.chance(0.35)) {
    if (!s.advance(Math.max(0.05, Math.min(uniform(rng, 2, 20), dueIn() - 1)))) return false;
    s.act('add_progress', s.state, role, holder.id, { note: '已联系信访人，正在调查核实。' });
  }
  if (rng.chance(0.03)) {
    if (!s.advance(skewed(rng, 3, 40))) return false;
    const kind = rng.chance(0.6) ? 'mediation' : 'settlement';
    s.act('settle', 'settled', role, holder.id, { kind, agreement: '双方自愿达成协议。' });
    Object.assign(s.row, { outcome: `settled:${kind}`, closedAt: s.t, currentUnitId: null });
    return false;
  }
  if (rng.chance(0.05)) {
    if (!s.advance(Math.max(0.05, dueIn() - uniform(rng, 2, 12)))) return false;
    const days = rng.int(10, i.limits.maxExtensionDays);
    s.act('request_extension', 'extension_pending', role, holder.id, {
      days,
      reason: '情况复杂，需进一步调查',
    });
    if (!s.advance(skewed(rng, 0.5, 10))) return false;
    const extended = extendClock(s.clocks.handling as StoredClock, days);
    s.clocks.handling = extended;
    s.act('approve_extension', 'handling', 'reviewer', i.units.bureau.id, { days, newDue: extended.due });
  }
  const late = rng.chance(0.06);
  let normal = skewed(rng, 6, 55);
  const left = dueIn();
  // Some units answer only as the limit comes near (临期): the bureau's near-due list.
  if (i.lastMinute && rng.chance(i.lastMinute)) normal = Math.max(0.05, left - uniform(rng, 0.2, 4));
  if (
    !s.advance(
      late ? Math.max(left, 0) + uniform(rng, 0.3, 40) : Math.max(0.05, Math.min(normal, left - 0.1)),
    )
  )
    return false;
  const outcome = weighted(rng, OUTCOMES);
  s.act('reply', 'replied', role, holder.id, {
    outcome,
    outcomeName: OUTCOME_NAMES[outcome],
    request: i.subject,
    facts: '经调查核实，信访人反映的情况基本属实。',
    reasons: '依据有关法律法规和政策规定。',
    decision: outcome === 'supported' ? '责成有关单位限期整改。' : '向信访人做好解释说明工作。',
  });
  s.row.outcome = outcome;
  return true;
}

/** 办结 by the bureau in charge (probability `pManual`), or automatically when the window lapses. */
function close(s: Sim, i: TimelineInput, window: 'review_window' | 'rereview_window', pManual: number) {
  const { rng } = i;
  const clock = s.clocks[window];
  if (rng.chance(pManual)) {
    if (!s.advance(uniform(rng, 1, 25))) return s.finish();
    s.act('close', 'closed', 'registrar', i.units.bureau.id, { note: '已办结' });
  } else {
    if (!clock || !s.advanceTo(Date.parse(clock.due) + 3_600_000)) return s.finish();
    const reason = window === 'review_window' ? '复查申请期限届满' : '复核申请期限届满';
    s.act('close', 'closed', null, null, { auto: true, reason, clock: window, due: clock.due });
  }
  Object.assign(s.row, { closedAt: s.t, currentUnitId: null });
  return s.finish();
}
