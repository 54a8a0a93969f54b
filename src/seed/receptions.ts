// Demo reception calendar and rights cards, so the console and the portal have content on first
// start: 鼓楼区 and 南京市 leaders' receptions held in the past weeks with their records (batches,
// persons, matters raised, some solved on the spot), coming receptions to book — a 接访, a 下访, a
// bookable 视频接访 and a 约访 — and rights cards issued at first visits to 鼓楼区, one checked at a
// visit to the province (越级), one at the city and one at 鼓楼区 again. Deterministic; does nothing
// when receptions exist already or the demo accounts are missing.
import { and, asc, eq, inArray, like, notLike } from 'drizzle-orm';
import { entriesFromTimeline } from '../cards/entries.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import {
  caseParties,
  cases,
  receptionBookings,
  receptionMatters,
  receptionRecords,
  receptionSlots,
  responsibilityLetters,
  rightsCards,
  rightsCardVisits,
  units,
  users,
} from '../db/schema.ts';
import { type CardEntry, cardNumber, matterLevel, visitVerdict } from '../domain/cards/levels.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { levelOf } from '../domain/jurisdictions.ts';
import type { ReceptionKind } from '../domain/receptions/kinds.ts';

const DAY = 86_400_000;

/** Day `d` from `now` at `hour`:`minute` Shanghai time. */
function at(now: Date, d: number, hour: number, minute = 0): Date {
  const day = shanghaiDate(new Date(now.getTime() + d * DAY));
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

interface PlannedSlot {
  unit: 'gulou' | 'nanjing';
  kind: ReceptionKind;
  title: string;
  day: number;
  hours: [number, number];
  place: string;
  topics: string;
  capacity: number;
  /** Held: batches, persons, decision, how many of the matters were solved on the spot. */
  held?: {
    batches: number;
    persons: number;
    decision: string;
    matters: number;
    solved: number;
    followUp?: string;
  };
}

const PLAN: readonly PlannedSlot[] = [
  {
    unit: 'gulou',
    kind: 'receive',
    title: '区长',
    day: -28,
    hours: [9, 11],
    place: '鼓楼区人民来访接待中心',
    topics: '城建、拆迁安置、物业管理',
    capacity: 10,
    held: {
      batches: 6,
      persons: 14,
      decision: '对物业管理问题责成区住建局会同街道一周内召开协调会；拆迁安置问题由区征收办逐户核实。',
      matters: 3,
      solved: 2,
      followUp: '区征收办核实安置房交付情况并答复信访人',
    },
  },
  {
    unit: 'nanjing',
    kind: 'receive',
    title: '副市长',
    day: -21,
    hours: [14, 17],
    place: '南京市人民来访接待中心',
    topics: '劳动保障、欠薪、社会救助',
    capacity: 12,
    held: {
      batches: 8,
      persons: 21,
      decision: '欠薪问题由市人社局牵头督促用人单位限期支付；涉及社会救助的由属地民政部门核查。',
      matters: 3,
      solved: 1,
    },
  },
  {
    unit: 'gulou',
    kind: 'visit_down',
    title: '副区长',
    day: -10,
    hours: [9, 12],
    place: '宁海路街道社区服务中心',
    topics: '老旧小区改造、加装电梯',
    capacity: 8,
    held: {
      batches: 4,
      persons: 9,
      decision: '加装电梯补贴申报流程由街道现场指导；老旧小区改造方案征求意见期延长至月底。',
      matters: 2,
      solved: 2,
    },
  },
  {
    unit: 'gulou',
    kind: 'receive',
    title: '区长',
    day: 3,
    hours: [9, 11],
    place: '鼓楼区人民来访接待中心',
    topics: '城建、拆迁安置、物业管理',
    capacity: 10,
  },
  {
    unit: 'gulou',
    kind: 'video',
    title: '副区长',
    day: 5,
    hours: [14, 16],
    place: '鼓楼区人民来访接待中心视频接访室',
    topics: '劳动保障、社会救助（视频接访）',
    capacity: 6,
  },
  {
    unit: 'nanjing',
    kind: 'invite',
    title: '副市长',
    day: 8,
    hours: [9, 11],
    place: '南京市人民来访接待中心',
    topics: '重复信访事项约谈化解',
    capacity: 4,
  },
  {
    unit: 'gulou',
    kind: 'visit_down',
    title: '副区长',
    day: 12,
    hours: [9, 11],
    place: '湖南路街道社区服务中心',
    topics: '物业管理、停车收费',
    capacity: 8,
  },
];

const VISITORS = ['陈建国', '刘淑芬', '王志强', '赵秀兰', '孙海峰', '周玉梅'];

/**
 * Who receives, by place and title (invented names): the 区长, 副区长 and 副市长 have leader accounts of
 * the hosting bureau, as the calendar's leaders do — the portal publishes "区长 王建国", not the demo
 * bureau leader's account name under a 区长 title. They have no password: the demo accounts are the
 * ones to log in with.
 */
const HOSTS: Record<PlannedSlot['unit'], Record<string, string>> = {
  gulou: { 区长: '王建平', 副区长: '李文华' },
  nanjing: { 副市长: '陈海明' },
};

/**
 * The name of the leader with this title at the bureau's place: the one who signed the place's
 * 信访工作责任书 with that post (src/seed/assessment.ts seeds them first), so the 区长 who receives is the
 * 区长 who signed; else the name in HOSTS.
 */
async function hostName(tx: Executor, place: PlannedSlot['unit'], code: string, title: string) {
  const letters = await tx
    .select({ signatories: responsibilityLetters.signatories })
    .from(responsibilityLetters)
    .where(eq(responsibilityLetters.jurisdictionCode, code));
  const signed = letters
    .flatMap((l) => l.signatories as { side: string; name: string; post: string }[])
    .find((s) => s.side === 'undertaker' && s.post === title);
  return signed?.name ?? HOSTS[place][title] ?? title;
}

/**
 * The leader account named `name` at the bureau, made when missing: the next free `<prefix>_leaderN`
 * login name beside the demo account `<prefix>_leader`, no password (an administrator's 重置密码 opens it).
 */
async function hostAccount(tx: Executor, unitId: number, prefix: string, name: string): Promise<number> {
  const [found] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, 'leader'), eq(users.displayName, name)));
  if (found) return found.id;
  const taken = new Set(
    (
      await tx
        .select({ u: users.username })
        .from(users)
        .where(like(users.username, `${prefix}_leader%`))
    ).map((r) => r.u),
  );
  let n = 2;
  while (taken.has(`${prefix}_leader${n}`)) n++;
  const [made] = await tx
    .insert(users)
    .values({ username: `${prefix}_leader${n}`, role: 'leader', unitId, displayName: name })
    .returning({ id: users.id });
  if (!made) throw new Error('host account insert returned nothing');
  return made.id;
}

