// Commands on the caller's own inbox, each one transaction: mark an item read, mark all read, and
// set the preferences (audited: who turned which notification off). Another user's item is 404.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { inboxItems, inboxPreferences } from '../db/schema.ts';
import { INBOX_KIND_NAMES, INBOX_KINDS } from '../domain/inbox/kinds.ts';
import { badRequest, notFound } from '../errors.ts';
import { type Actor, inboxPolicy, inboxScope } from '../policies/inbox.ts';
import { ensureAllowed } from '../policies/index.ts';

export const PreferencesBody = z.object({
  preferences: z
    .array(
      z.object({
        kind: z.enum(INBOX_KIND_NAMES, { error: '未知的消息种类' }),
        inApp: z.boolean(),
        sms: z.boolean(),
      }),
    )
    .max(INBOX_KIND_NAMES.length * 2),
});
export type PreferencesInput = z.infer<typeof PreferencesBody>;

const use = (actor: Actor) => ensureAllowed(inboxPolicy.use(actor), '只有工作人员有站内消息');

export async function markRead(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  use(actor);
  await runCommand(ctx, async (w) => {
    const [r] = await w.tx
      .update(inboxItems)
      .set({ readAt: sql`coalesce(${inboxItems.readAt}, now())` })
      .where(and(eq(inboxItems.id, id), inboxScope(actor)))
      .returning({ id: inboxItems.id });
    if (!r) throw notFound('未找到该消息');
  });
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<number> {
  use(actor);
  return runCommand(ctx, async (w) => {
    const rows = await w.tx
      .update(inboxItems)
      .set({ readAt: new Date() })
      .where(and(inboxScope(actor), isNull(inboxItems.readAt)))
      .returning({ id: inboxItems.id });
    return rows.length;
  });
}

export async function setPreferences(ctx: AppContext, actor: Actor, input: PreferencesInput): Promise<void> {
  use(actor);
  const seen = new Set<string>();
  for (const p of input.preferences) {
    if (seen.has(p.kind)) throw badRequest('inbox_duplicate_kind', `消息种类重复：${p.kind}`, 'preferences');
    seen.add(p.kind);
    if (p.sms && !INBOX_KINDS[p.kind].smsAllowed)
      throw badRequest('inbox_sms_not_allowed', `“${INBOX_KINDS[p.kind].label}”不发送短信`, 'preferences');
  }
  await runCommand(ctx, async (w) => {
    const now = new Date();
    for (const p of input.preferences)
      await w.tx
        .insert(inboxPreferences)
        .values({ userId: actor.userId, kind: p.kind, inApp: p.inApp, sms: p.sms, updatedAt: now })
        .onConflictDoUpdate({
          target: [inboxPreferences.userId, inboxPreferences.kind],
          set: { inApp: p.inApp, sms: p.sms, updatedAt: now },
        });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'inbox.preferences',
      entity: 'user',
      entityId: actor.userId,
      summary: { preferences: input.preferences },
    });
  });
}
