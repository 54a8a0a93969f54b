// The hall's rules: group visits (≤ 5 representatives, required from 5 visitors), the statuses'
// steps, the queue label and the display's masked surname.
import { describe, expect, it } from 'vitest';
import { checkGroup, displayName, queueLabel, VISIT_STEPS } from '../../src/domain/hall/queue.ts';

describe('group visits (集体访)', () => {
  it('one visitor needs no representative; five or more need 1–5', () => {
    expect(checkGroup(1, 0).ok).toBe(true);
    expect(checkGroup(4, 0).ok).toBe(true);
    expect(checkGroup(5, 0)).toMatchObject({ ok: false, code: 'hall_representatives_required' });
    expect(checkGroup(30, 5).ok).toBe(true);
    expect(checkGroup(30, 6)).toMatchObject({ ok: false, code: 'hall_too_many_representatives' });
    expect(checkGroup(2, 3)).toMatchObject({ ok: false, code: 'hall_representatives_exceed' });
    expect(checkGroup(0, 0)).toMatchObject({ ok: false, field: 'visitors' });
  });
});

describe('the queue', () => {
  it('calls waiting and called numbers; a finished or left one is closed', () => {
    expect(VISIT_STEPS.waiting).toEqual({ call: true, finish: false, leave: true });
    expect(VISIT_STEPS.called.finish).toBe(true);
    expect(VISIT_STEPS.done).toEqual({ call: false, finish: false, leave: false });
    expect(VISIT_STEPS.left.call).toBe(false);
  });
  it('labels numbers with three digits and shows the surname only', () => {
    expect(queueLabel(7)).toBe('007');
    expect(queueLabel(1234)).toBe('1234');
    expect(displayName('王某某')).toBe('王**');
    expect(displayName('欧阳娜娜')).toBe('欧***');
    expect(displayName('李')).toBe('李*');
  });
});