/** Returns the number of receptions seeded (0 when there were some already). */
export async function seedReceptions(ctx: AppContext, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  return runCommand(ctx, async (w) => {
    const tx = w.tx;
    const [any] = await tx.select({ id: receptionSlots.id }).from(receptionSlots).limit(1);
    if (any) return 0;
    const bureaus = await tx
      .select()
      .from(units)
      .where(
        and(inArray(units.jurisdictionCode, ['320106', '320100', '320000']), eq(units.deptKey, 'xinfang')),
      );
    const bureau = (code: string) => bureaus.find((u) => u.jurisdictionCode === code);
    const gulou = bureau('320106');
    const nanjing = bureau('320100');
    const province = bureau('320000');
    if (!gulou || !nanjing || !province) return 0;
    const staff = await tx
      .select({ id: users.id, role: users.role, unitId: users.unitId })
      .from(users)
      .where(inArray(users.unitId, [gulou.id, nanjing.id, province.id]));
    const who = (unitId: number, role: string) => staff.find((u) => u.unitId === unitId && u.role === role);
    const people = {
      gulou: { unit: gulou, leader: who(gulou.id, 'leader'), registrar: who(gulou.id, 'registrar') },
      nanjing: { unit: nanjing, leader: who(nanjing.id, 'leader'), registrar: who(nanjing.id, 'registrar') },
    };
    if (
      !people.gulou.leader ||
      !people.gulou.registrar ||
      !people.nanjing.leader ||
      !people.nanjing.registrar
    )
      return 0;
    // Matters of each place raised at the past receptions (oldest first, deterministic).
    const mattersOf = async (place: 'gulou' | 'nanjing', n: number, skip: number) =>
      tx
        .select({ id: cases.id })
        .from(cases)
        .where(
          place === 'gulou'
            ? like(cases.jurisdictionCode, '320106%')
            : and(like(cases.jurisdictionCode, '3201%'), notLike(cases.jurisdictionCode, '320106%')),
        )
        .orderBy(asc(cases.id))
        .limit(n)
        .offset(skip);
    let visitor = 0;
    const used = new Map<string, number>();
    for (const p of PLAN) {
      const host = people[p.unit];
      const name = await hostName(tx, p.unit, host.unit.jurisdictionCode, p.title);
      const leaderId = await hostAccount(tx, host.unit.id, p.unit === 'gulou' ? 'gl' : 'nj', name);
      const registrar = host.registrar as { id: number };
      const startsAt = at(now, p.day, p.hours[0]);
      const [slot] = await tx
        .insert(receptionSlots)
        .values({
          jurisdictionCode: host.unit.jurisdictionCode,
          unitId: host.unit.id,
          leaderUserId: leaderId,
          leaderTitle: p.title,
          kind: p.kind,
          startsAt,
          endsAt: at(now, p.day, p.hours[1]),
          place: p.place,
          topics: p.topics,
          capacity: p.capacity,
          status: p.held ? 'held' : 'open',
          createdBy: registrar.id,
          createdAt: new Date(startsAt.getTime() - 14 * DAY),
          updatedAt: p.held ? startsAt : now,
        })
        .returning({ id: receptionSlots.id });
      if (!slot) continue;
      // Two visitors booked each reception (attended when held; coming ones keep seats free).
      for (let i = 0; i < (p.held ? 2 : 1); i++) {
        const name = VISITORS[visitor++ % VISITORS.length] as string;
        const phone = `1370000${String(1000 + visitor).slice(-4)}`;
        await tx.insert(receptionBookings).values({
          slotId: slot.id,
          nameEnc: ctx.pii.encrypt(name),
          phoneEnc: ctx.pii.encrypt(phone),
          phoneHash: ctx.pii.hash(phone),
          matter: '反映小区物业及停车收费问题',
          status: p.held ? 'attended' : 'booked',
          via: 'staff',
          bookedBy: registrar.id,
          bookedAt: new Date(startsAt.getTime() - 5 * DAY),
        });
      }
      if (!p.held) continue;
      const matters = await mattersOf(p.unit, p.held.matters, used.get(p.unit) ?? 0);
      used.set(p.unit, (used.get(p.unit) ?? 0) + matters.length);
      await tx.insert(receptionRecords).values({
        slotId: slot.id,
        heldAt: startsAt,
        batches: p.held.batches,
        persons: p.held.persons,
        decision: p.held.decision,
        followUps: p.held.followUp
          ? [{ task: p.held.followUp, unitId: null, unit: null, deadline: null }]
          : [],
        recordedBy: registrar.id,
        recordedAt: at(now, p.day, p.hours[1], 30),
      });
      if (matters.length)
        await tx.insert(receptionMatters).values(
          matters.map((m, i) => ({
            slotId: slot.id,
            caseId: m.id,
            solvedOnSpot: i < (p.held?.solved ?? 0),
          })),
        );
    }
    await seedCards(w.tx, now, { gulou, nanjing, province }, staff);
    w.audit({ action: 'seed.receptions', entity: 'installation', summary: { receptions: PLAN.length } });
    return PLAN.length;
  });
}

