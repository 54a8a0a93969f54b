import { describe, expect, it } from 'vitest';
import { daysOverdue, isOverdue, projectStatus } from '../../src/domain/projects/status.ts';

const m = (dueDate: string, doneDate: string | null = null) => ({ dueDate, doneDate });

describe('key project status', () => {
  it('a milestone is overdue the day after its due date while not done', () => {
    expect(isOverdue(m('2026-03-31'), '2026-03-31')).toBe(false);
    expect(isOverdue(m('2026-03-31'), '2026-04-01')).toBe(true);
    expect(isOverdue(m('2026-03-31', '2026-04-05'), '2026-04-10')).toBe(false);
    expect(daysOverdue(m('2026-03-31'), '2026-04-10')).toBe(10);
    expect(daysOverdue(m('2026-03-31'), '2026-03-01')).toBe(0);
  });

  it('on track, overdue, done, planning', () => {
    const today = '2026-06-15';
    expect(projectStatus([], today)).toMatchObject({ status: 'planning', total: 0 });
    expect(projectStatus([m('2026-03-31', '2026-03-30'), m('2026-09-30')], today)).toMatchObject({
      status: 'on_track',
      done: 1,
      overdue: 0,
      nextDue: '2026-09-30',
    });
    expect(projectStatus([m('2026-05-31'), m('2026-09-30')], today)).toMatchObject({
      status: 'overdue',
      overdue: 1,
      nextDue: '2026-05-31',
    });
    expect(
      projectStatus([m('2026-05-31', '2026-06-10'), m('2026-01-31', '2026-01-20')], today),
    ).toMatchObject({
      status: 'done',
      done: 2,
      nextDue: null,
    });
  });
});
