// Commands of 平台间交换 on this platform's side, each one transaction (runCommand) with one audit
// row: send a matter to a peer platform (转送 transfer or 交办 assign, with its history), and on a
// matter that came from a peer sign for it (签收), object (异议) or report progress (报送). The
// result (办理结果) goes up by itself when the matter is replied or closed (./subscribers.ts).
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { eventsOfCase } from '../cases/history.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { caseEvents, caseParties, cases, exchangeLinks, units } from '../db/schema.ts';
import type { MatterBody } from '../domain/exchange/format.ts';
import { eventLabel } from '../domain/lifecycle/timeline.ts';
import {
  type CaseForm,
  type CaseState,
  FORM_NAMES,
  isOpen,
  STATE_NAMES,
} from '../domain/lifecycle/vocabulary.ts';
import { zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { exchangePolicy } from '../policies/exchange.ts';
import { type Actor, casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { peerOf, sendablePeer } from './identity.ts';
import { enqueueMessage } from './outbox.ts';

export const SendBody = z.object({
  peer: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '请选择交换平台'),
  kind: z.enum(['transfer', 'assign'], { error: '方式应为 transfer（转送）或 assign（交办）' }),
  note: zText({ label: '转送（交办）意见', max: 2000 }).optional(),
});
export type SendInput = z.infer<typeof SendBody>;

export const RespondBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note: zText({ label: '签收意见', max: 2000 }).optional() }),
  z.object({ action: z.literal('object'), reason: zText({ label: '异议理由', min: 2, max: 2000 }) }),
  z.object({ action: z.literal('report'), text: zText({ label: '办理情况', min: 2, max: 5000 }) }),
]);
export type RespondInput = z.infer<typeof RespondBody>;

async function readableCase(tx: Tx, actor: Actor, caseId: number) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  ensureReadable(c !== undefined && casePolicy.read(actor, c));
  return c as typeof cases.$inferSelect;
}

/** The matter as it goes to the peer: its facts, its petitioner and its history so far. */
async function matterOf(ctx: AppContext, tx: Tx, c: typeof cases.$inferSelect): Promise<MatterBody> {
  const [p] = await tx
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, c.id), eq(caseParties.role, 'petitioner')))
    .limit(1);
  const steps = await tx
    .select({ at: caseEvents.at, action: caseEvents.action, detail: caseEvents.detail, unit: units.name })
    .from(caseEvents)
    .leftJoin(units, eq(units.id, caseEvents.actorUnitId))
    .where(eventsOfCase(c))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id))
    .limit(200);
  const dec = (v: string | null) => (v ? ctx.pii.decrypt(v) : undefined);
  return {
    caseNumber: c.caseNumber,
    form: c.form,
    formName: FORM_NAMES[c.form as CaseForm] ?? c.form,
    purpose: c.purpose,
    categoryCode: c.categoryCode ?? undefined,
    subject: c.subject,
    content: c.content,
    jurisdictionCode: c.jurisdictionCode,
    receivedAt: c.receivedAt.toISOString(),
    peopleCount: c.peopleCount,
    petitioner: p
      ? { name: ctx.pii.decrypt(p.nameEnc), phone: dec(p.phoneEnc), address: dec(p.addressEnc) }
      : undefined,
    history: steps.map((s) => ({
      at: s.at.toISOString(),
      label: eventLabel(s.action, s.detail).slice(0, 100),
      ...(s.unit ? { unit: s.unit } : {}),
    })),
  };
}

/** 转送 / 交办 a matter of this platform to a peer platform. Returns the message id. */
export async function sendMatter(ctx: AppContext, actor: Actor, caseId: number, input: SendInput) {
  return runCommand(ctx, async (w) => {
    const c = await readableCase(w.tx, actor, caseId);
    ensureAllowed(
      exchangePolicy.speak(actor),
      '只有信访部门的登记员、审核人、督查员或领导可以向外平台转送交办',
    );
    const peer = sendablePeer(ctx, input.peer, 'platform');
    if (!isOpen(c.state as CaseState)) throw conflict('case_closed', '该信访事项已办结，不能再转送交办');
    const [existing] = await w.tx
      .select({ id: exchangeLinks.id })
      .from(exchangeLinks)
      .where(
        and(
          eq(exchangeLinks.caseId, c.id),
          eq(exchangeLinks.peerId, peer.id),
          eq(exchangeLinks.direction, 'outgoing'),
        ),
      );
    if (existing) throw conflict('exchange_already_sent', `该信访事项已转送（交办）至${peer.name}`);
    const matter = await matterOf(ctx, w.tx, c);
    const [link] = await w.tx
      .insert(exchangeLinks)
      .values({ caseId: c.id, peerId: peer.id, direction: 'outgoing', kind: input.kind, status: 'sent' })
      .returning({
        id: exchangeLinks.id,
        caseId: exchangeLinks.caseId,
        remoteNumber: exchangeLinks.remoteNumber,
      });
    if (!link) throw new Error('exchange link not created');
    const type = input.kind === 'assign' ? 'matter.assign' : 'matter.transfer';
    const messageId = await enqueueMessage(w, actor, peer, link, { type, note: input.note, matter });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: `exchange.${input.kind}`,
      entity: 'case',
      entityId: c.id,
      summary: { caseNumber: c.caseNumber, peer: peer.id, messageId },
    });
    return { messageId, linkId: link.id };
  });
}

/** 签收 / 异议 / 报送 on a matter that came from a peer (its incoming link). */
export async function respond(ctx: AppContext, actor: Actor, linkId: number, input: RespondInput) {
  return runCommand(ctx, async (w) => {
    const [link] = await w.tx.select().from(exchangeLinks).where(eq(exchangeLinks.id, linkId)).for('update');
    if (!link) throw notFound();
    const c = await readableCase(w.tx, actor, link.caseId);
    ensureAllowed(exchangePolicy.speak(actor), '只有信访部门的登记员、审核人、督查员或领导可以答复来件平台');
    if (link.direction !== 'incoming' || link.kind === 'hotline' || !link.remoteNumber)
      throw badRequest('exchange_not_incoming', '只能对外平台转送（交办）来的信访事项签收、提出异议或报送');
    const peer = peerOf(ctx, link.peerId);
    if (!peer) throw conflict('exchange_peer_gone', '来件平台已不在交换配置中，无法答复');
    if (input.action !== 'report' && link.status !== 'received')
      throw conflict('exchange_already_answered', '该来件已签收或已提出异议');
    if (link.status === 'objected') throw conflict('exchange_objected', '已对该来件提出异议，不能再报送');
    const ref = { ref: { caseNumber: link.remoteNumber }, handlerCaseNumber: c.caseNumber };
    const m =
      input.action === 'accept'
        ? { type: 'matter.accept' as const, ...ref, note: input.note }
        : input.action === 'object'
          ? { type: 'matter.object' as const, ...ref, reason: input.reason }
          : {
              type: 'matter.report' as const,
              ...ref,
              text: input.text,
              stateName: STATE_NAMES[c.state as CaseState],
            };
    const messageId = await enqueueMessage(w, actor, peer, link, m);
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: `exchange.${input.action}`,
      entity: 'case',
      entityId: c.id,
      summary: { caseNumber: c.caseNumber, peer: peer.id, messageId },
    });
    return { messageId };
  });
}
