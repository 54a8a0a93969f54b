// Commands on a unit's canned texts, each one transaction with one audit row: add, edit, delete.
// A text naming a placeholder that does not exist is refused (400) so it never reaches a reply.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cannedReplies } from '../db/schema.ts';
import { PURPOSE_NAMES, unknownPlaceholders } from '../domain/cannedReplies/placeholders.ts';
import { isCategoryCode } from '../domain/categories.ts';
import { zText } from '../domain/validation/fields.ts';
import { badRequest } from '../errors.ts';
import { type Actor, cannedReplyPolicy } from '../policies/cannedReplies.ts';
import { ensureAllowed } from '../policies/index.ts';
import { visibleCannedReply } from './queries.ts';

export const CannedReplyBody = z.object({
  purpose: z.enum(PURPOSE_NAMES, { error: '用途应为 reply（答复意见）或 note（办理进展）' }),
  categoryCode: zText({ label: '信访内容分类', max: 6 }).nullish(),
  title: zText({ label: '标题', max: 50, min: 1 }),
  body: zText({ label: '内容', max: 5000, min: 1 }),
});
export type CannedReplyInput = z.infer<typeof CannedReplyBody>;

function check(input: CannedReplyInput) {
  if (input.categoryCode && !isCategoryCode(input.categoryCode))
    throw badRequest('unknown_category', `未知的信访内容分类：${input.categoryCode}`, 'categoryCode');
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length)
    throw badRequest(
      'canned_reply_unknown_placeholder',
      `未知的占位符：${unknown.map((n) => `{${n.slice(0, 30)}}`).join('、')}`,
      'body',
    );
}

function audit(w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown>) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `canned_reply.${action}`,
    entity: 'canned_reply',
    entityId: id,
    summary,
  });
}

export async function createCannedReply(ctx: AppContext, actor: Actor, input: CannedReplyInput) {
  ensureAllowed(cannedReplyPolicy.use(actor), '您没有权限维护常用语');
  check(input);
  return runCommand(ctx, async (w) => {
    const now = new Date();
    const [row] = await w.tx
      .insert(cannedReplies)
      .values({
        unitId: actor.unitId as number,
        purpose: input.purpose,
        categoryCode: input.categoryCode || null,
        title: input.title,
        body: input.body,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    audit(w, actor, 'create', row.id, { purpose: row.purpose, title: row.title });
    return row;
  });
}

export async function updateCannedReply(ctx: AppContext, actor: Actor, id: number, input: CannedReplyInput) {
  check(input);
  return runCommand(ctx, async (w) => {
    const r = await visibleCannedReply(w.tx, actor, id, true);
    ensureAllowed(cannedReplyPolicy.manage(actor, r), '只能修改本单位的常用语');
    const [row] = await w.tx
      .update(cannedReplies)
      .set({
        purpose: input.purpose,
        categoryCode: input.categoryCode || null,
        title: input.title,
        body: input.body,
        updatedAt: new Date(),
      })
      .where(eq(cannedReplies.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    audit(w, actor, 'update', id, { purpose: row.purpose, title: row.title });
    return row;
  });
}

export async function deleteCannedReply(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await runCommand(ctx, async (w) => {
    const r = await visibleCannedReply(w.tx, actor, id, true);
    ensureAllowed(cannedReplyPolicy.manage(actor, r), '只能删除本单位的常用语');
    await w.tx.delete(cannedReplies).where(eq(cannedReplies.id, id));
    audit(w, actor, 'delete', id, { title: r.title });
  });
}
