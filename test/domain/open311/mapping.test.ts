import { describe, expect, it } from 'vitest';
import { STATES } from '../../../src/domain/lifecycle/vocabulary.ts';
import {
  OPEN311_SERVICES,
  redactForPublic,
  serviceOf,
  statesOf,
  statusNotes,
  statusOf,
  subjectFrom,
  toXml,
  w3cDateTime,
} from '../../../src/domain/open311/mapping.ts';

describe('Open311 mapping', () => {
  it('maps every state to open or closed, terminal states closed', () => {
    expect(statusOf('registered')).toBe('open');
    expect(statusOf('replied')).toBe('open');
    for (const s of ['closed', 'final', 'not_accepted', 'channelled', 'settled'] as const)
      expect(statusOf(s)).toBe('closed');
    expect([...statesOf('open', STATES), ...statesOf('closed', STATES)].sort()).toEqual([...STATES].sort());
  });

  it('services are the content categories; a matter without one is 其他', () => {
    expect(OPEN311_SERVICES.map((s) => s.service_code)).toContain('130000');
    expect(serviceOf(null)).toEqual({ code: '990000', name: '其他' });
    expect(serviceOf('020000').name).toBe('劳动和社会保障');
  });

  it('redacts party names and numbers, longest name first', () => {
    const text = '张三丰与张三反映，电话13812345678，身份证320106199001011238。';
    const out = redactForPublic(text, ['张三', '张三丰']);
    expect(out).not.toMatch(/张三丰|张三[^*]|13812345678|320106199001011238/);
    expect(out).toContain('张**与张*');
  });

  it('status notes: the decision when there is one, else the state', () => {
    expect(statusNotes('accepted', undefined, [])).toBe('已受理');
    expect(
      statusNotes(
        'final',
        { action: 'decide_rereview', outcomeName: '维持', decision: '维持原复查意见' },
        [],
      ),
    ).toBe('已终结。处理结果：维持。复核意见：维持原复查意见');
    expect(
      statusNotes('replied', { action: 'reply', outcomeName: '支持', decision: '王五的诉求予以支持' }, [
        '王五',
      ]),
    ).toBe('已答复。处理结果：支持。处理意见：王*的诉求予以支持');
  });

  it('writes W3C datetimes on the Shanghai clock, subjects from the first clause, escaped XML', () => {
    expect(w3cDateTime(new Date('2026-03-01T01:30:00Z'))).toBe('2026-03-01T09:30:00+08:00');
    expect(subjectFrom('路灯坏了。已经三个月', '城乡建设')).toBe('路灯坏了');
    expect(subjectFrom('。', '城乡建设')).toBe('城乡建设');
    expect(toXml('errors', 'error', [{ code: 400, description: 'a<b&c' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code><description>a&lt;b&amp;c</description></error></errors>',
    );
  });
});
