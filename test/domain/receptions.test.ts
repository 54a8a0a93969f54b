// The rules of leaders' receptions and rights cards, as pure functions: who may book which kind,
// when a booking or record is refused, the reminder day; the level a card's matter sits at, the
// 越级 verdict, card numbers and the 越级上访率.
import { describe, expect, it } from 'vitest';
import {
  cardNumber,
  matterLevel,
  normaliseCardNo,
  STAGE_OF_ACTION,
  skipRate,
  visitVerdict,
} from '../../src/domain/cards/levels.ts';
import {
  bookingRefusal,
  cancelRefusal,
  isReminderDue,
  RECEPTION_KIND_RULES,
  recordRefusal,
} from '../../src/domain/receptions/kinds.ts';

const now = new Date('2026-03-02T02:00:00Z');
const later = new Date('2026-03-05T01:00:00Z');
const earlier = new Date('2026-03-01T01:00:00Z');

describe('reception kinds and booking', () => {
  it('citizens book every kind but 约访; 视频接访 is the video kind', () => {
    expect(
      Object.entries(RECEPTION_KIND_RULES)
        .filter(([, r]) => !r.citizenBooks)
        .map(([k]) => k),
    ).toEqual(['invite']);
    expect(RECEPTION_KIND_RULES.video).toMatchObject({ name: '视频接访', video: true });
  });

  it('refuses a booking on a closed, started, invitation-only or full reception', () => {
    const slot = { kind: 'receive' as const, status: 'open' as const, startsAt: later, capacity: 2 };
    expect(bookingRefusal(slot, 1, 'citizen', now)).toBeNull();
    expect(bookingRefusal(slot, 2, 'citizen', now)?.code).toBe('reception_full');
    expect(bookingRefusal({ ...slot, status: 'cancelled' }, 0, 'citizen', now)?.code).toBe(
      'reception_not_open',
    );
    expect(bookingRefusal({ ...slot, startsAt: earlier }, 0, 'staff', now)?.code).toBe('reception_started');
    expect(bookingRefusal({ ...slot, kind: 'invite' }, 0, 'citizen', now)?.code).toBe(
      'reception_invite_only',
    );
    expect(bookingRefusal({ ...slot, kind: 'invite' }, 0, 'staff', now)).toBeNull();
  });

  it('cancels only an active booking before the reception starts', () => {
    expect(cancelRefusal({ status: 'booked' }, { startsAt: later }, now)).toBeNull();
    expect(cancelRefusal({ status: 'attended' }, { startsAt: later }, now)?.code).toBe('booking_not_active');
    expect(cancelRefusal({ status: 'booked' }, { startsAt: earlier }, now)?.code).toBe('reception_started');
  });

  it('records a reception once, after it starts, with numbers that add up', () => {
    const ok = { batches: 2, persons: 3, matters: 2, solved: 1 };
    expect(recordRefusal({ status: 'open', startsAt: earlier }, ok, now)).toBeNull();
    expect(recordRefusal({ status: 'open', startsAt: later }, ok, now)?.code).toBe('reception_not_started');
    expect(recordRefusal({ status: 'held', startsAt: earlier }, ok, now)?.code).toBe('reception_recorded');
    expect(recordRefusal({ status: 'open', startsAt: earlier }, { ...ok, persons: 1 }, now)?.field).toBe(
      'persons',
    );
    expect(recordRefusal({ status: 'open', startsAt: earlier }, { ...ok, solved: 3 }, now)?.field).toBe(
      'matters',
    );
  });

  it('reminds the day before, across a month end', () => {
    expect(isReminderDue('2026-03-01', '2026-02-28')).toBe(true);
    expect(isReminderDue('2026-03-02', '2026-02-28')).toBe(false);
  });
});

describe('rights cards', () => {
  const e = (stage: 'accept' | 'handle' | 'answer' | 'review' | 'rereview', level: number) => ({
    stage,
    at: '2026-03-01T00:00:00Z',
    unitId: 1,
    unit: 'x',
    level,
  });

  it('writes 受理、办理、答复、复查、复核 from the lifecycle actions', () => {
    expect(STAGE_OF_ACTION).toMatchObject({
      accept: 'accept',
      assign: 'handle',
      forward: 'handle',
      reply: 'answer',
      decide_review: 'review',
      decide_rereview: 'rereview',
    });
    expect(STAGE_OF_ACTION.rate).toBeUndefined();
  });

  it('the matter sits at the card’s level until a review moves it up', () => {
    expect(matterLevel(3, [e('accept', 3), e('answer', 3)])).toBe(3);
    expect(matterLevel(3, [e('accept', 3), e('review', 2)])).toBe(2);
    expect(matterLevel(3, [e('review', 2), e('rereview', 1)])).toBe(1);
  });

  it('two or more levels above the matter is 越级', () => {
    expect(visitVerdict(3, 1)).toMatchObject({
      verdict: 'skipped',
      skipped: true,
      levelsAbove: 2,
      rightLevel: 3,
    });
    expect(visitVerdict(4, 2).skipped).toBe(true);
    expect(visitVerdict(3, 2)).toMatchObject({ verdict: 'next_level', skipped: false });
    expect(visitVerdict(3, 3).verdict).toBe('same_level');
    expect(visitVerdict(2, 3).verdict).toBe('lower_level');
  });

  it('numbers cards per bureau and year; reads a typed or scanned number', () => {
    expect(cardNumber('320106', 2026, 12)).toBe('QB320106-2026-000012');
    expect(normaliseCardNo(' qb320106-2026-000012 ')).toBe('QB320106-2026-000012');
    expect(normaliseCardNo('https://x.gov.cn/portal/card/QB320106-2026-000012?s=abc')).toBe(
      'QB320106-2026-000012',
    );
  });

  it('越级上访率 is 越级 visits among visits with a card, one decimal', () => {
    expect(skipRate(0, 0)).toBeNull();
    expect(skipRate(3, 1)).toBe(33.3);
    expect(skipRate(19000, 370)).toBe(1.9);
  });
});
