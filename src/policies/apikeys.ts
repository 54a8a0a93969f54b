// 接口密钥与事件推送 (machine clients): who may manage API keys and webhook subscriptions, and which
// of them each caller sees.
//   - administrators (管理员) create, list and revoke keys, and manage subscriptions, for units
//     of their own subtree; the key's or subscription's jurisdiction must lie in the unit's subtree
//     too (a county's client never reads the city);
//   - a key itself never manages anything (src/domain/apikeys/scopes.ts opens no such route).
import { like, type SQL, sql } from 'drizzle-orm';
import { apiKeys, units, webhookSubscriptions } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

/** What the rules need to know about the organisation a key or subscription belongs to. */
export interface ClientRef {
  unitJurisdictionCode: string;
  /** The unit's jurisdiction's subtree prefix (jurisdictions.scope_prefix). */
  unitScopePrefix: string;
  jurisdictionCode: string;
}

type MachineAction = 'list' | 'create' | 'revoke' | 'replay';

/** The rule table: one line per action, the roles that may take it (always within the subtree). */
export const MACHINE_CLIENT_RULES: Record<MachineAction, readonly Role[]> = {
  list: ['admin'],
  create: ['admin'],
  revoke: ['admin'],
  replay: ['admin'],
};

const human = (a: Actor) => a.apiKey === undefined;

export const machineClientPolicy = {
  /** May open the keys and webhooks pages at all? */
  use: (a: Actor): boolean =>
    human(a) && MACHINE_CLIENT_RULES.list.includes(a.role) && a.scopePrefix !== null,
  /**
   * May take `action` on a key or subscription of this organisation and jurisdiction? The
   * jurisdiction must be the unit's own or below it, and both inside the caller's subtree.
   */
  act: (a: Actor, c: ClientRef, action: MachineAction): boolean =>
    human(a) &&
    MACHINE_CLIENT_RULES[action].includes(a.role) &&
    inSubtree(a, c.unitJurisdictionCode) &&
    inSubtree(a, c.jurisdictionCode) &&
    c.jurisdictionCode.startsWith(c.unitScopePrefix),
};

const NOTHING = sql`false`;

/** WHERE condition restricting `api_keys` (joined with `units`) to the admin's subtree. */
export function apiKeyScope(a: Actor): SQL {
  if (!machineClientPolicy.use(a)) return NOTHING;
  return like(apiKeys.jurisdictionCode, `${a.scopePrefix}%`) as SQL;
}

/** WHERE condition restricting `webhook_subscriptions` to the admin's subtree. */
export function webhookScope(a: Actor): SQL {
  if (!machineClientPolicy.use(a)) return NOTHING;
  return like(webhookSubscriptions.jurisdictionCode, `${a.scopePrefix}%`) as SQL;
}

/** The units an admin may give a key or subscription to. */
export function clientUnitScope(a: Actor): SQL {
  if (!machineClientPolicy.use(a)) return NOTHING;
  return like(units.jurisdictionCode, `${a.scopePrefix}%`) as SQL;
}
