// The pure rules of 日监测 (source table, thresholds per jurisdiction, digest text) and 周调度
// (statuses, weeks, overdue decisions).
import { describe, expect, it } from 'vitest';
import {
  addDaysTo,
  canMove,
  daysOverdue,
  MEETING_TRANSITIONS,
  TASK_TRANSITIONS,
  taskShownStatus,
  weekOf,
  weekStartOf,
} from '../../src/domain/dispatch/states.ts';
import {
  defaultThresholds,
  digestText,
  MONITORING_SOURCES,
  sourcesFor,
  thresholdsFromSettings,
} from '../../src/domain/monitoring/sources.ts';
import { MONITORING_COLLECTORS } from '../../src/monitoring/registry.ts';

describe('monitoring sources', () => {
  it('every source of the table has a collector, a Chinese title and roles', () => {
    for (const s of MONITORING_SOURCES) {
      expect(MONITORING_COLLECTORS[s.id]).toBeTypeOf('function');
      expect(s.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(s.roles.length).toBeGreaterThan(0);
    }
    expect(new Set(MONITORING_SOURCES.map((s) => s.id)).size).toBe(MONITORING_SOURCES.length);
  });

  it('thresholds: defaults, the nearest setting wins, out-of-range values are ignored', () => {
    expect(defaultThresholds()).toMatchObject({ stalledDays: 15, nearDueDays: 3, candidateHours: 24 });
    expect(thresholdsFromSettings([{ stalledDays: 20 }, { stalledDays: 30 }]).stalledDays).toBe(30);
    expect(thresholdsFromSettings([{ stalledDays: 20 }, { stalledDays: 0 }]).stalledDays).toBe(20);
    expect(thresholdsFromSettings([{ stalledDays: 2.5 }, 'x', null]).stalledDays).toBe(15);
  });

  it('roles: registrars see the clocks and orders, supervisors everything, handlers nothing', () => {
    expect(sourcesFor('registrar').map((s) => s.id)).toEqual([
      'case_overdue',
      'case_near_due',
      'backlog_stalled',
      'supervision_overdue',
    ]);
    expect(sourcesFor('supervisor')).toHaveLength(MONITORING_SOURCES.length);
    expect(sourcesFor('handler')).toHaveLength(0);
  });

  it('the digest text names counts only', () => {
    const t = digestText('鼓楼区信访局', '2026-12-04', [
      { title: '办理超期', total: 3 },
      { title: '即将到期', total: 0 },
    ]);
    expect(t).toBe('鼓楼区信访局日监测晨报（2026-12-04）：办理超期3项。请登录工作台“日监测”查看处置。');
    expect(digestText('鼓楼区信访局', '2026-12-04', [])).toContain('暂无需关注事项');
  });
});

describe('dispatch statuses and weeks', () => {
  it('meetings go draft → held only; tasks open → done only', () => {
    expect(canMove(MEETING_TRANSITIONS, 'draft', 'held')).toBe(true);
    expect(canMove(MEETING_TRANSITIONS, 'held', 'draft')).toBe(false);
    expect(canMove(TASK_TRANSITIONS, 'open', 'done')).toBe(true);
    expect(canMove(TASK_TRANSITIONS, 'done', 'open')).toBe(false);
    expect(canMove(TASK_TRANSITIONS, 'done', 'done')).toBe(false);
  });

  it('an open task is overdue from the day after its due date; a done one never', () => {
    expect(taskShownStatus('open', '2026-12-04', '2026-12-04')).toBe('open');
    expect(taskShownStatus('open', '2026-12-03', '2026-12-04')).toBe('overdue');
    expect(taskShownStatus('done', '2026-12-01', '2026-12-04')).toBe('done');
    expect(daysOverdue('2026-12-01', '2026-12-04')).toBe(3);
    expect(daysOverdue('2026-12-05', '2026-12-04')).toBe(0);
  });

  it('weeks run Monday to Sunday', () => {
    expect(weekStartOf('2026-12-04')).toBe('2026-11-30'); // a Friday
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(weekOf('2026-12-04')).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
      prevFrom: '2026-11-23',
      prevTo: '2026-11-29',
    });
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
  });
});
