import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventsOfAction, nextAttemptDelay, signedText } from '../../../src/domain/webhooks/events.ts';
import { sign } from '../../../src/webhooks/deliverer.ts';

describe('webhook events', () => {
  it('an action raises its own event, and case.closed when it ends the matter', () => {
    expect(eventsOfAction('accept', true, true)).toEqual(['case.accepted']);
    expect(eventsOfAction('not_accept', true, false)).toEqual(['case.not_accepted', 'case.closed']);
    expect(eventsOfAction('close', true, false)).toEqual(['case.closed']);
    expect(eventsOfAction('add_progress', true, true)).toEqual([]);
    expect(eventsOfAction('rate', false, false)).toEqual([]);
  });

  it('backs off doubling, capped, and gives up after the last try', () => {
    const p = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 3000 };
    expect([1, 2, 3, 4].map((a) => nextAttemptDelay(a, p))).toEqual([1000, 2000, 3000, null]);
  });

  it('signs `<timestamp>.<body>` with HMAC-SHA256', () => {
    const body = '{"a":1}';
    expect(sign('s3cret', 1700000000, body)).toBe(
      `sha256=${createHmac('sha256', 's3cret').update(signedText(1700000000, body)).digest('hex')}`,
    );
    expect(signedText(1, 'x')).toBe('1.x');
  });
});
