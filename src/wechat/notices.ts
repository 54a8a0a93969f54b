// Choosing the channel of a petitioner's progress notice (短信节点): a citizen whose account is
// linked to WeChat and who follows the official account gets a template message, everyone else the
// SMS. Same outbox, same template text, same idempotency key (one logical notice, one row); the
// WeChat row falls back to SMS when WeChat refuses it for not following (./sink.ts).
// Login codes are not notices: they always go by SMS to the number being verified.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { outbox, users, wechatLinks } from '../db/schema.ts';
import { maskPhone } from '../domain/masking.ts';
import { enqueueSms, type SmsMessage } from '../notify/outbox.ts';

/** Writes the notice to the outbox by WeChat or SMS; says which. */
export async function enqueueCitizenNotice(
  tx: Executor,
  ctx: Pick<AppContext, 'pii' | 'config' | 'wechat'>,
  msg: SmsMessage,
): Promise<'wechat' | 'sms'> {
  if (ctx.wechat && ctx.config.wechat?.templateId) {
    const [link] = await tx
      .select({ openidEnc: wechatLinks.openidEnc })
      .from(users)
      .innerJoin(wechatLinks, eq(wechatLinks.userId, users.id))
      .where(
        and(
          eq(users.phoneHash, ctx.pii.hash(msg.phone)),
          eq(users.role, 'citizen'),
          eq(users.disabled, false),
          eq(wechatLinks.following, true),
        ),
      )
      .limit(1);
    if (link) {
      await tx
        .insert(outbox)
        .values({
          channel: 'wechat',
          idempotencyKey: msg.idempotencyKey,
          recipientEnc: link.openidEnc, // the openid, encrypted as stored on the link
          recipientMasked: `微信 ${maskPhone(msg.phone)}`,
          template: msg.template,
          bodyEnc: ctx.pii.encrypt(msg.body),
          caseId: msg.caseId,
          stage: msg.stage,
        })
        .onConflictDoNothing({ target: outbox.idempotencyKey });
      return 'wechat';
    }
  }
  await enqueueSms(tx, ctx.pii, msg);
  return 'sms';
}
