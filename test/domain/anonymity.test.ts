// 匿名信访: who may register a matter anonymously, and that such a matter is never evaluated.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS_FORMS, anonymousRefusal, evaluable } from '../../src/domain/anonymity.ts';
import { deliver } from '../../src/domain/lifecycle/actions/deliver.ts';
import type { CaseFacts } from '../../src/domain/lifecycle/define.ts';

describe('anonymousRefusal', () => {
  it('lets the staff who received a letter or call register it anonymously', () => {
    for (const role of ['registrar', 'handler'] as const)
      for (const form of ANONYMOUS_FORMS) expect(anonymousRefusal(role, form)).toBeNull();
  });
  it('refuses a citizen, other roles and forms where the petitioner is known', () => {
    expect(anonymousRefusal('citizen', 'online')?.code).toBe('anonymous_not_allowed');
    expect(anonymousRefusal('analyst', 'letter')?.code).toBe('anonymous_not_allowed');
    for (const form of ['visit', 'online', 'fax', 'video', 'mailbox'])
      expect(anonymousRefusal('registrar', form)?.code).toBe('anonymous_form');
  });
});

describe('an anonymous matter is never evaluated', () => {
  const c = {
    evaluationStatus: null,
    clocks: {},
  } as unknown as CaseFacts;
  const run = (anonymous: boolean) =>
    deliver.effect({
      payload: { method: 'other', receipt: 'none', petitionerView: 'none' },
      c: { ...c, anonymous },
      ...({} as Omit<Parameters<typeof deliver.effect>[0], 'payload' | 'c' | 'now'>), // unread by deliver
      now: new Date('2026-03-02T09:00:00+08:00'),
    });
  it('deliver opens the evaluation for a named petitioner only', async () => {
    expect(evaluable({ anonymous: true })).toBe(false);
    expect(evaluable({})).toBe(true);
    const named = await run(false);
    expect(named.patch.evaluationStatus).toBe('pending');
    expect(named.starts).toBeUndefined(); // the definition's review_window and evaluation
    const anon = await run(true);
    expect(anon.patch.evaluationStatus).toBeNull();
    expect(anon.starts).toEqual(['review_window']);
  });
});
