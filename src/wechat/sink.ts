// The dispatcher's sink for outbox rows of channel 'wechat' (模板消息). The row's recipient is the
// openid (encrypted in the outbox like a phone number), its text the SMS text of the same notice.
// When WeChat answers 43004 (the citizen no longer follows the official account), the notice goes
// by SMS instead: in one transaction the link is marked not following (later notices go by SMS
// at once) and an SMS row with the same text is written to the outbox; the WeChat row is then
// dead-lettered, saying so. Other failures are retried like an SMS gateway's.
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { cases, users, wechatLinks } from '../db/schema.ts';
import { noticeTemplateData } from '../domain/wechat/templates.ts';
import { GatewayError } from '../notify/gateways/errors.ts';
import { enqueueSms } from '../notify/outbox.ts';
import type { OutgoingSms, SmsSink } from '../notify/sinks.ts';
import type { Pii } from '../security/pii.ts';
import { type WechatApi, WechatApiError } from './client.ts';
import { openidHash } from './links.ts';

export interface WechatSinkDeps {
  db: Db;
  pii: Pii;
  api: WechatApi;
  log: Logger;
  /** After an SMS fallback was written: send it soon. */
  kick: () => void;
  now?: () => Date;
}

export function wechatSink(deps: WechatSinkDeps): SmsSink {
  const { db, api } = deps;
  return {
    name: 'wechat',
    async send(msg: OutgoingSms) {
      const templateId = api.config.templateId;
      // Rows are written only while a template is configured; one removed since: by SMS.
      if (!templateId) {
        await fallBackToSms(deps, msg, false);
        throw new GatewayError('wechat', '未配置微信模板（XINFANG_WECHAT_TEMPLATE_ID），已改发短信', {
          permanent: true,
        });
      }
      const [c] = msg.caseId
        ? await db.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, msg.caseId))
        : [];
      const base = api.config.publicUrl;
      try {
        await api.sendTemplate({
          openid: msg.to,
          templateId,
          url:
            base && msg.caseId ? `${base}/portal/cases/${msg.caseId}` : base ? `${base}/portal/` : undefined,
          data: noticeTemplateData({
            stage: msg.template ?? '',
            text: msg.body,
            at: deps.now?.() ?? new Date(),
            caseNumber: c?.caseNumber,
          }),
        });
      } catch (e) {
        if (!(e instanceof WechatApiError) || e.kind !== 'unfollowed') throw e;
        const sent = await fallBackToSms(deps, msg, true);
        throw new GatewayError(
          'wechat',
          sent
            ? '收件人已取消关注公众号（errcode 43004），已改发短信'
            : '收件人已取消关注公众号（errcode 43004），账号无手机号，未改发短信',
          { permanent: true, code: 'errcode_43004' },
        );
      }
    },
  };
}

/**
 * Writes the SMS of the notice (and, `unfollowed`, marks the link not following); false when the
 * account has no mobile.
 */
async function fallBackToSms(deps: WechatSinkDeps, msg: OutgoingSms, unfollowed: boolean): Promise<boolean> {
  const { db, pii } = deps;
  const hash = openidHash(pii, msg.to);
  const sent = await db.transaction(async (tx) => {
    if (unfollowed)
      await tx
        .update(wechatLinks)
        .set({ following: false, unfollowedAt: new Date() })
        .where(eq(wechatLinks.openidHash, hash));
    const [u] = await tx
      .select({ phoneEnc: users.phoneEnc })
      .from(wechatLinks)
      .innerJoin(users, eq(users.id, wechatLinks.userId))
      .where(and(eq(wechatLinks.openidHash, hash), eq(users.disabled, false)));
    if (!u?.phoneEnc) return false;
    await enqueueSms(tx, pii, {
      phone: pii.decrypt(u.phoneEnc),
      template: msg.template ?? 'generic',
      body: msg.body,
      idempotencyKey: `${msg.idempotencyKey}:sms`,
      caseId: msg.caseId,
      stage: msg.template,
    });
    return true;
  });
  if (sent) deps.kick();
  deps.log.info(
    { wechat: { fallback: sent ? 'sms' : 'none', key: msg.idempotencyKey } },
    '微信模板消息改发短信',
  );
  return sent;
}
