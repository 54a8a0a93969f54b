// /api/v1/video: 视频接访 — rooms in scope, creating one, its detail, a join token (with the STUN/TURN
// servers), the signalling WebSocket, the petitioner's consent to recording, ending the session
// with notes, cancelling, and recordings (upload webm, download). Thin: commands.ts, queries.ts and
// hub.ts do the work; src/policies/video.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { iceServersFor, RECORDING_MIME, ROOM_STATUSES, type RoomStatus } from '../domain/video/rooms.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { ensureAllowed } from '../policies/index.ts';
import { partOf, videoPolicy } from '../policies/video.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam } from '../server/fields.ts';
import {
  ConsentBody,
  CreateBody,
  cancelRoom,
  createRoom,
  EndBody,
  endRoom,
  markJoined,
  markLeft,
  recordConsent,
  storeRecording,
} from './commands.ts';
import { Hall, JoinAnswer, RoomDetail, RoomItem } from './contract.ts';
import { SignallingHub } from './hub.ts';
import { presentDetail, presentItem } from './presenters.ts';
import { hallAccounts, listRooms, recordingOf, recordingsOf, roomNames, visibleRoom } from './queries.ts';

const idParam = z.object({ id: zIdParam('视频接访编号') });
async function detailOf(ctx: AppContext, actor: Actor, id: number) {
  const r = await visibleRoom(ctx.db, actor, id);
  return presentDetail(actor, r, await roomNames(ctx.db, r), await recordingsOf(ctx.db, id));
}

