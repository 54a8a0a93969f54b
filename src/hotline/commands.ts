// 12345热线工单 (issue 17, "12345 hotline linkage"): a work order of the government service hotline
// becomes a registered matter whose form (信访形式) is 12345热线, through the same intake as every
// registration (repeat linking, deadlines, notices), in one transaction with its link to the
// hotline and its audit row. The same work order again answers the matter it became. The result
// goes back to the hotline by itself when the matter is replied or closed (src/exchange/subscribers.ts,
// a `matter.result` exchange message to the hotline peer).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { registerCaseIn } from '../cases/intake.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { apiKeys, caseEvents, cases, exchangeLinks } from '../db/schema.ts';
import { HOTLINE_RECEIVED } from '../domain/exchange/timeline.ts';
import { PURPOSES } from '../domain/lifecycle/vocabulary.ts';
import { zCode, zDateTime, zPersonName, zPhone, zText } from '../domain/validation/fields.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Actor } from '../policies/index.ts';

export const OrderBody = z.object({
  orderNumber: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '工单编号应为1–40位字母、数字或连字符'),
  subject: zText({ label: '工单标题', min: 2, max: 200 }).optional(),
  content: zText({ label: '诉求内容', min: 5, max: 4000 }),
  callerName: zPersonName(),
  callerPhone: zPhone().optional(),
  jurisdictionCode: zCode().optional(),
  categoryCode: z
    .string()
    .regex(/^\d{6}$/, '内容分类代码应为6位数字')
    .optional(),
  purpose: z
    .enum(PURPOSES, { error: '诉求目的应为 claim、appeal、accusation、suggestion、consultation 或 other' })
    .optional(),
  calledAt: zDateTime('来电时间').optional(),
});
export type OrderInput = z.infer<typeof OrderBody>;

export interface OrderAnswer {
  caseId: number;
  caseNumber: string;
  /** The same work order was registered before: this is the matter it became. */
  duplicate: boolean;
}

/** The hotline peer a key's orders come from (its prefix is bound in XINFANG_EXCHANGE_PEERS). */
async function hotlinePeerOf(ctx: AppContext, actor: Actor) {
  if (!actor.apiKey) throw new AppError(403, 'hotline_key_only', '12345热线工单只能由热线系统以接口密钥提交');
  const [key] = await ctx.db
    .select({ prefix: apiKeys.prefix })
    .from(apiKeys)
    .where(eq(apiKeys.id, actor.apiKey.id));
  const peer = ctx.config.exchange.peers.find((p) => p.kind === 'hotline' && p.apiKeyPrefix === key?.prefix);
  if (!peer)
    throw new AppError(
      403,
      'hotline_not_configured',
      '该接口密钥未绑定12345热线（请在 XINFANG_EXCHANGE_PEERS 中为热线对端配置 apiKeyPrefix）',
    );
  return peer;
}

const subjectOf = (content: string) => {
  const first = content.split(/[。！？\n]/, 1)[0]?.trim() ?? '';
  return (first.length >= 2 ? first : content).slice(0, 40);
};

export async function registerOrder(ctx: AppContext, actor: Actor, input: OrderInput): Promise<OrderAnswer> {
  const peer = await hotlinePeerOf(ctx, actor);
  if (!actor.jurisdictionCode) throw forbidden();
  return runCommand(ctx, async (w) => {
    const [known] = await w.tx
      .select({ caseId: cases.id, caseNumber: cases.caseNumber })
      .from(exchangeLinks)
      .innerJoin(cases, eq(cases.id, exchangeLinks.caseId))
      .where(
        and(
          eq(exchangeLinks.peerId, peer.id),
          eq(exchangeLinks.direction, 'incoming'),
          eq(exchangeLinks.remoteNumber, input.orderNumber),
        ),
      );
    if (known) return { ...known, duplicate: true };
    const r = await registerCaseIn(w, actor, {
      form: 'hotline',
      purpose: input.purpose ?? 'claim',
      categoryCode: input.categoryCode,
      subject: input.subject ?? subjectOf(input.content),
      content: input.content,
      jurisdictionCode: input.jurisdictionCode ?? actor.jurisdictionCode ?? '',
      petitioner: { name: input.callerName, phone: input.callerPhone },
      receivedAt: input.calledAt ? new Date(input.calledAt) : undefined,
    });
    const [link] = await w.tx
      .insert(exchangeLinks)
      .values({
        caseId: r.caseId,
        peerId: peer.id,
        direction: 'incoming',
        kind: 'hotline',
        remoteNumber: input.orderNumber,
        status: 'received',
      })
      .returning({
        id: exchangeLinks.id,
        caseId: exchangeLinks.caseId,
        remoteNumber: exchangeLinks.remoteNumber,
      });
    if (!link) throw new Error('hotline link not created');
    const at = new Date();
    await w.tx.insert(caseEvents).values({
      caseId: r.caseId,
      at,
      action: HOTLINE_RECEIVED.event,
      actorUserId: actor.userId,
      actorRole: actor.role,
      actorUnitId: actor.unitId,
      detail: { peerName: peer.name, remoteNumber: input.orderNumber, linkId: link.id },
      public: false,
    });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'hotline.order',
      entity: 'case',
      entityId: r.caseId,
      summary: { caseNumber: r.caseNumber, peer: peer.id, orderNumber: input.orderNumber },
    });
    return { caseId: r.caseId, caseNumber: r.caseNumber, duplicate: false };
  });
}
