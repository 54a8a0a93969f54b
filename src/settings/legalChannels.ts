// The legal-channel list (法定途径清单) in force for a jurisdiction: settings key 'legal_channels',
// value { rules: [...] }. A jurisdiction's own list replaces its parent's for its whole subtree
// (lists are edited as a whole, so merging rule by rule would surprise the editor); with no list
// anywhere up the chain the defaults of src/domain/legalChannels.ts apply.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { chainOf } from '../domain/jurisdictions.ts';
import { DEFAULT_LEGAL_CHANNEL_RULES, type LegalChannelRule } from '../domain/legalChannels.ts';
import { PROVINCE_CODE } from '../orgs/divisions.ts';
import { settingsRows } from './cache.ts';

export const LEGAL_CHANNELS_KEY = 'legal_channels';

export interface LegalChannelList {
  rules: readonly LegalChannelRule[];
  /** The jurisdiction whose list is in force, or null for the built-in defaults. */
  source: string | null;
}

type Row = { jurisdictionCode: string; value: unknown };

function nearest(rows: readonly Row[]): LegalChannelList {
  const own = [...rows].sort((a, b) => b.jurisdictionCode.length - a.jurisdictionCode.length)[0];
  const rules = (own?.value as { rules?: LegalChannelRule[] } | undefined)?.rules;
  return own && Array.isArray(rules)
    ? { rules, source: own.jurisdictionCode }
    : { rules: DEFAULT_LEGAL_CHANNEL_RULES, source: null };
}

/** The list in force for a jurisdiction (default: the province), read from the database now. */
export async function legalChannelList(
  db: Executor,
  code: string = PROVINCE_CODE,
): Promise<LegalChannelList> {
  const rows = await db
    .select({ jurisdictionCode: settings.jurisdictionCode, value: settings.value })
    .from(settings)
    .where(and(eq(settings.key, LEGAL_CHANNELS_KEY), inArray(settings.jurisdictionCode, chainOf(code))));
  return nearest(rows);
}

/** The same from the in-process settings cache (every classify call needs it). */
export async function cachedLegalChannelRules(
  db: Db,
  code: string = PROVINCE_CODE,
): Promise<readonly LegalChannelRule[]> {
  const chain = new Set(chainOf(code));
  const rows = await settingsRows(db, db);
  return nearest(rows.filter((r) => r.key === LEGAL_CHANNELS_KEY && chain.has(r.jurisdictionCode))).rules;
}
