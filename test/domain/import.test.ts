// 历史数据导入的规则 (src/domain/import): the mapping file, each rejection reason of a row, and the
// history an accepted row becomes (states, clocks stopped on the source's dates).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSourceDate } from '../../src/domain/import/dates.ts';
import { historyOf } from '../../src/domain/import/history.ts';
import { checkMapping } from '../../src/domain/import/mapping.ts';
import { checkRow, type ImportRow } from '../../src/domain/import/rows.ts';
import { DEFAULT_LIMITS } from '../../src/domain/lifecycle/limits.ts';
import { idNumberCheckDigit } from '../../src/domain/validation/idNumber.ts';

const fixture = JSON.parse(readFileSync('test/fixtures/import/mapping.json', 'utf8'));
const mapping = (() => {
  const r = checkMapping(fixture);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.mapping;
})();
const today = new Date('2026-12-05T02:00:00Z');
const places: Record<string, string> = { 320106: '320106', 南京市鼓楼区: '320106', 鼓楼区: '' };
const ctx = { place: (v: string) => places[v] || undefined, today };
const ID = `32010619800101123${idNumberCheckDigit('32010619800101123')}`;

const base = {
  原信访件编号: 'GL-2024-0001',
  登记日期: '2024-05-06',
  受理日期: '2024/5/8',
  答复日期: '2024年6月20日',
  办结日期: '2024-06-25 15:30',
  办理状态: '办结',
  信访形式: '来信',
  信访目的: '求决',
  内容分类: '城建',
  问题属地: '南京市鼓楼区',
  标题: '小区违建',
  主要内容: '反映小区内违章搭建，请求拆除。',
  信访人: '王某',
  身份证号: ID,
  联系电话: '13812345678',
  处理结果: '支持',
};
const check = (over: Record<string, string> = {}) => checkRow(mapping, 2, { ...base, ...over }, ctx);
const codes = (over: Record<string, string>) => {
  const r = check(over);
  return r.ok ? [] : r.errors.map((e) => e.code);
};

