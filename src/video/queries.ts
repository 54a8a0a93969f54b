// Reads of video rooms, scoped by src/policies/video.ts: one room (404 outside the scope), the list
// (upcoming first; by case or status), a room's recordings and one recording's bytes.
import { and, asc, desc, eq, inArray, like, ne, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, units, users, videoRecordings, videoRooms } from '../db/schema.ts';
import type { RoomStatus } from '../domain/video/rooms.ts';
import { notFound } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { ensureReadable } from '../policies/index.ts';
import { videoPolicy, videoScope } from '../policies/video.ts';

export type RoomRow = typeof videoRooms.$inferSelect;

/** A room the caller may read (locked for update inside a command), else 404. */
export async function visibleRoom(
  exec: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<RoomRow> {
  const q = exec
    .select()
    .from(videoRooms)
    .where(and(eq(videoRooms.id, id), videoScope(actor)));
  const [r] = forUpdate ? await q.for('update') : await q;
  if (!r) throw notFound('未找到该视频接访，或您无权查看');
  ensureReadable(videoPolicy.read(actor, r));
  return r;
}

export async function listRooms(
  ctx: AppContext,
  actor: Actor,
  f: { caseId?: number; status?: RoomStatus[] },
) {
  const where: (SQL | undefined)[] = [videoScope(actor)];
  if (f.caseId !== undefined) where.push(eq(videoRooms.caseId, f.caseId));
  if (f.status?.length) where.push(inArray(videoRooms.status, f.status));
  return ctx.db
    .select({ r: videoRooms, caseNumber: cases.caseNumber, unit: units.name, host: users.displayName })
    .from(videoRooms)
    .innerJoin(units, eq(units.id, videoRooms.unitId))
    .innerJoin(users, eq(users.id, videoRooms.hostUserId))
    .leftJoin(cases, eq(cases.id, videoRooms.caseId))
    .where(and(...where))
    .orderBy(asc(videoRooms.status), desc(videoRooms.scheduledAt))
    .limit(300);
}

/** Names of the room's host bureau, host and hall (for the detail). */
export async function roomNames(exec: Executor, r: RoomRow) {
  const ids = [r.hostUserId, r.hallUserId].filter((x): x is number => x !== null);
  const people = await exec
    .select({ id: users.id, name: users.displayName, unit: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.id, ids));
  const [c] =
    r.caseId === null
      ? []
      : await exec.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, r.caseId));
  const by = new Map(people.map((p) => [p.id, p]));
  return {
    host: by.get(r.hostUserId) ?? null,
    hall: r.hallUserId === null ? null : (by.get(r.hallUserId) ?? null),
    caseNumber: c?.caseNumber ?? null,
  };
}

export async function recordingsOf(exec: Executor, roomId: number) {
  return exec
    .select({
      id: videoRecordings.id,
      mime: videoRecordings.mime,
      size: videoRecordings.size,
      sha256: videoRecordings.sha256,
      createdAt: videoRecordings.createdAt,
    })
    .from(videoRecordings)
    .where(eq(videoRecordings.roomId, roomId))
    .orderBy(asc(videoRecordings.id));
}

export async function recordingOf(exec: Executor, roomId: number, recordingId: number) {
  const [r] = await exec
    .select()
    .from(videoRecordings)
    .where(and(eq(videoRecordings.roomId, roomId), eq(videoRecordings.id, recordingId)));
  if (!r) throw notFound('未找到该录像');
  return r;
}

/** 县级接待大厅: staff accounts of the lower bureaus in the caller's subtree a room can include. */
export async function hallAccounts(exec: Executor, actor: Actor) {
  if (actor.scopePrefix === null || actor.unitId === null) return [];
  return exec
    .select({ id: users.id, name: users.displayName, unit: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(units.kind, 'bureau'),
        like(units.jurisdictionCode, `${actor.scopePrefix}%`),
        ne(units.id, actor.unitId),
        eq(users.role, 'registrar'),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(units.jurisdictionCode), asc(users.id))
    .limit(200);
}
