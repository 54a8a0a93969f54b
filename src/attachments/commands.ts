// Adding files to a matter: one transaction (runCommand) for all files of an upload, one audit row
// (sizes, types and hashes — never the names). The bytes go to the chosen store (src/attachments/
// store.ts): in the same transaction for the database backend, just before the rows for files.
// Refusals: matter not visible (404), not allowed (403), event of another matter or too many
// files (400/409) — a refusal keeps nothing.
import { and, count, eq } from 'drizzle-orm';
import { eventsOfCase } from '../cases/history.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { attachments, caseEvents, cases } from '../db/schema.ts';
import { type AttachmentPurpose, MAX_FILES_PER_CASE } from '../domain/attachments/kinds.ts';
import { badRequest, conflict } from '../errors.ts';
import { attachmentPolicy } from '../policies/attachments.ts';
import { type Actor, ensureAllowed, ensureReadable } from '../policies/index.ts';
import type { Prepared } from './files.ts';
import type { AttachmentRow } from './queries.ts';
import { chosenStore } from './store.ts';

export interface UploadInput {
  purpose: AttachmentPurpose;
  eventId?: number;
}

/** Is the actor allowed to add files for this purpose to this matter? 404 / 403 before reading files. */
export async function checkUpload(ctx: AppContext, actor: Actor, caseId: number, input: UploadInput) {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  ensureReadable(c !== undefined && attachmentPolicy.list(actor, c));
  if (!c) return;
  ensureAllowed(
    attachmentPolicy.upload(actor, c, input.purpose),
    attachmentPolicy.petitionerSide(actor)
      ? '信访人只能为本人的信访事项上传信访材料或证据材料'
      : '您没有权限为该信访事项上传附件',
  );
}

export async function addAttachments(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: UploadInput,
  files: Prepared[],
): Promise<AttachmentRow[]> {
  if (files.length === 0) throw badRequest('attachment_none', '请选择要上传的文件', 'file');
  const store = chosenStore(ctx.config);
  return runCommand(ctx, async (w) => {
    // The matter's row lock keeps two uploads from passing the per-matter limit together.
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    ensureReadable(c !== undefined && attachmentPolicy.list(actor, c));
    if (!c) return [];
    ensureAllowed(attachmentPolicy.upload(actor, c, input.purpose), '您没有权限为该信访事项上传附件');
    if (input.eventId !== undefined) {
      const [e] = await w.tx
        .select({ id: caseEvents.id })
        .from(caseEvents)
        .where(and(eq(caseEvents.id, input.eventId), eventsOfCase(c)));
      if (!e) throw badRequest('attachment_event', '该办理记录不属于此信访事项', 'eventId');
    }
    const [had] = await w.tx.select({ n: count() }).from(attachments).where(eq(attachments.caseId, caseId));
    if ((had?.n ?? 0) + files.length > MAX_FILES_PER_CASE)
      throw conflict('attachment_case_full', `每件信访事项最多 ${MAX_FILES_PER_CASE} 个附件`);
    for (const f of files) {
      await store.put(w.tx, f.blobKey, f.content);
      if (f.thumbKey && f.thumb) await store.put(w.tx, f.thumbKey, f.thumb);
    }
    const rows = await w.tx
      .insert(attachments)
      .values(
        files.map((f) => ({
          caseId,
          caseEventId: input.eventId ?? null,
          purpose: input.purpose,
          kind: f.kind,
          mime: f.mime,
          size: f.size,
          sha256: f.sha256,
          nameEnc: ctx.pii.encrypt(f.name),
          storage: store.kind,
          blobKey: f.blobKey,
          thumbKey: f.thumbKey,
          uploadedBy: actor.userId,
          uploaderRole: actor.role,
        })),
      )
      .returning();
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'case.attachments_added',
      entity: 'case',
      entityId: String(caseId),
      summary: {
        purpose: input.purpose,
        eventId: input.eventId ?? null,
        files: rows.map((r) => ({ id: r.id, kind: r.kind, mime: r.mime, size: r.size, sha256: r.sha256 })),
      },
    });
    return rows;
  });
}