export const videoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const hub = new SignallingHub();
    const maxBytes = ctx.config.video.maxRecordingMb * 1024 * 1024;
    app.addContentTypeParser(RECORDING_MIME, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/video/rooms',
      {
        schema: {
          tags: ['video'],
          summary: '视频接访列表（本辖区；信访人只见本人的）',
          querystring: z.object({
            caseId: zIdParam('信访事项编号').optional(),
            status: z
              .string()
              .max(100)
              .optional()
              .meta({ description: 'scheduled,in_progress,ended,cancelled' }),
          }),
          response: { 200: z.object({ items: z.array(RoomItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(videoPolicy.list(actor), '您没有权限查看视频接访');
        const status = req.query.status?.split(',').filter(Boolean);
        for (const s of status ?? [])
          if (!(ROOM_STATUSES as readonly string[]).includes(s))
            throw badRequest('invalid_status', `未知的视频接访状态：${s.slice(0, 20)}`, 'status');
        const rows = await listRooms(ctx, actor, {
          caseId: req.query.caseId,
          status: status as RoomStatus[],
        });
        return {
          items: rows.map((x) => presentItem(x.r, { caseNumber: x.caseNumber, unit: x.unit, host: x.host })),
        };
      },
    );

    app.get(
      '/video/halls',
      {
        schema: {
          tags: ['video'],
          summary: '可参加视频接访的县级接待大厅（本辖区下级信访部门的登记人员）',
          response: {
            200: z.object({ items: z.array(Hall) }),
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(videoPolicy.create(actor), '您没有权限安排视频接访');
        return { items: await hallAccounts(ctx.db, actor) };
      },
    );

    app.post(
      '/video/rooms',
      {
        schema: {
          tags: ['video'],
          summary: '安排视频接访（接访人员）：与信访人或县级接待大厅',
          body: CreateBody,
          response: { 201: RoomDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await createRoom(ctx, actor, req.body);
        return reply.status(201).send(await detailOf(ctx, actor, id));
      },
    );

    app.get(
      '/video/rooms/:id',
      {
        schema: { tags: ['video'], summary: '视频接访详情', params: idParam, response: { 200: RoomDetail } },
      },
      async (req) => detailOf(ctx, actorOf(req), req.params.id),
    );

    app.post(
      '/video/rooms/:id/join',
      {
        schema: {
          tags: ['video'],
          summary: '进入视频接访：一次性入会凭证（2分钟内有效）与 STUN/TURN 服务器',
          params: idParam,
          response: {
            200: JoinAnswer,
          },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const r = await visibleRoom(ctx.db, actor, req.params.id);
        if (r.status === 'ended' || r.status === 'cancelled')
          throw conflict('video_room_status', r.status === 'ended' ? '该视频接访已结束' : '该视频接访已取消');
        ensureAllowed(videoPolicy.act(actor, r, 'join'), '您不是该视频接访的参加人');
        if (hub.full(r.id)) throw conflict('video_room_full', '该视频接访参加人数已满');
        const part = partOf(actor, r) ?? 'host';
        const token = hub.issue(r.id, actor.userId, part);
        return {
          token,
          part,
          signalUrl: `/api/v1/video/rooms/${r.id}/signal?token=${token}`,
          iceServers: iceServersFor(ctx.config.video, actor.userId, new Date()),
        };
      },
    );

    // The signalling socket: the session (cookie or bearer) authenticated the upgrade in onRequest;
    // the join token proves the policy let this user into this room a moment ago.
    app.route({
      method: 'GET',
      url: '/video/rooms/:id/signal',
      schema: { hide: true },
      // A plain request (no upgrade) is told what the address is for.
      handler: async () => {
        throw badRequest('websocket_required', '该地址仅接受 WebSocket 连接（视频接访信令）');
      },
      wsHandler: async (socket: WebSocket, req) => {
        const actor = req.actor;
        const id = Number((req.params as { id?: string }).id);
        const token = String((req.query as { token?: unknown }).token ?? '');
        const grant = actor && Number.isInteger(id) ? hub.redeem(token, id, actor.userId) : null;
        if (!actor || !grant) {
          socket.close(4403, 'join token invalid');
          return;
        }
        if (hub.full(id)) {
          socket.close(4409, 'room full');
          return;
        }
        try {
          await markJoined(ctx, actor, id, grant.part);
        } catch (e) {
          req.log.info({ err: e, roomId: id }, 'video join refused');
          socket.close(4409, 'room closed');
          return;
        }
        const name = grant.part === 'citizen' ? '信访人' : actor.displayName;
        const peer = hub.add(
          id,
          { userId: actor.userId, part: grant.part, name, socket },
          iceServersFor(ctx.config.video, actor.userId, new Date()),
        );
        socket.on('close', () => {
          if (!hub.remove(id, peer)) return;
          markLeft(ctx, actor.userId, id).catch((e) => req.log.error({ err: e }, 'video leave not recorded'));
        });
      },
    });

    app.post(
      '/video/rooms/:id/consent',
      {
        schema: {
          tags: ['video'],
          summary: '记录信访人是否同意录音录像（含时间）',
          params: idParam,
          body: ConsentBody,
          response: { 200: RoomDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await recordConsent(ctx, actor, req.params.id, req.body.consent);
        return detailOf(ctx, actor, req.params.id);
      },
    );

    app.post(
      '/video/rooms/:id/end',
      {
        schema: {
          tags: ['video'],
          summary: '结束视频接访并填写接访记录（记入信访事项办理过程）',
          params: idParam,
          body: EndBody,
          response: { 200: RoomDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await endRoom(ctx, actor, req.params.id, req.body.notes);
        hub.close(req.params.id, 'ended');
        return detailOf(ctx, actor, req.params.id);
      },
    );

    app.post(
      '/video/rooms/:id/cancel',
      {
        schema: { tags: ['video'], summary: '取消视频接访', params: idParam, response: { 200: RoomDetail } },
      },
      async (req) => {
        const actor = actorOf(req);
        await cancelRoom(ctx, actor, req.params.id);
        hub.close(req.params.id, 'cancelled');
        return detailOf(ctx, actor, req.params.id);
      },
    );

    app.post(
      '/video/rooms/:id/recordings',
      {
        schema: {
          tags: ['video'],
          summary: '上传录像（video/webm，须信访人同意），作为信访事项的附件存档',
          params: idParam,
          response: { 201: z.object({ id: z.number(), size: z.number() }) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const mime = String(req.headers['content-type'] ?? '');
        if (!RECORDING_MIME.test(mime) || !Buffer.isBuffer(req.body))
          throw badRequest('video_recording_type', '录像应为 video/webm 格式', 'file');
        const id = await storeRecording(ctx, actor, req.params.id, mime.slice(0, 100), req.body);
        return reply.status(201).send({ id, size: req.body.length });
      },
    );

    app.get(
      '/video/rooms/:id/recordings/:recordingId',
      {
        schema: {
          tags: ['video'],
          summary: '下载录像',
          params: idParam.extend({ recordingId: zIdParam('录像编号') }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const r = await visibleRoom(ctx.db, actor, req.params.id);
        ensureAllowed(videoPolicy.act(actor, r, 'download_recording'), '您没有权限下载录像');
        const rec = await recordingOf(ctx.db, r.id, req.params.recordingId);
        return reply
          .header('content-type', rec.mime)
          .header('content-disposition', `attachment; filename="video-${r.id}-${rec.id}.webm"`)
          .send(ctx.pii.decryptBytes(Buffer.from(rec.content)));
      },
    );
  };
