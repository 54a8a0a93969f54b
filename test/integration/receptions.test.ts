// 领导接访 over HTTP: a registrar plans receptions on the county calendar, published on the portal
// without personal data; a citizen books one (SMS confirmation, `reception.booked` with its kind),
// the registrar books an invited petitioner (约访); full slots, invitation-only kinds and bad input
// are refused; the day-before reminder goes once; a booking is cancelled. The scenario: a citizen
// books a leader reception → it takes place with a record (solved on the spot) → the indicators
// count it, by leader and by level, and the matter's timeline shows it. And who may not do what.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, receptionBookings, receptionSlots, users } from '../../src/db/schema.ts';
import { shanghaiDate } from '../../src/domain/deadlines/index.ts';
import { outboxText } from '../../src/notify/outbox.ts';
import type { ReceptionBooked } from '../../src/receptions/events.ts';
import { runReceptionReminderPass } from '../../src/receptions/reminders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const DAY = 86_400_000;
const CITIZEN = '13900000001';
let leaderId = 0;
let njLeaderId = 0;
const booked: ReceptionBooked[] = [];

/** A time `days` from now at 09:00 Shanghai, as ISO with offset. */
const at = (days: number, hour = 9) =>
  `${shanghaiDate(new Date(Date.now() + days * DAY))}T${String(hour).padStart(2, '0')}:00:00+08:00`;

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([
    CITIZEN,
    'gl_registrar',
    'gl_leader',
    'gl_handler',
    'gl_supervisor',
    'nj_registrar',
    'nj_analyst',
  ]);
  const [l] = await h.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'gl_leader'));
  const [n] = await h.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'nj_leader'));
  leaderId = l?.id ?? 0;
  njLeaderId = n?.id ?? 0;
  h.ctx.events.on('reception.booked', 'test.probe', (_w, e) => {
    booked.push(e);
  });
});
afterAll(async () => {
  await h?.close();
});

const get = (user: string | null, url: string) =>
  h.app.inject({ url: `/api/v1${url}`, headers: user ? h.as(user) : {} });
const post = (user: string, url: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.as(user), payload });

const slot = (over: Record<string, unknown> = {}) => ({
  kind: 'receive',
  leaderUserId: leaderId,
  leaderTitle: '区长',
  startsAt: at(3),
  endsAt: at(3, 11),
  place: '鼓楼区人民来访接待中心一楼接待室',
  topics: '城建、拆迁安置、物业管理',
  capacity: 3,
  ...over,
});

