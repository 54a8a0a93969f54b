// Commands on video rooms (视频接访), each one transaction (runCommand) with one audit row: create a
// room (also `createVideoRoom(tx, …)` for the reception booking's subscriber), record the
// petitioner's consent to recording, a participant joining and leaving (attendance, the start), end
// the session with notes (its record goes on the case), cancel, store a recording. Refusals: not
// visible (404), wrong status (409), not allowed (403), bad payload (400) — a refusal changes nothing.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { caseEvents, cases, units, users, videoRecordings, videoRooms } from '../db/schema.ts';
import { zDateTime, zId, zText } from '../domain/validation/fields.ts';
import {
  PART_NAMES,
  type ParticipantPart,
  ROOM_STATUS_RULES,
  type RoomStatus,
} from '../domain/video/rooms.ts';
import { VIDEO_EVENTS } from '../domain/video/timeline.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { casePolicy, ensureAllowed } from '../policies/index.ts';
import { type RoomAction, videoPolicy } from '../policies/video.ts';
import { type RoomRow, visibleRoom } from './queries.ts';

export const CreateBody = z.object({
  title: zText({ label: '接访主题', max: 200, min: 1 }),
  caseId: zId('信访事项编号').optional(),
  scheduledAt: zDateTime('预约时间'),
  /** The citizen by their portal account: defaults to the matter's online petitioner. */
  citizenUserId: zId('信访人账号').optional(),
  /** The county reception hall joining: a staff user of a lower bureau. */
  hallUserId: zId('县级接待大厅用户').optional(),
});
export type CreateInput = z.infer<typeof CreateBody>;

export const EndBody = z.object({ notes: zText({ label: '接访记录', max: 5000, min: 1 }) });
export const ConsentBody = z.object({
  consent: z.boolean({ error: '请说明信访人是否同意录音录像' }),
});

export interface NewRoom {
  title: string;
  caseId?: number | null;
  bookingId?: number | null;
  unitId: number;
  jurisdictionCode: string;
  scheduledAt: Date;
  hostUserId: number;
  citizenUserId?: number | null;
  hallUserId?: number | null;
  createdBy: number;
}

/**
 * Inserts a scheduled room inside the caller's transaction; returns its id. For the reception
 * booking (`reception.booked`, kind 视频接访) the room of a booking is made once: a second call with
 * the same `bookingId` returns the existing room.
 */
export async function createVideoRoom(tx: Tx, r: NewRoom): Promise<number> {
  if (r.bookingId != null) {
    const [had] = await tx
      .select({ id: videoRooms.id })
      .from(videoRooms)
      .where(eq(videoRooms.bookingId, r.bookingId));
    if (had) return had.id;
  }
  const [row] = await tx
    .insert(videoRooms)
    .values({ ...r, status: 'scheduled' satisfies RoomStatus })
    .returning({ id: videoRooms.id });
  if (!row) throw new Error('video room not inserted');
  return row.id;
}

function audit(w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown> = {}) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `video.${action}`,
    entity: 'video_room',
    entityId: id,
    summary,
  });
}

