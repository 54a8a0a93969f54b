// Reads of campaigns (专项行动), scoped by src/policies/campaigns.ts: one campaign (404 outside the
// scope), the list with each campaign's numbers, the register (排查台账) with its numbers overall
// and by the jurisdictions one level below the scope. A caller sees the entries of their subtree (or
// of their unit, as the responsible unit), and the numbers are those of the entries they see.
import { and, asc, desc, eq, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { campaignEntries, campaigns, cases, units } from '../db/schema.ts';
import {
  campaignNumbers,
  type EntryFacts,
  type Numbers,
  numbersByJurisdiction,
  type TargetCheck,
  targetChecks,
  targetsMet,
} from '../domain/campaigns/numbers.ts';
import type { EntryStatus } from '../domain/campaigns/vocabulary.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { notFound } from '../errors.ts';
import { type Actor, campaignPolicy, campaignScope, entryScope } from '../policies/campaigns.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type EntryRow = typeof campaignEntries.$inferSelect;

/** At most this many register rows in one answer or workbook (the answer says `truncated`). */
export const REGISTER_CAP = 5000;

/** A campaign the caller may see (locked for update inside a command), else 404. */
export async function visibleCampaign(
  exec: Executor,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<CampaignRow> {
  const q = exec
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), campaignScope(actor)));
  const [c] = forUpdate ? await q.for('update') : await q;
  if (!c || !campaignPolicy.read(actor, c)) throw notFound('未找到该专项行动，或您无权查看');
  return c;
}

const factsOf = (e: Pick<EntryRow, 'jurisdictionCode' | 'status' | 'crossKinds' | 'stable'>): EntryFacts => ({
  jurisdictionCode: e.jurisdictionCode,
  status: e.status as EntryStatus,
  crossKinds: e.crossKinds as string[],
  stable: e.stable,
});

const targetsOf = (c: CampaignRow) => ({
  rate: c.targetRate,
  investigated: c.targetInvestigated,
  stabilityRate: c.targetStabilityRate,
});

export interface CampaignSummary {
  campaign: CampaignRow;
  numbers: Numbers;
  targets: TargetCheck[];
  targetMet: boolean | null;
}

/** Campaigns the caller sees, newest first, each with the numbers of the entries the caller sees. */
export async function listCampaigns(
  ctx: AppContext,
  actor: Actor,
  f: { status?: string; year?: number } = {},
): Promise<CampaignSummary[]> {
  const where: (SQL | undefined)[] = [campaignScope(actor)];
  if (f.status) where.push(eq(campaigns.status, f.status));
  if (f.year)
    where.push(gte(campaigns.startDate, `${f.year}-01-01`), lte(campaigns.startDate, `${f.year}-12-31`));
  const list = await ctx.db
    .select()
    .from(campaigns)
    .where(and(...where))
    .orderBy(desc(campaigns.startDate), desc(campaigns.id))
    .limit(200);
  const ids = list.map((c) => c.id);
  const facts = ids.length
    ? await ctx.db
        .select({
          campaignId: campaignEntries.campaignId,
          jurisdictionCode: campaignEntries.jurisdictionCode,
          status: campaignEntries.status,
          crossKinds: campaignEntries.crossKinds,
          stable: campaignEntries.stable,
        })
        .from(campaignEntries)
        .where(and(inArray(campaignEntries.campaignId, ids), entryScope(actor)))
    : [];
  return list.map((c) => {
    const numbers = campaignNumbers(facts.filter((e) => e.campaignId === c.id).map(factsOf));
    const targets = targetChecks(numbers, targetsOf(c));
    return { campaign: c, numbers, targets, targetMet: targetsMet(targets) };
  });
}

export interface RegisterFilter {
  status?: EntryStatus;
  jurisdiction?: string;
  cross?: boolean;
}

/** The register of a campaign as the caller sees it: rows, numbers, numbers by jurisdiction. */
export async function campaignRegister(
  ctx: AppContext,
  actor: Actor,
  c: CampaignRow,
  f: RegisterFilter = {},
) {
  const where: (SQL | undefined)[] = [eq(campaignEntries.campaignId, c.id), entryScope(actor)];
  if (f.jurisdiction) where.push(like(campaignEntries.jurisdictionCode, `${prefixOf(f.jurisdiction)}%`));
  const all = await ctx.db
    .select({ e: campaignEntries, caseNumber: cases.caseNumber, unitName: units.name })
    .from(campaignEntries)
    .leftJoin(cases, eq(cases.id, campaignEntries.caseId))
    .leftJoin(units, eq(units.id, campaignEntries.responsibleUnitId))
    .where(and(...where))
    .orderBy(asc(campaignEntries.jurisdictionCode), asc(campaignEntries.id));
  // The numbers count every entry seen (filters by status or 三跨三分离 narrow the rows only).
  const facts = all.map((r) => factsOf(r.e));
  // A bureau inside the scope sees its own subtree: rows by the level below its own jurisdiction.
  const base =
    f.jurisdiction ??
    (campaignPolicy.readAll(actor, c) ? c.scopeCode : (actor.jurisdictionCode ?? c.scopeCode));
  const numbers = campaignNumbers(facts);
  const targets = targetChecks(numbers, targetsOf(c));
  const byCode = numbersByJurisdiction(facts, base);
  const rows = all.filter(
    (r) =>
      (!f.status || r.e.status === f.status) &&
      (f.cross === undefined || (r.e.crossKinds as string[]).length > 0 === f.cross),
  );
  const lookup = new UnitLookup(ctx.db);
  const names = await lookup.jurisdictionNames(ctx.db, [
    c.scopeCode,
    base,
    ...byCode.map((r) => r.code),
    ...rows.slice(0, REGISTER_CAP).map((r) => r.e.jurisdictionCode),
  ]);
  return {
    numbers,
    targets,
    targetMet: targetsMet(targets),
    base: { code: base, name: names.get(base) ?? base },
    byJurisdiction: byCode.map((r) => ({ code: r.code, name: names.get(r.code) ?? r.code, ...r.numbers })),
    rows: rows.slice(0, REGISTER_CAP),
    truncated: rows.length > REGISTER_CAP,
    names,
  };
}
