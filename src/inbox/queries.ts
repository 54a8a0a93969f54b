// Reads of the caller's own inbox (src/policies/inbox.ts): a page of items, newest first, the
// unread count the console's bell polls (one index-only count), and the caller's preferences.
import { and, count, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { inboxItems, inboxPreferences, users } from '../db/schema.ts';
import { type Actor, inboxScope } from '../policies/inbox.ts';

export type InboxRow = typeof inboxItems.$inferSelect;

export async function listInbox(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  f: { unread?: boolean; before?: number; limit?: number },
): Promise<InboxRow[]> {
  const where: SQL[] = [inboxScope(actor)];
  if (f.unread) where.push(isNull(inboxItems.readAt));
  if (f.before !== undefined) where.push(lt(inboxItems.id, f.before));
  return ctx.db
    .select()
    .from(inboxItems)
    .where(and(...where))
    .orderBy(desc(inboxItems.id))
    .limit(f.limit ?? 50);
}

export async function unreadCount(ctx: Pick<AppContext, 'db'>, actor: Actor): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(inboxItems)
    .where(and(inboxScope(actor), isNull(inboxItems.readAt)));
  return Number(r?.n ?? 0);
}

/** The caller's stored choices, and whether they have a mobile on file (for SMS). */
export async function preferencesOf(ctx: Pick<AppContext, 'db'>, actor: Actor) {
  const stored = await ctx.db
    .select()
    .from(inboxPreferences)
    .where(eq(inboxPreferences.userId, actor.userId));
  const [u] = await ctx.db.select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, actor.userId));
  return { stored, hasPhone: !!u?.phoneEnc };
}