/** A staff member of a petition bureau creates a room hosted by their bureau. */
export async function createRoom(ctx: AppContext, actor: Actor, input: CreateInput): Promise<number> {
  return runCommand(ctx, async (w) => {
    ensureAllowed(videoPolicy.create(actor), '只有信访部门的接访人员可以安排视频接访');
    if (actor.unitId === null || actor.jurisdictionCode === null) throw notFound();
    let citizenUserId = input.citizenUserId ?? null;
    let jurisdictionCode = actor.jurisdictionCode;
    if (input.caseId !== undefined) {
      const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
      if (!c) throw badRequest('video_case_unknown', '信访事项不存在', 'caseId');
      if (!casePolicy.read(actor, c)) throw badRequest('video_case_unknown', '信访事项不存在', 'caseId');
      if (citizenUserId !== null && citizenUserId !== c.petitionerUserId)
        throw badRequest('video_citizen_mismatch', '信访人账号与该信访事项的信访人不符', 'citizenUserId');
      citizenUserId = c.petitionerUserId;
      jurisdictionCode = c.jurisdictionCode.startsWith(actor.scopePrefix ?? '')
        ? c.jurisdictionCode
        : jurisdictionCode;
    } else if (citizenUserId !== null) {
      const [u] = await w.tx.select({ role: users.role }).from(users).where(eq(users.id, citizenUserId));
      if (u?.role !== 'citizen')
        throw badRequest('video_citizen_unknown', '信访人账号不存在', 'citizenUserId');
    }
    if (input.hallUserId !== undefined) {
      const [h] = await w.tx
        .select({ role: users.role, code: units.jurisdictionCode, kind: units.kind, unitId: units.id })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .where(eq(users.id, input.hallUserId));
      if (
        !h ||
        h.role === 'citizen' ||
        h.unitId === actor.unitId ||
        !videoPolicy.hallAllowed(actor, h.code, h.kind)
      )
        throw badRequest(
          'video_hall_invalid',
          '县级接待大厅应为本辖区内下级信访部门的工作人员',
          'hallUserId',
        );
    }
    if (citizenUserId === null && input.hallUserId === undefined)
      throw badRequest(
        'video_other_party_required',
        '请指定信访人（网上账号）或县级接待大厅',
        'citizenUserId',
      );
    const id = await createVideoRoom(w.tx, {
      title: input.title,
      caseId: input.caseId ?? null,
      unitId: actor.unitId,
      jurisdictionCode,
      scheduledAt: new Date(input.scheduledAt),
      hostUserId: actor.userId,
      citizenUserId,
      hallUserId: input.hallUserId ?? null,
      createdBy: actor.userId,
    });
    audit(w, actor, 'create', id, { caseId: input.caseId ?? null });
    return id;
  });
}

/** The room locked for the action, refused in the engine's order: 404, 409 (status), 403. */
async function roomFor(
  w: Work,
  actor: Actor,
  id: number,
  action: RoomAction,
  status?: keyof (typeof ROOM_STATUS_RULES)['scheduled'],
) {
  const room = await visibleRoom(w.tx, actor, id, true);
  if (status && !ROOM_STATUS_RULES[room.status as RoomStatus][status])
    throw conflict(
      'video_room_status',
      `该视频接访${room.status === 'ended' ? '已结束' : room.status === 'cancelled' ? '已取消' : '尚未开始'}，不能执行此操作`,
    );
  ensureAllowed(videoPolicy.act(actor, room, action));
  return room;
}

export async function recordConsent(ctx: AppContext, actor: Actor, id: number, consent: boolean) {
  return runCommand(ctx, async (w) => {
    const room = await roomFor(w, actor, id, 'consent');
    if (room.status === 'ended' || room.status === 'cancelled')
      throw conflict('video_room_status', '该视频接访已结束，不能再更改录像同意');
    const at = new Date();
    await w.tx
      .update(videoRooms)
      .set({ recordingConsent: consent, consentAt: consent ? at : null })
      .where(eq(videoRooms.id, id));
    audit(w, actor, 'consent', id, { consent });
  });
}

export interface Attendance {
  userId: number;
  part: ParticipantPart;
  name: string;
  joinedAt: string;
  leftAt: string | null;
}

/** A participant's socket opened: the session starts at the first join. */
export async function markJoined(ctx: AppContext, actor: Actor, id: number, part: ParticipantPart) {
  return runCommand(ctx, async (w) => {
    const room = await roomFor(w, actor, id, 'join', 'join');
    const now = new Date();
    const name = part === 'citizen' ? PART_NAMES.citizen : actor.displayName;
    const attendance = [
      ...(room.attendance as Attendance[]),
      { userId: actor.userId, part, name, joinedAt: now.toISOString(), leftAt: null },
    ];
    await w.tx
      .update(videoRooms)
      .set({ attendance, status: 'in_progress', startedAt: room.startedAt ?? now })
      .where(eq(videoRooms.id, id));
    audit(w, actor, 'join', id, { part });
    return room;
  });
}

