// Writing to the outbox (发送队列). Call inside the transaction of the change that causes the
// message, so a rolled-back change sends nothing and a committed one is never lost. The number and
// the text are stored encrypted (a text may carry a login or query code) and purged some days after
// sending (Dispatcher, XINFANG_OUTBOX_RETENTION_DAYS).
import type { Executor } from '../db/client.ts';
import { outbox } from '../db/schema.ts';
import { maskPhone } from '../domain/masking.ts';
import type { Pii } from '../security/pii.ts';

export interface SmsMessage {
  phone: string;
  template: string;
  body: string;
  /** Unique per logical message: a retry of the same change never sends twice. */
  idempotencyKey: string;
  caseId?: number;
  stage?: string;
}

export async function enqueueSms(tx: Executor, pii: Pii, msg: SmsMessage): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      channel: 'sms',
      idempotencyKey: msg.idempotencyKey,
      recipientEnc: pii.encrypt(msg.phone),
      recipientMasked: maskPhone(msg.phone),
      template: msg.template,
      bodyEnc: pii.encrypt(msg.body),
      caseId: msg.caseId,
      stage: msg.stage,
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey });
}

/** The text of an outbox row, or null once purged. */
export function outboxText(pii: Pii, row: { body: string | null; bodyEnc: string | null }): string | null {
  if (row.bodyEnc) return pii.decrypt(row.bodyEnc);
  return row.body; // a row of before encryption, until the start-up pass encrypts it
}
