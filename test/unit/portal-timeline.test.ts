// The portal's timeline in plain words (web/portal/timeline.ts), from the events' detail.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../web/portal/timeline.ts';
import type { TimelineItem } from '../../web/shared/types.ts';

// zh-CN needs no table: the key is the text; interpolate {{x}} like i18next.
const t = ((key: string, values: Record<string, unknown> = {}) =>
  key.replace(/\{\{(\w+)\}\}/g, (_, k) => String(values[k] ?? ''))) as unknown as TFunction;

const ev = (action: string, detail: Record<string, unknown>): TimelineItem => ({
  lines: [],
  at: '2026-03-02T02:00:00.000Z',
  action,
  label: action,
  fromState: null,
  toState: null,
  actorRole: null,
  actorName: null,
  detail,
});

describe('describeEvent', () => {
  it('names the unit, the reason and the result', () => {
    expect(describeEvent(ev('register', { registeringUnit: '鼓楼区信访局' }), t)).toBe(
      '鼓楼区信访局已登记您的信访事项',
    );
    expect(describeEvent(ev('forward', { targetUnit: '南京市住建局' }), t)).toBe('已转送南京市住建局处理');
    expect(describeEvent(ev('assign', { targetUnit: '鼓楼区住房和城乡建设局' }), t)).toBe(
      '已交鼓楼区住房和城乡建设局办理',
    );
    expect(
      describeEvent(
        ev('not_accept', {
          reason: '应当通过法定途径解决',
          reasonText: '属劳动争议',
          competentBody: '劳动仲裁委',
        }),
        t,
      ),
    ).toBe('不予受理，理由：应当通过法定途径解决。属劳动争议。请向劳动仲裁委提出');
    expect(describeEvent(ev('approve_extension', { days: 30, reason: '情况复杂' }), t)).toBe(
      '办理期限延长30日，原因：情况复杂',
    );
    expect(describeEvent(ev('reply', { outcomeName: '支持', decision: '限期维修。' }), t)).toBe(
      '结论：支持。限期维修。',
    );
    expect(describeEvent(ev('request_review', { reviewUnit: '南京市信访局' }), t)).toBe(
      '已申请复查，复查机关：南京市信访局',
    );
  });

  it('says nothing more than the label for events it does not know', () => {
    expect(describeEvent(ev('deadline', {}), t)).toBe('');
  });
});
