// Demo video receptions and a reception hall's day, so the pages have content on first start:
// 南京市信访局 has a video reception booked with the demo citizen (张三) on their matter for tomorrow
// 10:00 with 鼓楼区's hall joining, and one held last week (ended, notes on the case); 鼓楼区信访局's
// hall has today's queue (done, called, waiting, a group visit with representatives; visitors who
// are parties of earlier matters) and both bureaus a fortnight's lawyers' duty roster with one
// consultation recorded on a matter. Deterministic; each part does nothing when its data exists or
// the demo accounts are missing.
import { and, asc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import {
  caseEvents,
  caseParties,
  cases,
  hallVisits,
  lawyerConsultations,
  lawyerDuties,
  units,
  users,
  videoRooms,
} from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { HALL_EVENTS } from '../domain/hall/timeline.ts';
import { VIDEO_EVENTS } from '../domain/video/timeline.ts';
import { createVideoRoom } from '../video/commands.ts';
import { DEMO_CITIZEN } from './demo.ts';

const DAY = 86_400_000;
/** 10:00 in Shanghai on the day `d` days from `now`'s Shanghai day. */
const at = (now: Date, d: number, hour: number) =>
  new Date(`${shanghaiDate(new Date(now.getTime() + d * DAY))}T${String(hour).padStart(2, '0')}:00:00+08:00`);

const LAWYERS = [
  { lawyerName: '陈律师', firm: '江苏金陵律师事务所', specialty: '征地拆迁、房产' },
  { lawyerName: '刘律师', firm: '南京正衡律师事务所', specialty: '劳动争议、社会保障' },
  { lawyerName: '孙律师', firm: '江苏石城律师事务所', specialty: '行政复议与诉讼' },
];

export interface VideoHallSeed {
  rooms: number;
  visits: number;
  duties: number;
}

export async function seedVideoHall(ctx: AppContext, opts: { now?: Date } = {}): Promise<VideoHallSeed> {
  const now = opts.now ?? new Date();
  return runCommand(ctx, async (w) => {
    const tx = w.tx;
    const out: VideoHallSeed = { rooms: 0, visits: 0, duties: 0 };
    const unitRows = await tx
      .select()
      .from(units)
      .where(and(inArray(units.jurisdictionCode, ['320106', '320100']), eq(units.deptKey, 'xinfang')));
    const gulou = unitRows.find((u) => u.jurisdictionCode === '320106');
    const nanjing = unitRows.find((u) => u.jurisdictionCode === '320100');
    if (!gulou || !nanjing) return out;
    const staff = await tx
      .select({ id: users.id, role: users.role, unitId: users.unitId })
      .from(users)
      .where(inArray(users.unitId, [gulou.id, nanjing.id]));
    const userOf = (unitId: number, role: string) =>
      staff.find((u) => u.unitId === unitId && u.role === role);
    const njRegistrar = userOf(nanjing.id, 'registrar');
    const glRegistrar = userOf(gulou.id, 'registrar');
    const [citizen] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'citizen'), eq(users.phoneHash, ctx.pii.hash(DEMO_CITIZEN.phone))));
    if (!njRegistrar || !glRegistrar) return out;

    // ---- video rooms
    const [anyRoom] = await tx.select({ id: videoRooms.id }).from(videoRooms).limit(1);
    if (!anyRoom) {
      const [mine] = citizen
        ? await tx
            .select({ id: cases.id })
            .from(cases)
            .where(eq(cases.petitionerUserId, citizen.id))
            .orderBy(asc(cases.id))
            .limit(1)
        : [];
      const base = {
        unitId: nanjing.id,
        jurisdictionCode: '320106',
        hostUserId: njRegistrar.id,
        createdBy: njRegistrar.id,
      };
      if (citizen) {
        await createVideoRoom(tx, {
          ...base,
          title: '视频接访：反映事项办理进展',
          caseId: mine?.id ?? null,
          scheduledAt: at(now, 1, 10),
          citizenUserId: citizen.id,
          hallUserId: glRegistrar.id,
        });
        out.rooms++;
      }
      const [held] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(like(cases.jurisdictionCode, '320106%'), isNotNull(cases.assignedUnitId)))
        .orderBy(asc(cases.id))
        .limit(1);
      if (held) {
        const start = at(now, -7, 15);
        const end = new Date(start.getTime() + 35 * 60_000);
        const id = await createVideoRoom(tx, {
          ...base,
          title: '视频接访：鼓楼区接待大厅连线',
          caseId: held.id,
          scheduledAt: start,
          hallUserId: glRegistrar.id,
        });
        const attendance = [
          {
            userId: njRegistrar.id,
            part: 'host',
            name: '南京市信访局登记员',
            joinedAt: start.toISOString(),
            leftAt: end.toISOString(),
          },
          {
            userId: glRegistrar.id,
            part: 'hall',
            name: '鼓楼区信访局登记员',
            joinedAt: new Date(start.getTime() + 60_000).toISOString(),
            leftAt: end.toISOString(),
          },
        ];
        const notes =
          '鼓楼区接待大厅连线，信访人在大厅陈述诉求；市信访局要求鼓楼区住建局十日内上门答复并报送结果。';
        await tx
          .update(videoRooms)
          .set({ status: 'ended', startedAt: start, endedAt: end, notes, attendance })
          .where(eq(videoRooms.id, id));
        await tx.insert(caseEvents).values({
          caseId: held.id,
          at: end,
          action: VIDEO_EVENTS.held.event,
          actorUserId: njRegistrar.id,
          actorRole: 'registrar',
          actorUnitId: nanjing.id,
          detail: {
            videoRoomId: id,
            startedAt: start.toISOString(),
            endedAt: end.toISOString(),
            participants: '接访人 南京市信访局登记员、县级接待大厅 鼓楼区信访局登记员',
            note: notes,
            recordingConsent: false,
          },
          public: false,
        });
        out.rooms++;
      }
    }

    // ---- the hall's day at 鼓楼区信访局
    const today = shanghaiDate(now);
    const [anyVisit] = await tx.select({ id: hallVisits.id }).from(hallVisits).limit(1);
    if (!anyVisit) {
      // Visitors who are parties of earlier matters: their ID number brings those up at the counter.
      const parties = await tx
        .select({
          nameEnc: caseParties.nameEnc,
          idNumberEnc: caseParties.idNumberEnc,
          idNumberHash: caseParties.idNumberHash,
          caseId: cases.id,
        })
        .from(caseParties)
        .innerJoin(cases, eq(cases.id, caseParties.caseId))
        .where(
          and(
            like(cases.jurisdictionCode, '320106%'),
            isNotNull(caseParties.idNumberHash),
            eq(caseParties.role, 'petitioner'),
          ),
        )
        .orderBy(asc(caseParties.id))
        .limit(4);
      const plain = ['李某', '赵某某', '周某', '吴某某'];
      const visits = [
        { purpose: '反映物业服务问题', status: 'done', counter: '1号窗口' },
        { purpose: '咨询社保补缴政策', status: 'done', counter: '2号窗口' },
        {
          purpose: '反映拆迁补偿未到位（集体访）',
          status: 'done',
          counter: '1号窗口',
          visitors: 12,
          reps: ['钱某', '孙某某', '李某', '周某某', '郑某'],
        },
        { purpose: '再次反映违章搭建未拆除', status: 'called', counter: '2号窗口' },
        { purpose: '反映拖欠工资', status: 'waiting' },
        { purpose: '反映噪声扰民', status: 'waiting' },
        { purpose: '咨询信访事项办理进度', status: 'waiting' },
        { purpose: '反映小区停车收费', status: 'waiting' },
      ];
      for (const [i, v] of visits.entries()) {
        const party = parties[i % 2 === 0 ? i / 2 : -1];
        const registeredAt = at(now, 0, 8);
        registeredAt.setMinutes(30 + i * 6);
        const calledAt = v.status === 'waiting' ? null : new Date(registeredAt.getTime() + 20 * 60_000);
        await tx.insert(hallVisits).values({
          unitId: gulou.id,
          day: today,
          queueNo: i + 1,
          nameEnc: party?.nameEnc ?? ctx.pii.encrypt(plain[i % plain.length] as string),
          idNumberEnc: party?.idNumberEnc ?? null,
          idNumberHash: party?.idNumberHash ?? null,
          visitors: v.visitors ?? 1,
          representativesEnc: v.reps
            ? ctx.pii.encrypt(JSON.stringify(v.reps.map((name) => ({ name }))))
            : null,
          purpose: v.purpose,
          status: v.status,
          counter: v.counter ?? null,
          calledAt,
          calledBy: calledAt ? glRegistrar.id : null,
          caseId: v.status === 'done' ? (party?.caseId ?? null) : null,
          registeredBy: glRegistrar.id,
          registeredAt,
        });
        out.visits++;
      }
      out.visits += await seedProvinceHall(w.tx, ctx, now);
    }

    // ---- lawyers on duty: the next 14 days (weekdays), at both bureaus, and one consultation
    const [anyDuty] = await tx.select({ id: lawyerDuties.id }).from(lawyerDuties).limit(1);
    if (!anyDuty) {
      let first: number | null = null;
      for (let d = 0; d < 14; d++) {
        const day = new Date(now.getTime() + d * DAY);
        const weekday = new Date(`${shanghaiDate(day)}T12:00:00+08:00`).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        for (const [k, hall] of [gulou, nanjing].entries()) {
          const lawyer = LAWYERS[(d + k) % LAWYERS.length] as (typeof LAWYERS)[number];
          const [row] = await tx
            .insert(lawyerDuties)
            .values({
              unitId: hall.id,
              day: shanghaiDate(day),
              ...lawyer,
              createdBy: (hall.id === gulou.id ? glRegistrar : njRegistrar).id,
            })
            .returning({ id: lawyerDuties.id });
          out.duties++;
          if (first === null && hall.id === gulou.id && row) first = row.id;
        }
      }
      const [done] = await tx
        .select({ id: hallVisits.id, caseId: hallVisits.caseId })
        .from(hallVisits)
        .where(and(eq(hallVisits.unitId, gulou.id), eq(hallVisits.day, today), isNotNull(hallVisits.caseId)))
        .limit(1);
      const duty =
        first === null
          ? undefined
          : (await tx.select().from(lawyerDuties).where(eq(lawyerDuties.id, first)))[0];
      if (duty && done?.caseId && duty.day === today) {
        const advice =
          '该事项涉及房屋征收补偿，可依法申请行政复议或提起行政诉讼；建议先向征收部门书面申请公开补偿标准。';
        const [c] = await tx
          .insert(lawyerConsultations)
          .values({
            dutyId: duty.id,
            visitId: done.id,
            caseId: done.caseId,
            advice,
            recordedBy: glRegistrar.id,
            at: now,
          })
          .returning({ id: lawyerConsultations.id });
        await tx.insert(caseEvents).values({
          caseId: done.caseId,
          at: now,
          action: HALL_EVENTS.consulted.event,
          actorUserId: glRegistrar.id,
          actorRole: 'registrar',
          actorUnitId: gulou.id,
          detail: { consultationId: c?.id, lawyer: `${duty.lawyerName}（${duty.firm}）`, note: advice },
          public: false,
        });
      }
    }
    return out;
  });
}

