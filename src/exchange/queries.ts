// What a matter's exchange record shows: its links (with which peer, which way, the peer's number,
// the status) and the messages of each, newest last — never a message body (it may carry the
// petitioner); the timeline shows what each said.
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { cases, exchangeLinks, exchangeMessages } from '../db/schema.ts';
import { MESSAGE_TYPE_NAMES, type MessageType } from '../domain/exchange/format.ts';
import { LINK_STATUS_NAMES } from '../domain/exchange/timeline.ts';
import { type Actor, casePolicy, ensureReadable } from '../policies/index.ts';
import { peerOf } from './identity.ts';

export async function exchangeOfCase(ctx: AppContext, actor: Actor, caseId: number) {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  ensureReadable(c !== undefined && casePolicy.read(actor, c));
  const links = await ctx.db
    .select()
    .from(exchangeLinks)
    .where(eq(exchangeLinks.caseId, caseId))
    .orderBy(asc(exchangeLinks.id));
  const messages = await ctx.db
    .select({
      linkId: exchangeMessages.linkId,
      messageId: exchangeMessages.messageId,
      direction: exchangeMessages.direction,
      type: exchangeMessages.type,
      status: exchangeMessages.status,
      attempts: exchangeMessages.attempts,
      lastError: exchangeMessages.lastError,
      createdAt: exchangeMessages.createdAt,
      deliveredAt: exchangeMessages.deliveredAt,
    })
    .from(exchangeMessages)
    .where(eq(exchangeMessages.caseId, caseId))
    .orderBy(asc(exchangeMessages.id));
  return links.map((l) => ({
    id: l.id,
    peer: l.peerId,
    peerName: peerOf(ctx, l.peerId)?.name ?? l.peerId,
    direction: l.direction as 'outgoing' | 'incoming',
    kind: l.kind,
    remoteNumber: l.remoteNumber,
    status: l.status,
    statusName: LINK_STATUS_NAMES[l.status] ?? l.status,
    messages: messages
      .filter((m) => m.linkId === l.id)
      .map((m) => ({
        id: m.messageId,
        direction: m.direction as 'out' | 'in',
        type: m.type,
        typeName: MESSAGE_TYPE_NAMES[m.type as MessageType] ?? m.type,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        at: m.createdAt.toISOString(),
        deliveredAt: m.deliveredAt?.toISOString() ?? null,
      })),
  }));
}
