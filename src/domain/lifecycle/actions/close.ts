// 办结: the bureau in charge closes a delivered or reviewed matter (the petitioner did not ask for
// review, or will not); `closeByLapse` is the same step taken by the platform when the window lapses.
import { z } from 'zod';
import { defineAction, phrase } from '../define.ts';
import { note, noteField } from './common.ts';

export const close = defineAction({
  label: '办结',
  from: ['delivered', 'reviewed'],
  to: 'closed',
  roles: ['registrar', 'reviewer'],
  who: 'bureau',
  payload: z.object({ note }),
  stops: ['review_window', 'rereview_window'],
  public: true,
  effect: ({ payload: p, now }) => ({
    patch: { closedAt: now, currentUnitId: null },
    detail: { note: p.note },
  }),
  form: [noteField],
  describe: () => [phrase('已办结')],
});

/** Windows whose lapse closes the matter (期满办结): the state it must still be in, and why. */
export const CLOSING_WINDOWS = {
  delivered: { clock: 'review_window', reason: '复查申请期限届满' },
  reviewed: { clock: 'rereview_window', reason: '复核申请期限届满' },
} as const;

/**
 * 期满办结: no review (re-review) was requested within its window, so the matter is closed. Taken by
 * the daily sweep (src/jobs/deadlines.ts) through the engine's transition; recorded as `close`.
 */
export const closeByLapse = defineAction({
  label: '期满办结',
  from: ['delivered', 'reviewed'],
  to: 'closed',
  roles: ['system'],
  who: 'system',
  payload: z.object({}),
  stops: close.stops,
  public: true,
  records: 'close',
  effect({ c, now }) {
    const window = CLOSING_WINDOWS[c.state as keyof typeof CLOSING_WINDOWS];
    const clock = (c.clocks as Record<string, { due: string } | undefined>)[window.clock];
    return {
      patch: { closedAt: now, currentUnitId: null },
      detail: { auto: true, reason: window.reason, clock: window.clock, due: clock?.due },
    };
  },
  form: [],
});