/**
 * 省信访局's hall has its own (shorter) day: people who came to the province directly, so the
 * province registrar's 接待大厅 is not empty. Plain visitors, no matters linked.
 */
async function seedProvinceHall(tx: Tx, ctx: AppContext, now: Date): Promise<number> {
  const [bureau] = await tx
    .select()
    .from(units)
    .where(and(eq(units.jurisdictionCode, '320000'), eq(units.deptKey, 'xinfang')));
  if (!bureau) return 0;
  const [registrar] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, bureau.id), eq(users.role, 'registrar')));
  if (!registrar) return 0;
  const visits = [
    { name: '王某某', purpose: '反映市级部门对复查意见不予答复', status: 'done', counter: '1号窗口' },
    { name: '陈某', purpose: '咨询信访事项复核程序', status: 'done', counter: '2号窗口' },
    { name: '刘某某', purpose: '反映征地补偿标准过低（越级走访）', status: 'called', counter: '1号窗口' },
    { name: '黄某', purpose: '反映企业拖欠养老保险缴费', status: 'waiting', counter: null },
  ];
  for (const [i, v] of visits.entries()) {
    const registeredAt = at(now, 0, 9);
    registeredAt.setMinutes(i * 9);
    const calledAt = v.status === 'waiting' ? null : new Date(registeredAt.getTime() + 15 * 60_000);
    await tx.insert(hallVisits).values({
      unitId: bureau.id,
      day: shanghaiDate(now),
      queueNo: i + 1,
      nameEnc: ctx.pii.encrypt(v.name),
      visitors: 1,
      purpose: v.purpose,
      status: v.status,
      counter: v.counter,
      calledAt,
      calledBy: calledAt ? registrar.id : null,
      registeredBy: registrar.id,
      registeredAt,
    });
  }
  return visits.length;
}
