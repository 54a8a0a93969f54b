// What staff read under a timeline step: every recorded field by its Chinese name, codes in words.
import { describe, expect, it } from 'vitest';
import { eventDetailLines } from '../../src/domain/lifecycle/timeline.ts';

const asText = (action: string, detail: Record<string, unknown>) =>
  eventDetailLines(action, detail).map((l) => `${l.label}：${l.value}`);

describe('eventDetailLines', () => {
  it('shows a delivery in words, not as stored codes', () => {
    expect(asText('deliver', { method: 'online', receipt: 'none', petitionerView: 'agree' })).toEqual([
      '送达方式：网上送达',
      '送达回证：无',
      '信访人意见：同意',
    ]);
  });

  it('names the form of a merged follow-up and keeps its text', () => {
    expect(
      asText('link_repeat', {
        form: 'online',
        registeringUnit: '鼓楼区信访局',
        supplementContent: '路灯仍未修理。',
        receivedAt: '2026-12-01T02:00:00.000Z',
      }),
    ).toEqual(['登记单位：鼓楼区信访局', '信访形式：网上信访', '补充内容：路灯仍未修理。']);
  });

  it('names ratings, and leaves out empty and unknown fields', () => {
    expect(
      asText('rate', { bureauRating: 'satisfied', unitRating: 'dissatisfied', comment: ' ', x: 1 }),
    ).toEqual(['对信访部门评价：满意', '对责任单位评价：不满意']);
  });
});
