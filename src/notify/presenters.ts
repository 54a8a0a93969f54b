// What staff see of the SMS sent about a case (GET /cases/:id/notifications). Roles that see the
// parties masked (casePolicy.viewFullPii) see the texts masked alike: ID and phone numbers in them,
// and the case's query code (查询码), which lets anyone holding it follow the case. Pure: the text
// arrives decrypted, and the query-code test ready, from src/cases/queries.ts (notificationsOf).
import type { PlainNotification } from '../cases/queries.ts';
import { maskNumbersInText, maskQueryCode } from '../domain/masking.ts';

export const PURGED_TEXT = '（短信内容已超过保留期限，已清除）';

export function presentNotification(
  row: PlainNotification,
  view: { full: boolean; isQueryCode: (candidate: string) => boolean },
) {
  const plain = row.text;
  const text =
    plain === null
      ? PURGED_TEXT
      : view.full
        ? plain
        : maskQueryCode(maskNumbersInText(plain), view.isQueryCode);
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