/** A participant's socket closed: their open attendance line gets its end. */
export async function markLeft(ctx: AppContext, userId: number, id: number) {
  return runCommand(ctx, async (w) => {
    const [room] = await w.tx.select().from(videoRooms).where(eq(videoRooms.id, id)).for('update');
    if (!room) return;
    const list = [...(room.attendance as Attendance[])];
    let i = list.length - 1;
    while (i >= 0 && !(list[i]?.userId === userId && list[i]?.leftAt === null)) i--;
    if (i < 0) return;
    list[i] = { ...(list[i] as Attendance), leftAt: new Date().toISOString() };
    await w.tx.update(videoRooms).set({ attendance: list }).where(eq(videoRooms.id, id));
  });
}

/** 结束接访: the host side ends the session with its notes; the record goes on the case. */
export async function endRoom(ctx: AppContext, actor: Actor, id: number, notes: string) {
  return runCommand(ctx, async (w) => {
    const room = await roomFor(w, actor, id, 'end', 'end');
    const now = new Date();
    const attendance = (room.attendance as Attendance[]).map((a) =>
      a.leftAt ? a : { ...a, leftAt: now.toISOString() },
    );
    await w.tx
      .update(videoRooms)
      .set({ status: 'ended', endedAt: now, notes, attendance })
      .where(eq(videoRooms.id, id));
    if (room.caseId !== null) {
      await w.tx.insert(caseEvents).values({
        caseId: room.caseId,
        at: now,
        action: VIDEO_EVENTS.held.event,
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        detail: {
          videoRoomId: id,
          startedAt: room.startedAt?.toISOString() ?? null,
          endedAt: now.toISOString(),
          participants: [
            ...new Set(
              attendance.map((a) => `${PART_NAMES[a.part]}${a.part === 'citizen' ? '' : ` ${a.name}`}`),
            ),
          ].join('、'),
          note: notes,
          recordingConsent: room.recordingConsent,
        },
        public: false,
      });
    }
    audit(w, actor, 'end', id, { caseId: room.caseId });
  });
}

export async function cancelRoom(ctx: AppContext, actor: Actor, id: number) {
  return runCommand(ctx, async (w) => {
    await roomFor(w, actor, id, 'cancel', 'cancel');
    await w.tx.update(videoRooms).set({ status: 'cancelled' }).where(eq(videoRooms.id, id));
    audit(w, actor, 'cancel', id);
  });
}

/**
 * Stores a recording (encrypted at rest) on the room and its case; only with the petitioner's
 * consent recorded, and not larger than the configured limit. Returns the recording's id.
 */
export async function storeRecording(ctx: AppContext, actor: Actor, id: number, mime: string, bytes: Buffer) {
  return runCommand(ctx, async (w) => {
    const room = await roomFor(w, actor, id, 'upload_recording');
    if (room.status !== 'in_progress' && room.status !== 'ended')
      throw conflict('video_room_status', '视频接访尚未开始，没有可存档的录像');
    if (!room.recordingConsent) throw conflict('video_no_consent', '信访人未同意录音录像，不能存档录像');
    if (bytes.length === 0) throw badRequest('video_recording_empty', '录像文件为空', 'file');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [rec] = await w.tx
      .insert(videoRecordings)
      .values({
        roomId: id,
        caseId: room.caseId,
        mime,
        size: bytes.length,
        sha256,
        content: ctx.pii.encryptBytes(bytes),
        uploadedBy: actor.userId,
      })
      .returning({ id: videoRecordings.id });
    if (!rec) throw new Error('recording not inserted');
    if (room.caseId !== null)
      await w.tx.insert(caseEvents).values({
        caseId: room.caseId,
        at: new Date(),
        action: VIDEO_EVENTS.recorded.event,
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        detail: {
          videoRoomId: id,
          recordingId: rec.id,
          size: bytes.length,
          consentAt: room.consentAt?.toISOString() ?? null,
        },
        public: false,
      });
    audit(w, actor, 'record', id, { recordingId: rec.id, size: bytes.length, sha256 });
    return rec.id;
  });
}

export type { RoomRow };
