// 大屏展示令牌: who may create, list and revoke the big screen's display tokens — administrators
// (管理员), for their own jurisdiction and below (a county's admin never opens the city's screen).
// A token itself manages nothing (src/domain/kiosk opens no such route to it).
import { like, type SQL, sql } from 'drizzle-orm';
import { kioskTokens } from '../db/schema.ts';
import { type Actor, inSubtree } from './actor.ts';

const human = (a: Actor) => a.apiKey === undefined && a.kiosk === undefined;

export const kioskPolicy = {
  /** May open the tokens page at all? */
  manage: (a: Actor): boolean => human(a) && a.role === 'admin' && a.scopePrefix !== null,
  /** May create or revoke a token showing this jurisdiction? */
  act: (a: Actor, jurisdictionCode: string): boolean =>
    kioskPolicy.manage(a) && inSubtree(a, jurisdictionCode),
};

/** The tokens an admin sees: those of their subtree. */
export function kioskTokenScope(a: Actor): SQL {
  if (!kioskPolicy.manage(a) || a.scopePrefix === null) return sql`false`;
  return like(kioskTokens.jurisdictionCode, `${a.scopePrefix}%`);
}
