// 逾期办理 (issue 11): the law times the bureau's duties, it does not extinguish them. A duty action
// taken past its clock is allowed and recorded late; only windows close for good.
import { describe, expect, it } from 'vitest';
import { type CaseFacts, caseContributions } from '../../src/analytics/contributions.ts';
import { ACTIONS, type ActionName, actionDef } from '../../src/domain/lifecycle/actions.ts';
import { type Clocks, DUTY_CLOCKS } from '../../src/domain/lifecycle/clocks.ts';
import { dutiesOf, latenessOf } from '../../src/domain/lifecycle/lateness.ts';
import { eventLabel, eventPhrases, lateRecordOf } from '../../src/domain/lifecycle/timeline.ts';

const names = Object.keys(ACTIONS) as ActionName[];

// due 2026-11-02 23:59:59.999 Asia/Shanghai
const DUE = '2026-11-02T15:59:59.999Z';
const clock = (extra: Partial<{ stoppedAt: string }> = {}) => ({
  trigger: '2026-10-18T02:00:00.000Z',
  amount: 15,
  unit: 'calendar_days' as const,
  due: DUE,
  ...extra,
});

describe('which limits close for good', () => {
  it('no duty clock is a window, except the extension, which lengthens a limit still running', () => {
    const windows = names
      .filter((n) => ACTIONS[n].within)
      .map((n) => [n, ACTIONS[n].within?.clock] as const)
      .filter(([, c]) => DUTY_CLOCKS.includes(c as (typeof DUTY_CLOCKS)[number]));
    expect(windows).toEqual([['request_extension', 'handling']]);
  });

  it('the petitioner windows and the objection stay windows, each saying why', () => {
    expect(ACTIONS.request_review.within?.clock).toBe('review_window');
    expect(ACTIONS.request_rereview.within?.clock).toBe('rereview_window');
    expect(ACTIONS.rate.within?.clock).toBe('evaluation');
    expect(ACTIONS.object.within?.clock).toBe('objection');
    for (const n of names) if (ACTIONS[n].within) expect(ACTIONS[n].within?.why.length, n).toBeGreaterThan(8);
  });

  it('accept, decide_review and decide_rereview discharge their duty and have no window', () => {
    expect(ACTIONS.accept.within).toBeUndefined();
    expect(ACTIONS.decide_review.within).toBeUndefined();
    expect(ACTIONS.decide_rereview.within).toBeUndefined();
    expect(dutiesOf(ACTIONS.accept)).toEqual(['acceptance']);
    expect(dutiesOf(ACTIONS.not_accept)).toEqual(['acceptance']);
    expect(dutiesOf(ACTIONS.reply)).toEqual(['handling', 'rehandling']);
    expect(dutiesOf(ACTIONS.settle)).toEqual(['handling', 'rehandling']);
    expect(dutiesOf(ACTIONS.refer_channel)).toEqual(['acceptance', 'handling']);
    expect(dutiesOf(ACTIONS.decide_review)).toEqual(['review']);
    expect(dutiesOf(ACTIONS.decide_rereview)).toEqual(['rereview']);
    // Windows are never duties: closing and rating discharge none.
    expect(dutiesOf(ACTIONS.close)).toEqual([]);
    expect(dutiesOf(ACTIONS.rate)).toEqual([]);
  });
});

describe('latenessOf', () => {
  const accept = actionDef('accept');

  it('is null up to the last instant of the due day', () => {
    expect(latenessOf(accept, { acceptance: clock() }, new Date('2026-11-02T15:59:59.999Z'))).toBeNull();
    expect(latenessOf(accept, {}, new Date('2026-12-01T00:00:00Z'))).toBeNull();
  });

  it('counts the calendar days past the due day (Asia/Shanghai), at least one', () => {
    const justAfter = latenessOf(accept, { acceptance: clock() }, new Date('2026-11-02T16:00:00.000Z'));
    expect(justAfter).toEqual({ clock: 'acceptance', clockName: '受理期限', due: DUE, daysLate: 1 });
    // 3 days late: 2026-11-05 10:00 Shanghai.
    expect(latenessOf(accept, { acceptance: clock() }, new Date('2026-11-05T02:00:00Z'))?.daysLate).toBe(3);
  });

  it('ignores a stopped clock and a clock the action does not stop', () => {
    const stopped = { acceptance: clock({ stoppedAt: '2026-10-20T00:00:00Z' }) };
    expect(latenessOf(accept, stopped, new Date('2026-12-01T00:00:00Z'))).toBeNull();
    const handlingOnly: Clocks = { handling: clock() };
    expect(latenessOf(accept, handlingOnly, new Date('2026-12-01T00:00:00Z'))).toBeNull();
    expect(latenessOf(actionDef('reply'), handlingOnly, new Date('2026-12-01T00:00:00Z'))?.clock).toBe(
      'handling',
    );
  });
});

describe('the timeline says it was late', () => {
  const late = { clock: 'acceptance', clockName: '受理期限', due: DUE, daysLate: 3, reason: '来信转递延误' };

  it('staff read the days on the label; the petitioner reads that it was late', () => {
    expect(eventLabel('accept', { unit: '鼓楼区信访局', late })).toBe('受理（逾期3日）');
    expect(eventLabel('accept', { unit: '鼓楼区信访局' })).toBe('受理');
    expect(eventPhrases('accept', { unit: '鼓楼区信访局', late })).toEqual([
      { key: '{{unit}}已受理', values: { unit: '鼓楼区信访局' } },
      { key: '该环节逾期{{days}}日办理', values: { days: 3 } },
    ]);
    expect(lateRecordOf({ late })).toEqual(late);
    expect(lateRecordOf({ late: 'yes' })).toBeNull();
    expect(lateRecordOf(null)).toBeNull();
  });
});

describe('the indicators count a late decision late', () => {
  const base: CaseFacts = {
    id: 1,
    jurisdictionCode: '320106',
    categoryCode: null,
    form: 'letter',
    purpose: 'claim',
    registeringUnitId: 7,
    bureauUnitId: 7,
    assignedUnitId: null,
    currentUnitId: 7,
    firstTime: true,
    skippedLevel: false,
    isGroup: false,
    peopleCount: 1,
    clocks: {},
    state: 'accepted',
    dueFlag: null,
    ratedAt: null,
    unitRating: null,
    bureauRating: null,
    evaluationStatus: null,
    backlog: false,
    closedAt: null,
    receivedAt: new Date('2026-10-18T02:00:00Z'),
  };
  const acceptanceCounters = (stoppedAt: string) =>
    caseContributions({ ...base, clocks: { acceptance: clock({ stoppedAt }) } }, []).find(
      (c) => c.counters.acceptanceDecided,
    )?.counters;

  it('accepted 3 days late: decided, not timely; on the due day: timely', () => {
    expect(acceptanceCounters('2026-11-05T02:00:00.000Z')).toEqual({
      acceptanceDecided: 1,
      acceptedTimely: 0,
    });
    expect(acceptanceCounters('2026-11-02T09:00:00.000Z')).toEqual({
      acceptanceDecided: 1,
      acceptedTimely: 1,
    });
  });
});