describe('mapping.json', () => {
  it('the example mapping is valid', () => {
    expect(checkMapping(JSON.parse(readFileSync('docs/examples/import-mapping.json', 'utf8'))).ok).toBe(true);
  });
  it('names the unknown field, the doubly mapped field and the missing required ones', () => {
    const r = checkMapping({ source: 'x', columns: { A: 'sourceNo', B: 'sourceNo', C: 'subject' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toMatch(/sourceNo 同时映射/);
    expect(r.errors.join('\n')).toMatch(/receivedAt/);
    expect(r.errors.join('\n')).toMatch(/place/);
    expect(checkMapping({ columns: { A: 'nonsense' } }).ok).toBe(false);
  });
});

describe('source dates', () => {
  it('reads the usual spellings, with and without a time', () => {
    expect(parseSourceDate('2024-3-5')).toEqual({ date: '2024-03-05', time: null });
    expect(parseSourceDate('2024年3月5日')).toEqual({ date: '2024-03-05', time: null });
    expect(parseSourceDate('20240305')).toEqual({ date: '2024-03-05', time: null });
    expect(parseSourceDate('2024/03/05 14:30')).toEqual({ date: '2024-03-05', time: '14:30:00' });
    expect(parseSourceDate('2024-02-30')).toBeNull();
    expect(parseSourceDate('上周三')).toBeNull();
  });
});

describe('a source row', () => {
  it('passes with its codes translated and dates as Shanghai instants', () => {
    const r = check();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.row).toMatchObject({
      state: 'closed',
      form: 'letter',
      purpose: 'claim',
      categoryCode: '010000',
      placeCode: '320106',
      outcome: 'supported',
      idNumber: ID,
    });
    expect(r.row.receivedAt.toISOString()).toBe('2024-05-06T01:00:00.000Z');
    expect(r.row.closedAt?.toISOString()).toBe('2024-06-25T07:30:00.000Z');
  });

  it('is rejected for an ID number with a wrong check digit', () => {
    const bad = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(codes({ 身份证号: bad })).toEqual(['invalid_id_number_checksum']);
  });
  it('is rejected for an unknown or ambiguous place', () => {
    expect(codes({ 问题属地: '火星' })).toEqual(['unknown_place']);
    expect(codes({ 问题属地: '鼓楼区' })).toEqual(['unknown_place']);
  });
  it('is rejected for an unknown category', () => {
    expect(codes({ 内容分类: '外星人' })).toEqual(['unknown_category']);
  });
  it('is rejected when 办结 comes before 登记, or any step before an earlier one', () => {
    expect(codes({ 办结日期: '2024-05-01' })).toEqual(['date_order', 'date_order', 'date_order']);
    expect(codes({ 受理日期: '2024-05-01' })).toEqual(['date_order']);
    expect(
      codes({ 登记日期: '2030-01-01', 受理日期: '', 答复日期: '', 办结日期: '', 办理状态: '待受理' }),
    ).toEqual(['future_date']);
  });
  it('is rejected when the state does not fit the dates, or is unknown', () => {
    expect(codes({ 办理状态: '待受理' })).toEqual([
      'state_date_mismatch',
      'state_date_mismatch',
      'state_date_mismatch',
    ]);
    expect(codes({ 办理状态: '已答复', 办结日期: '', 答复日期: '' })).toEqual(['state_date_mismatch']);
    expect(codes({ 办理状态: '复查中' })).toEqual(['unknown_state']);
  });
  it('reports every failing rule at once', () => {
    expect(codes({ 原信访件编号: '', 内容分类: '外星人', 问题属地: '火星', 登记日期: 'x' })).toEqual([
      'missing_source_no',
      'invalid_date',
      'unknown_category',
      'unknown_place',
    ]);
  });
  it('takes the state from the dates when there is no state column value', () => {
    const r = check({ 办理状态: '', 答复日期: '', 办结日期: '' });
    expect(r.ok && r.row.state).toBe('accepted');
  });
});

describe('the history of an imported matter', () => {
  const row = (over: Partial<ImportRow> = {}): ImportRow => {
    const r = check();
    if (!r.ok) throw new Error('fixture row');
    return { ...r.row, ...over };
  };

  it('a closed matter: registered, accepted, replied, closed on the source dates, clocks stopped then', () => {
    const h = historyOf(row(), DEFAULT_LIMITS, '南京市鼓楼区信访局', today);
    expect(h.state).toBe('closed');
    expect(h.events.map((e) => [e.action, e.at.toISOString().slice(0, 10)])).toEqual([
      ['register', '2024-05-06'],
      ['accept', '2024-05-08'],
      ['reply', '2024-06-20'],
      ['close', '2024-06-25'],
    ]);
    expect(h.clocks.acceptance?.stoppedAt?.slice(0, 10)).toBe('2024-05-08');
    expect(h.clocks.handling?.stoppedAt?.slice(0, 10)).toBe('2024-06-20');
    expect(h.closedAt?.toISOString()).toBe('2024-06-25T07:30:00.000Z');
    expect(h.dueAt).toBeNull();
    expect(h.events.every((e) => e.detail.imported === true)).toBe(true);
  });

  it('a closed matter with only 登记 and 办结 dates is accepted on its registration day and replied on its closing day', () => {
    const r = check({ 受理日期: '', 答复日期: '' });
    if (!r.ok) throw new Error('row');
    const h = historyOf(r.row, DEFAULT_LIMITS, '信访局', today);
    expect(h.events.map((e) => e.action)).toEqual(['register', 'accept', 'reply', 'close']);
    expect(h.clocks.handling?.stoppedAt).toBe(r.row.closedAt?.toISOString());
  });

  it('a matter still open keeps its running clock and is overdue when its limit has passed', () => {
    const r = check({ 办理状态: '已受理', 答复日期: '', 办结日期: '' });
    if (!r.ok) throw new Error('row');
    const h = historyOf(r.row, DEFAULT_LIMITS, '信访局', today);
    expect(h.state).toBe('accepted');
    expect(h.dueFlag).toBe('overdue');
    expect(h.dueAt?.toISOString()).toBe(h.clocks.handling?.due);
  });

  it('不予受理: one decision on its date with the reason', () => {
    const r = check({ 办理状态: '不予受理', 受理日期: '', 答复日期: '', 办结日期: '2024-05-10' });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const h = historyOf(r.row, DEFAULT_LIMITS, '信访局', today);
    expect(h.state).toBe('not_accepted');
    expect(h.events.map((e) => e.action)).toEqual(['register', 'not_accept']);
    expect(h.events[1]?.detail.reasonCode).toBe('NOT_IN_REMIT');
    expect(h.clocks.acceptance?.stoppedAt?.slice(0, 10)).toBe('2024-05-10');
  });
});
