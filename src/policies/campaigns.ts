// 专项行动: who may do what (one rule table), and which campaigns and register entries each sees.
//   - see a campaign: staff of a petition bureau whose subtree holds the campaign's scope (the
//     launching bureau and those above) or lies inside it (the bureaus below), and staff of a
//     department inside the scope; a bureau elsewhere does not see it (404);
//   - see an entry: a bureau whose subtree holds the entry's place, or the entry's responsible unit;
//     the numbers a caller sees are those of the entries they see;
//   - launch a campaign (create) and manage it (targets, close, reopen): supervisors and leaders of a
//     bureau whose subtree holds the scope;
//   - add an entry, move its status: bureau staff whose subtree holds the entry's place (inside the
//     campaign's scope), or staff of the responsible unit.
import { eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { campaignEntries, campaigns } from '../db/schema.ts';
import { chainOf, prefixOf } from '../domain/jurisdictions.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

export interface CampaignRef {
  scopeCode: string;
}
export interface EntryRef {
  jurisdictionCode: string;
  responsibleUnitId: number | null;
}

type Who =
  /** A bureau whose subtree holds the whole campaign scope. */
  | 'scope_bureau'
  /** A bureau whose subtree holds the entry's place, or the entry's responsible unit. */
  | 'entry_worker';

const MANAGERS: readonly Role[] = ['supervisor', 'leader'];
const WORKERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];
const READERS: readonly Role[] = [...WORKERS, 'analyst', 'admin'];

/** The rule table: one line per action. */
export const CAMPAIGN_RULES = {
  create: { roles: MANAGERS, who: 'scope_bureau' },
  set_targets: { roles: MANAGERS, who: 'scope_bureau' },
  close: { roles: MANAGERS, who: 'scope_bureau' },
  reopen: { roles: MANAGERS, who: 'scope_bureau' },
  add_entry: { roles: WORKERS, who: 'entry_worker' },
  update_entry: { roles: WORKERS, who: 'entry_worker' },
} as const satisfies Record<string, { roles: readonly Role[]; who: Who }>;
export type CampaignRuleName = keyof typeof CAMPAIGN_RULES;

const isBureau = (a: Actor) => a.unitKind === 'bureau' && a.unitId !== null;
/** The campaign's scope covers the caller's own jurisdiction. */
const covers = (c: CampaignRef, a: Actor) => a.jurisdictionCode?.startsWith(prefixOf(c.scopeCode)) ?? false;

export const campaignPolicy = {
  /** May open the campaigns area at all? */
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitId !== null,
  read: (a: Actor, c: CampaignRef): boolean =>
    campaignPolicy.use(a) && (inSubtree(a, c.scopeCode) || covers(c, a)),
  /** Reads the whole campaign (all its entries): a bureau whose subtree holds the scope. */
  readAll: (a: Actor, c: CampaignRef): boolean => isBureau(a) && inSubtree(a, c.scopeCode),
  readEntry: (a: Actor, e: EntryRef): boolean =>
    campaignPolicy.use(a) &&
    ((isBureau(a) && inSubtree(a, e.jurisdictionCode)) ||
      (e.responsibleUnitId !== null && a.unitId === e.responsibleUnitId)),
  /** Launch a campaign over `scopeCode`. */
  create: (a: Actor, scopeCode: string): boolean =>
    CAMPAIGN_RULES.create.roles.includes(a.role) && isBureau(a) && inSubtree(a, scopeCode),
  manage: (a: Actor, c: CampaignRef, action: 'set_targets' | 'close' | 'reopen'): boolean =>
    CAMPAIGN_RULES[action].roles.includes(a.role) && isBureau(a) && inSubtree(a, c.scopeCode),
  /** The caller's role may add entries or move them at all (before the place is known). */
  mayWork: (a: Actor, action: 'add_entry' | 'update_entry'): boolean =>
    CAMPAIGN_RULES[action].roles.includes(a.role) && a.unitId !== null,
  /** Add an entry at `e`'s place with `e`'s responsible unit, or move its status. */
  work: (a: Actor, c: CampaignRef, e: EntryRef, action: 'add_entry' | 'update_entry'): boolean =>
    CAMPAIGN_RULES[action].roles.includes(a.role) &&
    campaignPolicy.read(a, c) &&
    e.jurisdictionCode.startsWith(prefixOf(c.scopeCode)) &&
    ((isBureau(a) && inSubtree(a, e.jurisdictionCode)) ||
      (e.responsibleUnitId !== null && a.unitId === e.responsibleUnitId)),
};

/** WHERE condition restricting `campaigns` to what the caller may see. */
export function campaignScope(a: Actor): SQL {
  if (!campaignPolicy.use(a) || a.jurisdictionCode === null) return sql`false`;
  const coversMe = inArray(campaigns.scopeCode, chainOf(a.jurisdictionCode));
  if (isBureau(a) && a.scopePrefix !== null)
    return or(like(campaigns.scopeCode, `${a.scopePrefix}%`), coversMe) as SQL;
  return coversMe;
}

/** WHERE condition restricting `campaign_entries` to what the caller may see. */
export function entryScope(a: Actor): SQL {
  if (!campaignPolicy.use(a) || a.unitId === null) return sql`false`;
  const mine = eq(campaignEntries.responsibleUnitId, a.unitId);
  if (isBureau(a) && a.scopePrefix !== null)
    return or(like(campaignEntries.jurisdictionCode, `${a.scopePrefix}%`), mine) as SQL;
  return mine;
}
