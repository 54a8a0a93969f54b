// 站内消息: a staff member sees and marks only their own inbox, and sets only their own preferences.
// Machine clients (接口密钥) have no inbox.
import { eq, type SQL, sql } from 'drizzle-orm';
import { inboxItems } from '../db/schema.ts';
import type { Actor } from './actor.ts';

export type { Actor } from './actor.ts';

export const inboxPolicy = {
  /** May have an inbox at all: staff in a unit, in person (not a citizen, not an API key). */
  use: (a: Actor): boolean => a.role !== 'citizen' && a.unitId !== null && a.apiKey === undefined,
};

/** WHERE condition restricting `inbox_items` to the caller's own. */
export function inboxScope(a: Actor): SQL {
  if (!inboxPolicy.use(a)) return sql`false`;
  return eq(inboxItems.userId, a.userId);
}
