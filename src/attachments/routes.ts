// /api/v1/cases/:id/attachments: a matter's files — list, upload (multipart/form-data, one or more
// parts named `file`; purpose and action in the query); /api/v1/attachments/:id/content and
// /thumbnail: the file and its thumbnail. Thin: files.ts checks and prepares, commands.ts keeps,
// queries.ts and src/policies/attachments.ts decide who sees what.
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import {
  ATTACHMENT_PURPOSES,
  cleanFileName,
  MAX_ATTACHMENT_BYTES,
  MAX_FILES_PER_UPLOAD,
  megabytes,
  PURPOSE_NAMES,
} from '../domain/attachments/kinds.ts';
import { AppError, badRequest } from '../errors.ts';
import type { Pii } from '../security/pii.ts';
import { actorOf } from '../server/auth.ts';
import { zFlag, zIdParam } from '../server/fields.ts';
import { addAttachments, checkUpload } from './commands.ts';
import { AttachmentsAnswer } from './contract.ts';
import { type Prepared, prepareFile, servedType, tooLarge } from './files.ts';
import { presentAttachment } from './presenters.ts';
import { type AttachmentRow, attachmentsOf, plainAttachment, visibleAttachment } from './queries.ts';
import { storeOf } from './store.ts';

const caseParam = z.object({ id: zIdParam('信访事项编号') });
const idParam = z.object({ id: zIdParam('附件编号') });

const UploadQuery = z.object({
  purpose: z
    .enum(ATTACHMENT_PURPOSES, {
      error: `附件用途应为 ${ATTACHMENT_PURPOSES.map((p) => `${p}（${PURPOSE_NAMES[p]}）`).join('、')} 之一`,
    })
    .optional()
    .meta({
      description:
        '用途：intake 信访材料（默认）、evidence 证据材料、delivery_receipt 送达回证、minutes 会议纪要、other',
    }),
  eventId: zIdParam('办理记录编号').optional().meta({ description: '所属办理记录（时间线事件）编号' }),
});

/** What the multipart parser's refusals mean to the uploader. */
function uploadError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return tooLarge(`单个文件不能超过 ${megabytes(MAX_ATTACHMENT_BYTES)}`);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError(413, 'attachment_too_many', `一次最多上传 ${MAX_FILES_PER_UPLOAD} 个文件`, 'file');
  return badRequest('attachment_malformed', '上传内容格式不正确，请重新选择文件上传', 'file');
}

/** Reads every file part (each cut at the largest kind's limit), checks and prepares it. */
async function readFiles(req: FastifyRequest, pii: Pii): Promise<Prepared[]> {
  const out: Prepared[] = [];
  try {
    const parts = req.parts({
      limits: {
        fileSize: MAX_ATTACHMENT_BYTES,
        files: MAX_FILES_PER_UPLOAD,
        fields: 10,
        fieldSize: 1024,
        parts: 30,
      },
    });
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      const name = cleanFileName(part.filename ?? '');
      if (name === null) throw badRequest('attachment_name', '文件名不能为空，且不能含控制字符', 'file');
      out.push(await prepareFile(pii, { name, bytes: await part.toBuffer() }));
    }
  } catch (e) {
    req.raw.resume(); // drop the rest of the upload so the refusal reaches the client
    throw uploadError(e);
  }
  return out;
}

/** inline for what a browser shows safely (images, audio); a download for the rest (PDF). */
function disposition(r: AttachmentRow, name: string, download: boolean): string {
  const fallback = `attachment-${r.id}`;
  const kind = download || r.kind === 'pdf' ? 'attachment' : 'inline';
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const attachmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Only these routes parse multipart bodies (the plugin is scoped to this one).
    await app.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_FILES_PER_UPLOAD },
    });

    app.get(
      '/cases/:id/attachments',
      {
        schema: {
          tags: ['cases'],
          summary: '信访事项的附件（工作人员按可见范围；信访人只见本人上传的）',
          params: caseParam,
          response: { 200: AttachmentsAnswer },
        },
      },
      async (req) => {
        const rows = await attachmentsOf(ctx, actorOf(req), req.params.id);
        return { items: rows.map(presentAttachment) };
      },
    );

    app.post(
      '/cases/:id/attachments',
      {
        schema: {
          tags: ['cases'],
          summary: '上传附件（照片、PDF、扫描件、录音）',
          description:
            'multipart/form-data，文件字段名 file，可多个（一次最多 10 个）。类型按文件内容识别：' +
            '图片 ≤ 10 MB，PDF ≤ 20 MB，音频 ≤ 30 MB。',
          params: caseParam,
          querystring: UploadQuery,
          response: { 201: AttachmentsAnswer },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        if (!req.isMultipart())
          throw new AppError(415, 'attachment_multipart', '请以 multipart/form-data 方式上传文件', 'file');
        const input = { purpose: req.query.purpose ?? 'intake', eventId: req.query.eventId };
        await checkUpload(ctx, actor, req.params.id, input);
        const files = await readFiles(req, ctx.pii);
        const rows = await addAttachments(ctx, actor, req.params.id, input, files);
        return reply
          .status(201)
          .send({ items: rows.map((r) => presentAttachment(plainAttachment(ctx.pii, r))) });
      },
    );

    app.get(
      '/attachments/:id/content',
      {
        schema: {
          tags: ['cases'],
          summary: '下载或查看附件',
          params: idParam,
          querystring: z.object({ download: zFlag().optional().meta({ description: '作为文件下载' }) }),
        },
      },
      async (req, reply) => {
        const r = await visibleAttachment(ctx.db, actorOf(req), req.params.id);
        const stored = await storeOf(r.storage, ctx.config).get(ctx.db, r.blobKey);
        if (!stored) throw new AppError(404, 'attachment_missing', '附件文件已丢失，请联系系统管理员');
        return reply
          .header('content-type', servedType(r.mime))
          .header(
            'content-disposition',
            disposition(r, ctx.pii.decrypt(r.nameEnc), req.query.download === true),
          )
          .header('cache-control', 'private, no-store')
          .send(ctx.pii.decryptBytes(stored));
      },
    );

    app.get(
      '/attachments/:id/thumbnail',
      { schema: { tags: ['cases'], summary: '附件缩略图（图片）', params: idParam } },
      async (req, reply) => {
        const r = await visibleAttachment(ctx.db, actorOf(req), req.params.id);
        const stored = r.thumbKey ? await storeOf(r.storage, ctx.config).get(ctx.db, r.thumbKey) : null;
        if (!stored) throw new AppError(404, 'attachment_no_thumbnail', '该附件没有缩略图');
        return reply
          .header('content-type', 'image/jpeg')
          .header('cache-control', 'private, max-age=3600')
          .send(ctx.pii.decryptBytes(stored));
      },
    );
  };
