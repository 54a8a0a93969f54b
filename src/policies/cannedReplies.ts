// 常用语: a unit's canned texts are its own. Its staff who write replies or notes use them and keep
// them (add, edit, delete); nobody else sees them. Inserting one into a form fills it from a case
// the user may read (casePolicy.read), the petitioner's name masked unless casePolicy.viewFullPii.
import { eq, type SQL, sql } from 'drizzle-orm';
import { cannedReplies } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from './actor.ts';

export type { Actor } from './actor.ts';

/** Staff who write replies, review opinions or progress notes (the lifecycle's reply, decide_*, add_progress). */
const WRITERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];

export const cannedReplyPolicy = {
  use: (a: Actor): boolean => WRITERS.includes(a.role) && a.unitId !== null && a.apiKey === undefined,
  manage: (a: Actor, r: { unitId: number }): boolean => cannedReplyPolicy.use(a) && r.unitId === a.unitId,
};

/** WHERE condition restricting `canned_replies` to the caller's unit. */
export function cannedReplyScope(a: Actor): SQL {
  if (!cannedReplyPolicy.use(a) || a.unitId === null) return sql`false`;
  return eq(cannedReplies.unitId, a.unitId);
}
