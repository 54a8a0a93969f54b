// Reads of attachments: a matter's list (scoped by src/policies/attachments.ts) and one attachment
// with its matter, 404 when missing or out of the caller's reach (no existence leak).
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { attachments, cases } from '../db/schema.ts';
import { attachmentPolicy, attachmentScope } from '../policies/attachments.ts';
import { type Actor, ensureReadable } from '../policies/index.ts';
import type { Pii } from '../security/pii.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** An attachment with its file name decrypted, for the presenter (who may list it sees the name). */
export type PlainAttachment = Omit<AttachmentRow, 'nameEnc'> & { name: string };

export function plainAttachment(pii: Pii, r: AttachmentRow): PlainAttachment {
  const { nameEnc, ...rest } = r;
  return { ...rest, name: pii.decrypt(nameEnc) };
}

/** The matter, when the caller may list its attachments; 404 otherwise. */
export async function caseForAttachments(exec: Executor, actor: Actor, caseId: number) {
  const [c] = await exec.select().from(cases).where(eq(cases.id, caseId));
  ensureReadable(c !== undefined && attachmentPolicy.list(actor, c));
  return c as typeof cases.$inferSelect;
}

export async function attachmentsOf(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
): Promise<PlainAttachment[]> {
  await caseForAttachments(ctx.db, actor, caseId);
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), attachmentScope(actor)))
    .orderBy(asc(attachments.id));
  return rows.map((r) => plainAttachment(ctx.pii, r));
}

export async function visibleAttachment(exec: Executor, actor: Actor, id: number): Promise<AttachmentRow> {
  const [att] = await exec.select().from(attachments).where(eq(attachments.id, id));
  const [c] = att ? await exec.select().from(cases).where(eq(cases.id, att.caseId)) : [];
  ensureReadable(att !== undefined && c !== undefined && attachmentPolicy.read(actor, c, att));
  return att as AttachmentRow;
}
