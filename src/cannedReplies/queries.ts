// Reads of a unit's canned texts (src/policies/cannedReplies.ts): the caller's unit only, by
// purpose, and for a case those of its content category and those for every category.
import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cannedReplies } from '../db/schema.ts';
import type { Purpose } from '../domain/cannedReplies/placeholders.ts';
import { notFound } from '../errors.ts';
import { type Actor, cannedReplyScope } from '../policies/cannedReplies.ts';

export type CannedReplyRow = typeof cannedReplies.$inferSelect;

export async function listCannedReplies(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  f: { purpose?: Purpose; categoryCode?: string | null },
): Promise<CannedReplyRow[]> {
  const where: (SQL | undefined)[] = [cannedReplyScope(actor)];
  if (f.purpose) where.push(eq(cannedReplies.purpose, f.purpose));
  // For a case: its category's texts and the general ones; a case without a category, the general ones.
  if (f.categoryCode !== undefined)
    where.push(
      f.categoryCode === null
        ? isNull(cannedReplies.categoryCode)
        : or(isNull(cannedReplies.categoryCode), eq(cannedReplies.categoryCode, f.categoryCode)),
    );
  return ctx.db
    .select()
    .from(cannedReplies)
    .where(and(...where))
    .orderBy(asc(cannedReplies.purpose), asc(cannedReplies.title), asc(cannedReplies.id));
}

/** One of the caller's unit's texts (locked inside a command), else 404. */
export async function visibleCannedReply(exec: Executor, actor: Actor, id: number, forUpdate = false) {
  const q = exec
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.id, id), cannedReplyScope(actor)));
  const [r] = forUpdate ? await q.for('update') : await q;
  if (!r) throw notFound('未找到该常用语，或您无权查看');
  return r;
}