type Unit = typeof units.$inferSelect;

/** Cards for the first visits registered at 鼓楼区信访局, and three visits made with the first card. */
async function seedCards(
  tx: Executor,
  now: Date,
  b: { gulou: Unit; nanjing: Unit; province: Unit },
  staff: { id: number; role: string; unitId: number | null }[],
) {
  const registrar = (u: Unit) => staff.find((s) => s.unitId === u.id && s.role === 'registrar');
  const issuer = registrar(b.gulou);
  if (!issuer) return;
  const visits = await tx
    .select({ id: cases.id, receivedAt: cases.receivedAt, petitionerUserId: cases.petitionerUserId })
    .from(cases)
    .where(
      and(
        eq(cases.form, 'visit'),
        eq(cases.firstTime, true),
        eq(cases.anonymous, false),
        eq(cases.registeringUnitId, b.gulou.id),
      ),
    )
    .orderBy(asc(cases.id))
    .limit(4);
  let seq = 0;
  const cardIds: { id: number; level: number; entries: CardEntry[]; issuedAt: Date }[] = [];
  for (const c of visits) {
    const [party] = await tx
      .select({ nameEnc: caseParties.nameEnc })
      .from(caseParties)
      .where(and(eq(caseParties.caseId, c.id), eq(caseParties.role, 'petitioner')))
      .limit(1);
    if (!party) continue;
    const issuedAt = c.receivedAt;
    const year = Number(shanghaiDate(issuedAt).slice(0, 4));
    seq++;
    const entries = await entriesFromTimeline(tx, c);
    const [row] = await tx
      .insert(rightsCards)
      .values({
        cardNo: cardNumber(b.gulou.jurisdictionCode, year, seq),
        year,
        seq,
        caseId: c.id,
        unitId: b.gulou.id,
        jurisdictionCode: b.gulou.jurisdictionCode,
        level: levelOf(b.gulou.jurisdictionCode),
        holderNameEnc: party.nameEnc,
        holderUserId: c.petitionerUserId,
        entries,
        issuedBy: issuer.id,
        issuedAt,
      })
      .onConflictDoNothing()
      .returning({ id: rightsCards.id });
    if (row) cardIds.push({ id: row.id, level: 3, entries, issuedAt });
  }
  const first = cardIds.find((c) => matterLevel(c.level, c.entries) === 3) ?? cardIds[0];
  if (!first) return;
  // 越级 at the province, to the next level at the city, and a return visit at 鼓楼区 itself — so
  // each demo registrar's 核验记录 has a line.
  for (const [u, daysAgo] of [
    [b.province, 6],
    [b.nanjing, 3],
    [b.gulou, 1],
  ] as const) {
    const by = registrar(u);
    if (!by) continue;
    const visitLevel = levelOf(u.jurisdictionCode);
    const sits = matterLevel(first.level, first.entries);
    const v = visitVerdict(sits, visitLevel);
    const checkedAt = new Date(
      Math.min(now.getTime(), Math.max(first.issuedAt.getTime() + DAY, now.getTime() - daysAgo * DAY)),
    );
    await tx.insert(rightsCardVisits).values({
      cardId: first.id,
      unitId: u.id,
      jurisdictionCode: u.jurisdictionCode,
      visitLevel,
      matterLevel: sits,
      verdict: v.verdict,
      skipped: v.skipped,
      checkedBy: by.id,
      checkedAt,
      guidanceAt: v.skipped ? checkedAt : null,
    });
  }
}
