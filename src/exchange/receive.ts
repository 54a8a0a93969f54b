// Receiving an exchange message (POST /api/v1/exchange/messages). Refused before anything is read
// or stored: an unknown sender, a timestamp outside the window (a replay), a bad signature (a
// tampered body), a body not of the format, a message not addressed to us. Then one transaction:
// the receipt row (unique per sender and message id: the same id again is refused as a replay,
// which the sender's retry reads as delivered) and what the message does — a matter sent down is
// registered here as a new matter; an answer about our own matter is recorded on its timeline.
import { and, eq } from 'drizzle-orm';
import { registerCaseIn } from '../cases/intake.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cases, exchangeLinks, exchangeMessages } from '../db/schema.ts';
import { isCategoryCode } from '../domain/categories.ts';
import { DOWN_TYPES, ExchangeMessage } from '../domain/exchange/format.ts';
import type { PeerConfig } from '../domain/exchange/peers.ts';
import { checkDelivery } from '../domain/exchange/signing.ts';
import { type CaseForm, FORMS, PURPOSES, type Purpose } from '../domain/lifecycle/vocabulary.ts';
import { AppError, conflict } from '../errors.ts';
import { peerActor, peerOf, peerPublicKey } from './identity.ts';
import { recordStep } from './outbox.ts';

export interface Delivery {
  platform?: string;
  timestamp?: string;
  signature?: string;
  body: string;
}

const refuse = (status: number, code: string, message: string) => new AppError(status, code, message);

/** Verifies and parses a delivery; throws the 4xx refusal. */
export function verifiedMessage(ctx: AppContext, d: Delivery, now = new Date()) {
  const peer = d.platform ? peerOf(ctx, d.platform) : undefined;
  const key = peer ? peerPublicKey(ctx, peer.id) : undefined;
  const refusal = checkDelivery(key, d, d.body, Math.floor(now.getTime() / 1000));
  if (refusal) throw refuse(refusal.status, refusal.code, refusal.message);
  let raw: unknown;
  try {
    raw = JSON.parse(d.body);
  } catch {
    throw refuse(400, 'exchange_invalid', '消息不是合法的 JSON');
  }
  const parsed = ExchangeMessage.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw refuse(400, 'exchange_invalid', `消息格式不符（${i?.path.join('.') ?? ''}：${i?.message ?? ''}）`);
  }
  const m = parsed.data;
  if (m.from !== d.platform || m.to !== ctx.config.exchange.platformId)
    throw refuse(400, 'exchange_misaddressed', '消息的发件平台或收件平台与本平台不符');
  return { peer: peer as PeerConfig, message: m };
}

/** Stores and applies a verified message in one transaction. */
export async function receiveMessage(ctx: AppContext, peer: PeerConfig, m: ExchangeMessage) {
  return runCommand(ctx, async (w) => {
    const now = new Date();
    const [receipt] = await w.tx
      .insert(exchangeMessages)
      .values({
        messageId: m.id,
        direction: 'in',
        peerId: peer.id,
        type: m.type,
        bodyEnc: ctx.pii.encrypt(JSON.stringify(m)),
        status: 'received',
        deliveredAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: exchangeMessages.id });
    if (!receipt) throw conflict('exchange_replayed', '该消息已接收过（消息编号重复），视为重放，不再处理');
    let caseNumber: string;
    let caseId: number;
    let linkId: number;
    if (m.type === 'matter.transfer' || m.type === 'matter.assign') {
      const [dup] = await w.tx
        .select({ id: exchangeLinks.id })
        .from(exchangeLinks)
        .where(
          and(
            eq(exchangeLinks.peerId, peer.id),
            eq(exchangeLinks.direction, 'incoming'),
            eq(exchangeLinks.remoteNumber, m.matter.caseNumber),
          ),
        );
      if (dup) throw conflict('exchange_matter_exists', `来件 ${m.matter.caseNumber} 已登记，不重复登记`);
      const actor = await peerActor(w.tx, peer);
      const mt = m.matter;
      const form: CaseForm =
        peer.kind === 'hotline'
          ? 'hotline'
          : (FORMS as readonly string[]).includes(mt.form)
            ? (mt.form as CaseForm)
            : 'online';
      const registered = await registerCaseIn(w, actor, {
        form,
        purpose: (PURPOSES as readonly string[]).includes(mt.purpose) ? (mt.purpose as Purpose) : 'other',
        categoryCode: mt.categoryCode && isCategoryCode(mt.categoryCode) ? mt.categoryCode : undefined,
        subject: mt.subject,
        content: mt.content,
        jurisdictionCode: mt.jurisdictionCode,
        petitioner: mt.petitioner,
        peopleCount: mt.peopleCount,
      });
      const [link] = await w.tx
        .insert(exchangeLinks)
        .values({
          caseId: registered.caseId,
          peerId: peer.id,
          direction: 'incoming',
          kind: m.type === 'matter.assign' ? 'assign' : 'transfer',
          remoteNumber: mt.caseNumber,
          status: 'received',
        })
        .onConflictDoNothing()
        .returning({
          id: exchangeLinks.id,
          caseId: exchangeLinks.caseId,
          remoteNumber: exchangeLinks.remoteNumber,
        });
      if (!link) throw conflict('exchange_matter_exists', `来件 ${mt.caseNumber} 已与本平台信访事项关联`);
      const history = mt.history
        .map((s) => `${s.at.slice(0, 10)} ${s.label}${s.unit ? `（${s.unit}）` : ''}`)
        .join('；')
        .slice(0, 4000);
      await recordStep(w, actor, peer, link, 'in', m, now, history ? { originHistory: history } : {});
      await w.tx.update(exchangeLinks).set({ status: 'received' }).where(eq(exchangeLinks.id, link.id));
      caseNumber = registered.caseNumber;
      caseId = registered.caseId;
      linkId = link.id;
    } else {
      const [found] = await w.tx
        .select({ link: exchangeLinks, caseNumber: cases.caseNumber })
        .from(exchangeLinks)
        .innerJoin(cases, eq(cases.id, exchangeLinks.caseId))
        .where(
          and(
            eq(cases.caseNumber, m.ref.caseNumber),
            eq(exchangeLinks.peerId, peer.id),
            eq(exchangeLinks.direction, 'outgoing'),
          ),
        )
        .for('update', { of: exchangeLinks });
      if (!found)
        throw refuse(
          404,
          'exchange_unknown_matter',
          `本平台没有转送（交办）给贵平台的信访事项 ${m.ref.caseNumber}`,
        );
      const link = { ...found.link, remoteNumber: m.handlerCaseNumber ?? found.link.remoteNumber };
      if (m.handlerCaseNumber && m.handlerCaseNumber !== found.link.remoteNumber)
        await w.tx
          .update(exchangeLinks)
          .set({ remoteNumber: m.handlerCaseNumber })
          .where(eq(exchangeLinks.id, link.id));
      await recordStep(w, null, peer, link, 'in', m, now);
      caseNumber = found.caseNumber;
      caseId = link.caseId;
      linkId = link.id;
    }
    await w.tx.update(exchangeMessages).set({ caseId, linkId }).where(eq(exchangeMessages.id, receipt.id));
    w.audit({
      action: 'exchange.receive',
      entity: 'case',
      entityId: caseId,
      summary: { peer: peer.id, type: m.type, messageId: m.id, caseNumber },
    });
    return { received: true as const, id: m.id, caseNumber, down: DOWN_TYPES.includes(m.type) };
  });
}
