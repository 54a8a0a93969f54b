// Writing an exchange message: inside the transaction of the change that causes it (as the SMS
// outbox and the webhook deliveries are written), so a rolled-back change sends nothing and a
// committed one is never lost; the delivery pass (./deliverer.ts) POSTs it later with retries. The
// body is stored encrypted (a transferred matter carries its petitioner). Each message, sent or
// received, is a step on the matter's timeline (internal event) and moves the link's status.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Work } from '../commands/command.ts';
import { caseEvents, exchangeLinks, exchangeMessages } from '../db/schema.ts';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangeMessage,
  MESSAGE_TYPE_NAMES,
  type MessageType,
} from '../domain/exchange/format.ts';
import type { PeerConfig } from '../domain/exchange/peers.ts';
import { EXCHANGE_EVENTS, LINK_STATUS_AFTER } from '../domain/exchange/timeline.ts';
import type { Actor } from '../policies/index.ts';

type Envelope = 'format' | 'version' | 'id' | 'from' | 'to' | 'sentAt';
/** A message as a command writes it: the envelope is added here. */
export type Outgoing = ExchangeMessage extends infer M
  ? M extends unknown
    ? Omit<M, Envelope>
    : never
  : never;

export interface LinkRef {
  id: number;
  caseId: number;
  remoteNumber: string | null;
}

/** The timeline detail of a message: what it says, never the petitioner. */
function detailOf(peer: PeerConfig, link: LinkRef, m: Outgoing | ExchangeMessage): Record<string, unknown> {
  const d: Record<string, unknown> = {
    peerName: peer.name,
    messageType: MESSAGE_TYPE_NAMES[m.type],
    linkId: link.id,
  };
  if (link.remoteNumber) d.remoteNumber = link.remoteNumber;
  if ('note' in m && m.note) d.note = m.note;
  if ('reason' in m && m.reason) d.reason = m.reason;
  if (m.type === 'matter.report') {
    d.progress = m.text;
    if (m.stateName) d.stateName = m.stateName;
  }
  if (m.type === 'matter.result') {
    d.stateName = m.stateName;
    if (m.outcomeName) d.outcomeName = m.outcomeName;
    if (m.opinion) d.decision = m.opinion;
  }
  return d;
}

/** The step on the matter's timeline, and the link's new status. */
export async function recordStep(
  w: Work,
  actor: Actor | null,
  peer: PeerConfig,
  link: LinkRef,
  direction: 'out' | 'in',
  m: Outgoing | ExchangeMessage,
  at: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await w.tx.insert(caseEvents).values({
    caseId: link.caseId,
    at,
    action: EXCHANGE_EVENTS[direction][m.type as MessageType].event,
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    actorUnitId: actor?.unitId ?? null,
    detail: { ...detailOf(peer, link, m), ...extra },
    public: false,
  });
  await w.tx
    .update(exchangeLinks)
    .set({ status: LINK_STATUS_AFTER[m.type as MessageType], updatedAt: at })
    .where(eq(exchangeLinks.id, link.id));
}

/** Queues a message to `peer` about `link`'s matter; returns its id. */
export async function enqueueMessage(
  w: Work,
  actor: Actor | null,
  peer: PeerConfig,
  link: LinkRef,
  m: Outgoing,
  at = new Date(),
): Promise<string> {
  const id = randomUUID();
  const message = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    id,
    from: w.ctx.config.exchange.platformId,
    to: peer.id,
    sentAt: at.toISOString(),
    ...m,
  };
  await w.tx.insert(exchangeMessages).values({
    messageId: id,
    direction: 'out',
    peerId: peer.id,
    type: m.type,
    linkId: link.id,
    caseId: link.caseId,
    bodyEnc: w.ctx.pii.encrypt(JSON.stringify(message)),
    status: 'pending',
    nextAttemptAt: at,
  });
  await recordStep(w, actor, peer, link, 'out', m, at);
  return id;
}
