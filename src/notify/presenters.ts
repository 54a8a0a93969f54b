// What staff see of the SMS sent about a case (GET /cases/:id/notifications). Roles that see the
// parties masked (casePolicy.viewFullPii) see the texts masked alike: ID and phone numbers in them,
// and the case's query code (查询码), which lets anyone holding it follow the case.
import type { outbox } from '../db/schema.ts';
import { maskNumbersInText, maskQueryCode } from '../domain/masking.ts';
import type { Pii } from '../security/pii.ts';
import { outboxText } from './outbox.ts';

export const PURGED_TEXT = '（短信内容已超过保留期限，已清除）';

export function presentNotification(
  pii: Pii,
  row: typeof outbox.$inferSelect,
  view: { full: boolean; queryCodeHash: string | null },
) {
  const plain = outboxText(pii, row);
  const isCode = (candidate: string) =>
    view.queryCodeHash !== null && pii.hash(candidate) === view.queryCodeHash;
  const text =
    plain === null ? PURGED_TEXT : view.full ? plain : maskQueryCode(maskNumbersInText(plain), isCode);
  return {
    stage: row.stage,
    channel: row.channel,
    recipient: row.recipientMasked,
    text,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
