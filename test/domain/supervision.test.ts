// 督查督办 rules: the order-type table, the statuses, overdue, the escalation steps and the 督办函 text.
import { describe, expect, it } from 'vitest';
import {
  defaultDeadline,
  dueEscalation,
  isOverdue,
  letterNumber,
  nextOrderStatus,
  ORDER_TYPE_RULES,
  ORDER_TYPES,
} from '../../src/domain/supervision/orders.ts';
import type { Actor } from '../../src/policies/actor.ts';
import { SUPERVISION_RULES, supervisionPolicy } from '../../src/policies/supervision.ts';
import { letterModel, maskPersonal } from '../../src/supervision/letter.ts';

describe('the order-type table', () => {
  it('has the four kinds with their deadlines, letters and two escalation steps', () => {
    expect(ORDER_TYPES.map((t) => ORDER_TYPE_RULES[t].name)).toEqual([
      '网上督办',
      '书面督办',
      '实地督查',
      '约谈',
    ]);
    expect(ORDER_TYPE_RULES.written).toMatchObject({ feedbackDays: 15, letter: true });
    expect(ORDER_TYPE_RULES.online.letter).toBe(false);
    for (const t of ORDER_TYPES)
      expect(ORDER_TYPE_RULES[t].escalation.map((s) => s.kind)).toEqual(['remind', 'escalate']);
    expect(defaultDeadline('interview', '2026-12-28')).toBe('2027-01-04');
  });

  it('moves issued → feedback_filed → closed, or back to issued; nothing after closed', () => {
    expect(nextOrderStatus('file_feedback', 'issued')).toBe('feedback_filed');
    expect(nextOrderStatus('accept', 'feedback_filed')).toBe('closed');
    expect(nextOrderStatus('return', 'feedback_filed')).toBe('issued');
    expect(nextOrderStatus('accept', 'issued')).toBeNull();
    expect(nextOrderStatus('file_feedback', 'closed')).toBeNull();
  });
});

describe('overdue and escalation', () => {
  const o = { type: 'online' as const, status: 'issued' as const, deadline: '2026-12-10' };
  it('is overdue when waiting past the deadline, or fed back after it', () => {
    expect(isOverdue({ ...o, feedbackDate: null }, '2026-12-10')).toBe(false);
    expect(isOverdue({ ...o, feedbackDate: null }, '2026-12-11')).toBe(true);
    expect(isOverdue({ ...o, status: 'closed', feedbackDate: '2026-12-10' }, '2026-12-30')).toBe(false);
    expect(isOverdue({ ...o, status: 'closed', feedbackDate: '2026-12-12' }, '2026-12-30')).toBe(true);
  });

  it('reminds one day after the deadline, escalates five days after the reminder, then stops', () => {
    expect(dueEscalation({ ...o, level: 0, lastStepDate: null }, '2026-12-10')).toBeNull();
    expect(dueEscalation({ ...o, level: 0, lastStepDate: null }, '2026-12-11')?.kind).toBe('remind');
    expect(dueEscalation({ ...o, level: 1, lastStepDate: '2026-12-11' }, '2026-12-15')).toBeNull();
    expect(dueEscalation({ ...o, level: 1, lastStepDate: '2026-12-11' }, '2026-12-16')?.kind).toBe(
      'escalate',
    );
    expect(dueEscalation({ ...o, level: 2, lastStepDate: '2026-12-16' }, '2027-02-01')).toBeNull();
    expect(
      dueEscalation({ ...o, status: 'feedback_filed', level: 0, lastStepDate: null }, '2027-01-01'),
    ).toBeNull();
  });
});

describe('who may do what', () => {
  const actor = (over: Partial<Actor>): Actor => ({
    userId: 1,
    role: 'supervisor',
    displayName: 'x',
    unitId: 10,
    unitKind: 'bureau',
    unitName: '鼓楼区信访局',
    jurisdictionCode: '320106',
    jurisdictionName: '鼓楼区',
    scopePrefix: '320106',
    ...over,
  });
  const order = { jurisdictionCode: '320106', unitId: 20, raisingUnitId: 10 };
  it('lets supervisors and leaders of a bureau in scope raise, the unit file, the raiser decide', () => {
    expect(Object.keys(SUPERVISION_RULES)).toEqual(['file_feedback', 'accept', 'return']);
    expect(supervisionPolicy.raise(actor({}), '320106')).toBe(true);
    expect(supervisionPolicy.raise(actor({ role: 'registrar' }), '320106')).toBe(false);
    expect(supervisionPolicy.raise(actor({}), '320102')).toBe(false);
    const handler = actor({ role: 'handler', unitId: 20, unitKind: 'department', scopePrefix: '320106' });
    expect(supervisionPolicy.act(handler, order, 'file_feedback')).toBe(true);
    expect(supervisionPolicy.act(handler, order, 'accept')).toBe(false);
    expect(supervisionPolicy.act(actor({}), order, 'accept')).toBe(true);
    expect(supervisionPolicy.act(actor({}), order, 'file_feedback')).toBe(false);
    const outside = actor({ role: 'handler', unitId: 99, unitKind: 'department', scopePrefix: '3201' });
    expect(supervisionPolicy.read(outside, order)).toBe(false);
  });
});

describe('the 督办函', () => {
  it('numbers letters 〔year〕督字第N号', () => {
    expect(letterNumber(2026, 7)).toBe('〔2026〕督字第7号');
  });

  it('names the unit, the facts, the requirements and the deadline; masks persons and numbers', () => {
    const m = letterModel({
      number: '〔2026〕督字第1号',
      type: 'written',
      raisingUnit: '鼓楼区信访局',
      unit: '鼓楼区住房和城乡建设局',
      raisedAt: new Date('2026-12-01T02:00:00Z'),
      deadline: '2026-12-16',
      facts: '信访人李四（身份证320106199001011234，电话13812345678）反映补贴未发。',
      requirements: '限期答复李四。',
      case: {
        caseNumber: '3201062026000123',
        subject: '补贴发放',
        receivedAt: new Date('2026-10-01T02:00:00Z'),
      },
      personNames: ['李四'],
    });
    expect(m.title).toBe('督办函');
    expect(m.addressee).toBe('鼓楼区住房和城乡建设局');
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('二〇二六年十二月十六日前');
    expect(text).toContain('限期答复李*。');
    expect(text).not.toContain('李四');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('320106199001011234');
    expect(maskPersonal('王小明说', ['王小明'])).toBe('王**说');
  });
});