async function plan(over: Record<string, unknown> = {}): Promise<number> {
  const res = await post('gl_registrar', '/receptions', slot(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** The reception took place: its time moves to the past (as the clock would). Returns when it began. */
async function holdNow(id: number): Promise<Date> {
  const startsAt = new Date(Date.now() - 2 * 3600_000);
  await h.ctx.db
    .update(receptionSlots)
    .set({ startsAt, endsAt: new Date(Date.now() - 3600_000) })
    .where(eq(receptionSlots.id, id));
  return startsAt;
}

const smsOf = async (template: string) =>
  (await h.ctx.db.select().from(outbox).where(eq(outbox.template, template))).map((r) => ({
    ...r,
    text: outboxText(h.ctx.pii, r) ?? '',
  }));

describe('the reception calendar', () => {
  it('refuses bad input with Chinese messages, and who may not plan', async () => {
    const back = await post('gl_registrar', '/receptions', slot({ endsAt: at(3, 8) }));
    expect(back.statusCode).toBe(400);
    expect(back.json().error).toMatchObject({ code: 'reception_times', message: '结束时间应晚于开始时间' });
    const past = await post('gl_registrar', '/receptions', slot({ startsAt: at(-1), endsAt: at(-1, 11) }));
    expect(past.json().error.code).toBe('reception_past');
    const notLeader = await post('gl_registrar', '/receptions', slot({ leaderUserId: 1 }));
    expect(notLeader.json().error.code).toBe('reception_leader');
    // A leader of the city is not on the county's calendar.
    expect((await post('gl_registrar', '/receptions', slot({ leaderUserId: njLeaderId }))).statusCode).toBe(
      400,
    );
    const kind = await post('gl_registrar', '/receptions', slot({ kind: 'party' }));
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toMatch(/接访方式/);
    expect((await post('gl_registrar', '/receptions', slot({ capacity: 0 }))).json().error.message).toMatch(
      /预约名额至少1个/,
    );
    expect((await post('gl_handler', '/receptions', slot())).statusCode).toBe(403);
    expect((await post(CITIZEN, '/receptions', slot())).statusCode).toBe(403);
  });

  it('is published on the portal without login and without personal data', async () => {
    const id = await plan({ kind: 'video', leaderTitle: '副区长', topics: '劳动保障、社会救助' });
    const res = await get(null, '/public/receptions?jurisdiction=320106');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((s: { id: number }) => s.id === id);
    expect(item).toMatchObject({
      kind: 'video',
      kindName: '视频接访',
      citizenBooks: true,
      leader: expect.stringMatching(/^副区长 /),
      levelName: '县级',
      seatsLeft: 3,
      statusName: '待接访',
      time: '09:00–11:00',
    });
    expect(Object.keys(item)).not.toContain('bookings');
    // Staff see it in their calendar; a city registrar sees the county's; a department does not.
    expect((await get('nj_registrar', `/receptions/${id}`)).statusCode).toBe(200);
    expect((await get('gl_handler', '/receptions')).statusCode).toBe(403);
    const bad = await get(null, '/public/receptions?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
  });
});

describe('booking', () => {
  let id = 0;
  let caseId = 0;

  beforeAll(async () => {
    id = await plan();
    const res = await post(CITIZEN, '/cases', {
      form: 'online',
      subject: '小区物业违规收取停车费',
      content: '小区物业公司未经业主大会同意上调停车费，多次反映无果，请求领导协调。',
      jurisdictionCode: '320106',
    });
    caseId = res.json().caseId;
  });

  it('a citizen books with their matter: SMS confirmation without personal data, the event with the kind', async () => {
    const res = await post(CITIZEN, '/my/receptions', { slotId: id, caseId });
    expect(res.statusCode, res.body).toBe(201);
    const { bookingId, number } = res.json();
    expect(number).toBe(`R${bookingId}`);
    const sms = (await smsOf('reception_booked')).find(
      (s) => s.idempotencyKey === `reception:booked:${bookingId}`,
    );
    expect(sms?.recipientMasked).toBe('139****0001');
    expect(sms?.text).toMatch(
      /^【阳光信访】您已预约.*区长接访，地点：鼓楼区人民来访接待中心一楼接待室，预约号R\d+/,
    );
    expect(sms?.text).not.toMatch(/13900000001|张/);
    expect(booked.at(-1)).toMatchObject({ bookingId, slotId: id, kind: 'receive', caseId, via: 'portal' });
    // Twice is refused; the calendar has one seat fewer.
    const again = await post(CITIZEN, '/my/receptions', { slotId: id, matter: '再约一次' });
    expect(again.json().error.code).toBe('booking_duplicate');
    const pub = (await get(null, '/public/receptions')).json().items.find((s: { id: number }) => s.id === id);
    expect(pub.seatsLeft).toBe(2);
    const mine = (await get(CITIZEN, '/my/receptions')).json().items;
    expect(mine[0]).toMatchObject({ id: bookingId, caseId, statusName: '已预约', slot: { id } });
  });

  it('refuses a booking with no matter, and a matter that is not theirs', async () => {
    const none = await post(CITIZEN, '/my/receptions', { slotId: id });
    expect(none.statusCode).toBe(400);
    const other = await post(CITIZEN, '/my/receptions', { slotId: id, caseId: 999999 });
    expect(other.json().error.code).toBe('booking_case_unknown');
  });

  it('the registrar books for a visitor; a full reception and 约访 online are refused', async () => {
    const noPhone = await post('gl_registrar', `/receptions/${id}/bookings`, {
      name: '王五',
      matter: '事项',
    });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error).toMatchObject({ code: 'booking_phone_required', field: 'phone' });
    const staff = await post('gl_registrar', `/receptions/${id}/bookings`, {
      name: '李四',
      phone: '13700001111',
      matter: '拆迁安置房交付延期',
      peopleCount: 2,
    });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(booked.at(-1)).toMatchObject({ via: 'staff', kind: 'receive', petitionerUserId: null });
    const detail = (await get('gl_registrar', `/receptions/${id}`)).json();
    expect(detail.bookings.map((b: { name: string }) => b.name)).toContain('李四');
    // The supervisor sees the visitor masked.
    const sup = (await get('gl_supervisor', `/receptions/${id}`)).json();
    expect(sup.bookings.map((b: { name: string }) => b.name)).toContain('李*');
    expect(JSON.stringify(sup)).not.toContain('13700001111');
    const full = await post('gl_registrar', `/receptions/${id}/bookings`, {
      name: '王五',
      phone: '13700002222',
      matter: '另一事项',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({
      code: 'reception_full',
      message: '该场接访预约已满，请选择其他场次',
    });

    const invite = await plan({ kind: 'invite', startsAt: at(5), endsAt: at(5, 10) });
    const online = await post(CITIZEN, '/my/receptions', { slotId: invite, matter: '想约见领导' });
    expect(online.json().error.code).toBe('reception_invite_only');
    const byStaff = await post('gl_registrar', `/receptions/${invite}/bookings`, {
      name: '赵六',
      phone: '13700003333',
      matter: '约请面谈',
    });
    expect(byStaff.statusCode).toBe(201);
    expect(booked.at(-1)?.kind).toBe('invite');
  });

  it('a video reception booking exposes its bookingId to subscribers (视频接访)', async () => {
    const video = await plan({ kind: 'video', startsAt: at(4), endsAt: at(4, 10) });
    const res = await post(CITIZEN, '/my/receptions', { slotId: video, matter: '通过视频反映社保问题' });
    expect(res.statusCode).toBe(201);
    expect(booked.at(-1)).toMatchObject({ kind: 'video', bookingId: res.json().bookingId, slotId: video });
  });

  it('reminds everyone booked the day before, once', async () => {
    const slotDay = new Date(Date.now() + 3 * DAY);
    const dayBefore = new Date(slotDay.getTime() - DAY);
    expect((await runReceptionReminderPass(h.ctx, new Date(Date.now() + 0 * DAY))).reminded).toBe(0);
    const first = await runReceptionReminderPass(h.ctx, dayBefore);
    expect(first.reminded).toBe(2);
    expect((await runReceptionReminderPass(h.ctx, dayBefore)).reminded).toBe(0);
    const texts = (await smsOf('reception_reminder')).map((s) => s.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^【阳光信访】提醒：您预约的.*将于明天举行/);
  });

  it('cancels: the citizen their own booking before it starts; others may not', async () => {
    const mine = (await get(CITIZEN, '/my/receptions'))
      .json()
      .items.find((b: { slotId: number }) => b.slotId === id);
    expect((await post('gl_handler', `/bookings/${mine.id}/cancel`, {})).statusCode).toBe(404);
    const res = await post(CITIZEN, `/bookings/${mine.id}/cancel`, {});
    expect(res.statusCode).toBe(200);
    expect((await post(CITIZEN, `/bookings/${mine.id}/cancel`, {})).json().error.code).toBe(
      'booking_not_active',
    );
    const [b] = await h.ctx.db.select().from(receptionBookings).where(eq(receptionBookings.id, mine.id));
    expect(b?.status).toBe('cancelled');
    expect((await smsOf('reception_booking_cancelled')).length).toBe(1);
  });

  it('cancelling a reception cancels its bookings and tells them by SMS', async () => {
    const other = await plan({ startsAt: at(6), endsAt: at(6, 10) });
    await post('gl_registrar', `/receptions/${other}/bookings`, {
      name: '钱七',
      phone: '13700004444',
      matter: '事项',
    });
    expect((await post('gl_handler', `/receptions/${other}/cancel`, {})).statusCode).toBe(404);
    const res = await post('gl_leader', `/receptions/${other}/cancel`, { reason: '领导另有公务' });
    expect(res.json()).toMatchObject({ statusName: '已取消', cancelReason: '领导另有公务' });
    expect(res.json().bookings[0].statusName).toBe('已取消');
    expect((await smsOf('reception_cancelled')).length).toBe(1);
    const late = await post('gl_registrar', `/receptions/${other}/bookings`, {
      name: '孙八',
      phone: '13700005555',
      matter: '事项',
    });
    expect(late.json().error.code).toBe('reception_not_open');
  });
});

describe('the scenario: booked → held with a record (solved on the spot) → counted', () => {
  it('a citizen books, the leader receives, the record counts in the indicators', async () => {
    const id = await plan({ startsAt: at(2), endsAt: at(2, 11), capacity: 10 });
    const reg = await post(CITIZEN, '/cases', {
      form: 'online',
      subject: '小区雨污管网堵塞长期未修',
      content: '小区雨污管网堵塞，雨天污水倒灌，多次向街道反映未解决。',
      jurisdictionCode: '320106',
    });
    const caseId = reg.json().caseId as number;
    const b = await post(CITIZEN, '/my/receptions', { slotId: id, caseId });
    expect(b.statusCode).toBe(201);
    const bookingId = b.json().bookingId;

    // Not before it starts.
    const early = await post('gl_leader', `/receptions/${id}/record`, {
      batches: 1,
      persons: 1,
      decision: '当场协调',
    });
    expect(early.json().error.code).toBe('reception_not_started');
    const heldAt = await holdNow(id);

    // Another visitor's matter is registered on the spot (through the registration command).
    const spot = await post('gl_registrar', '/cases', {
      form: 'visit',
      subject: '门面房租金减免未落实',
      content: '来访人反映其承租的国有门面房租金减免政策未落实，请求领导协调。',
      jurisdictionCode: '320106',
      petitioner: { name: '周九', phone: '13700006666' },
    });
    expect(spot.statusCode).toBe(201);
    const spotCase = spot.json().caseId as number;

    const bad = await post('gl_leader', `/receptions/${id}/record`, {
      batches: 3,
      persons: 2,
      decision: '协调',
    });
    expect(bad.json().error).toMatchObject({ code: 'reception_counts', message: '接待人次不能少于接待批次' });
    expect(
      (await post('gl_handler', `/receptions/${id}/record`, { batches: 1, persons: 1, decision: 'x' }))
        .statusCode,
    ).toBe(404);
    const notMine = await post('gl_leader', `/receptions/${id}/record`, {
      batches: 1,
      persons: 1,
      decision: 'x',
      matters: [{ caseId: 999999 }],
    });
    expect(notMine.json().error.code).toBe('reception_matter_unknown');

    const rec = await post('gl_leader', `/receptions/${id}/record`, {
      batches: 2,
      persons: 3,
      decision: '责成区城管局三日内疏通管网；门面房租金减免由区国资办核实后落实。',
      matters: [
        { caseId, solvedOnSpot: true, note: '城管局现场承诺三日内疏通' },
        { caseId: spotCase, solvedOnSpot: false },
      ],
      followUps: [
        { task: '核实门面房租金减免落实情况', deadline: shanghaiDate(new Date(Date.now() + 10 * DAY)) },
      ],
      attendedBookingIds: [bookingId],
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({
      statusName: '已接访',
      record: {
        batches: 2,
        persons: 3,
        solvedOnSpot: 1,
        followUps: [{ task: '核实门面房租金减免落实情况' }],
      },
      can: { record: false },
    });
    expect(rec.json().bookings.find((x: { id: number }) => x.id === bookingId).statusName).toBe('已接待');
    const twice = await post('gl_leader', `/receptions/${id}/record`, {
      batches: 1,
      persons: 1,
      decision: 'x',
    });
    expect(twice.json().error.code).toBe('reception_recorded');

    // The matter's timeline shows the reception (staff).
    const timeline = (await get('gl_registrar', `/cases/${caseId}`)).json().timeline;
    expect(timeline.map((e: { label: string }) => e.label)).toContain('领导接访');

    // The reception counts on the Beijing day it was held (two hours ago: yesterday between 0 and 2 h).
    const day = shanghaiDate(heldAt);
    const ind = await get('gl_supervisor', `/receptions/indicators?from=${day}&to=${day}`);
    expect(ind.statusCode).toBe(200);
    expect(ind.json().total).toEqual({ receptions: 1, batches: 2, persons: 3, matters: 2, solvedOnSpot: 1 });
    expect(ind.json().byLeader).toEqual([
      expect.objectContaining({
        leaderUserId: leaderId,
        leader: expect.stringMatching(/^区长 /),
        batches: 2,
        persons: 3,
        solvedOnSpot: 1,
      }),
    ]);
    expect(ind.json().byLevel).toEqual([
      expect.objectContaining({ level: 3, levelName: '县级', batches: 2 }),
    ]);
    // The city's analyst counts the county's receptions in the city's subtree.
    const city = await get('nj_analyst', `/receptions/indicators?jurisdiction=320100&from=${day}&to=${day}`);
    expect(city.json().total.solvedOnSpot).toBe(1);
    // Out of scope, and a period backwards.
    expect(
      (await get('gl_supervisor', `/receptions/indicators?jurisdiction=320100&from=${day}&to=${day}`))
        .statusCode,
    ).toBe(403);
    expect((await get('gl_supervisor', `/receptions/indicators?from=${day}&to=2020-01-01`)).statusCode).toBe(
      400,
    );
    // Nothing of the petitioners is stored in clear.
    const rows = await h.ctx.db
      .select()
      .from(receptionBookings)
      .where(like(receptionBookings.nameEnc, '%周%'));
    expect(rows).toHaveLength(0);
    const [row] = await h.ctx.db
      .select()
      .from(receptionBookings)
      .where(and(eq(receptionBookings.id, bookingId)));
    expect(row?.phoneEnc).not.toContain('13900000001');
  });
});
