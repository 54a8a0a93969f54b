// 节假日录入: for the first year the shipped calendar (chinese-days) does not cover — 2027 as of
// this writing —, the province administrator enters the year's holidays and make-up workdays; due
// dates reaching into that year are computed with them at once, running clocks are recomputed in
// the same transaction, and "请人工核对" disappears. The days are test data, not the real calendar.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSuppliedCalendar } from '../../src/calendar/loader.ts';
import { auditLog, cases } from '../../src/db/schema.ts';
import {
  addDays,
  calendarCoverage,
  computeDue,
  installSuppliedDays,
  UNCOVERED_CALENDAR_NOTE,
  weekday,
} from '../../src/domain/deadlines/index.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let caseId = 0;
const Y = calendarCoverage().lastYear + 1;
const TRIGGER = `${Y - 1}-12-20T02:00:00.000Z`; // 60 calendar days later: ${Y}-02-18
const HOLIDAYS = [`${Y}-02-17`, `${Y}-02-18`, `${Y}-02-19`];
// The first weekend day after the holidays is made a workday (调休上班).
const MAKEUP = Array.from({ length: 7 }, (_, i) => addDays(`${Y}-02-20`, i)).find(
  (d) => weekday(d) % 6 === 0,
) as string;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['admin', 'gl_admin', 'gl_registrar']);
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('gl_registrar'),
    payload: {
      form: 'visit',
      subject: '小区供暖不达标',
      content: '小区冬季供暖温度长期不达标，多次反映无果，请求处理。',
      jurisdictionCode: '320106',
      petitioner: { name: '李四', idNumber: '11010519491231002X', phone: '13500000008' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json().caseId;
  // A handling clock started on a fixed day, so the test does not depend on today's date.
  const due = computeDue(new Date(TRIGGER), { amount: 60, unit: 'calendar_days' }).due;
  await h.ctx.db
    .update(cases)
    .set({
      clocks: { handling: { trigger: TRIGGER, amount: 60, unit: 'calendar_days', due: due.toISOString() } },
      dueAt: due,
    })
    .where(eq(cases.id, caseId));
});
afterAll(async () => {
  installSuppliedDays([]);
  await h?.close();
});

const handling = async () => {
  const detail = (
    await h.app.inject({ url: `/api/v1/cases/${caseId}`, headers: h.as('gl_registrar') })
  ).json();
  return detail.deadlines.find((d: { name: string }) => d.name === 'handling');
};
const put = (user: string, year: number, days: object[]) =>
  h.app.inject({
    method: 'PUT',
    url: `/api/v1/calendar/years/${year}`,
    headers: h.as(user),
    payload: { days },
  });
const entered = [
  ...HOLIDAYS.map((date) => ({ date, kind: 'holiday', name: '春节' })),
  { date: MAKEUP, kind: 'makeup_workday', name: '春节' },
];

describe(`entering ${Y}`, () => {
  it('before: the year is not covered and its due dates ask for a check by hand', async () => {
    const cal = (
      await h.app.inject({ url: `/api/v1/calendar/holidays?year=${Y}`, headers: h.as('admin') })
    ).json();
    expect(cal).toMatchObject({ covered: false, source: 'none', days: [] });
    const d = await handling();
    expect(d.dueDate).toBe(`${Y}-02-18`);
    expect(d.staffNote).toBe(UNCOVERED_CALENDAR_NOTE);
  });

  it('refuses county administrators, shipped years and impossible days', async () => {
    expect((await put('gl_admin', Y, entered)).statusCode).toBe(403);
    const shipped = await put('admin', Y - 1, []);
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().error.code).toBe('year_shipped');
    const weekdayMakeup = await put('admin', Y, [
      { date: `${Y}-02-17`, kind: 'makeup_workday', name: '春节' },
    ]);
    expect(weekdayMakeup.json().error.code).toBe(
      weekday(`${Y}-02-17`) % 6 === 0 ? 'day_repeated' : 'makeup_not_weekend',
    );
    expect(
      (await put('admin', Y, [{ date: `${Y + 1}-01-01`, kind: 'holiday', name: '元旦' }])).statusCode,
    ).toBe(400);
    expect(
      (await put('admin', Y, [{ date: `${Y}-01-01`, kind: 'holiday', name: '元\u0000旦' }])).statusCode,
    ).toBe(400);
  });

  it('after: due dates use the entered days, running clocks are recomputed, the note is gone', async () => {
    const res = await put('admin', Y, entered);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: Y, days: 4 });
    expect(res.json().recomputedCases).toBeGreaterThanOrEqual(1);

    // 02-18 is now a holiday: the last day moves past the entered block to the next working day,
    // the make-up weekend day included.
    let expected = `${Y}-02-20`;
    while (weekday(expected) % 6 === 0 && expected !== MAKEUP) expected = addDays(expected, 1);
    expect(expected <= MAKEUP).toBe(true);
    const d = await handling();
    expect(d.dueDate).toBe(expected);
    expect(d.staffNote).toBeNull();
    expect(d.explanation).toContain('春节');
    expect(d.due).toBe(new Date(`${expected}T23:59:59.999+08:00`).toISOString());
    const [row] = await h.ctx.db.select({ dueAt: cases.dueAt }).from(cases).where(eq(cases.id, caseId));
    expect(row?.dueAt?.toISOString()).toBe(d.due);

    const cal = (
      await h.app.inject({ url: `/api/v1/calendar/holidays?year=${Y}`, headers: h.as('gl_registrar') })
    ).json();
    expect(cal).toMatchObject({ covered: true, source: 'entered' });
    expect(cal.days).toContainEqual({ date: MAKEUP, kind: 'makeup_workday', label: '调休上班（春节）' });
    expect(cal.days.filter((x: { kind: string }) => x.kind === 'holiday')).toHaveLength(3);

    // Working days count the make-up Saturday and skip the holidays.
    const w = computeDue(new Date(`${Y}-02-16T02:00:00Z`), { amount: 1, unit: 'working_days' });
    expect(w.dueDate).toBe(expected);
    expect(w.calendarCovered).toBe(true);

    const audits = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.set_year'));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.summary).toMatchObject({ after: { holidays: 3, makeupWorkdays: 1 } });
  });

  it('is read from the database at start, and an empty list takes the year back out', async () => {
    installSuppliedDays([]);
    expect(computeDue(new Date(TRIGGER), { amount: 60, unit: 'calendar_days' }).calendarCovered).toBe(false);
    expect(await loadSuppliedCalendar(h.ctx.db)).toBe(4);
    expect(computeDue(new Date(TRIGGER), { amount: 60, unit: 'calendar_days' }).calendarCovered).toBe(true);

    expect((await put('admin', Y, [])).statusCode).toBe(200);
    const d = await handling();
    expect(d.dueDate).toBe(`${Y}-02-18`);
    expect(d.staffNote).toBe(UNCOVERED_CALENDAR_NOTE);
  });
});
