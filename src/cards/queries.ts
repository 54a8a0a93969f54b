// Reading rights cards: one card by number (with its matter), its visits, lists in scope, a
// citizen's own cards, and the 越级上访率 of a jurisdiction's subtree over a period.
import { and, asc, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { cases, rightsCards, rightsCardVisits, units, users } from '../db/schema.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import type { Actor } from '../policies/actor.ts';
import { cardScope, checkedVisitScope } from '../policies/receptions.ts';
import { type CardView, type CheckedVisitView, rates, type VisitView } from './presenters.ts';

const columns = {
  id: rightsCards.id,
  cardNo: rightsCards.cardNo,
  unit: units.name,
  level: rightsCards.level,
  issuedAt: rightsCards.issuedAt,
  entries: rightsCards.entries,
  holderNameEnc: rightsCards.holderNameEnc,
  holderUserId: rightsCards.holderUserId,
  jurisdictionCode: rightsCards.jurisdictionCode,
  caseId: rightsCards.caseId,
  caseNumber: cases.caseNumber,
  subject: cases.subject,
  state: cases.state,
};

export type CardFound = CardView & { holderUserId: number | null; jurisdictionCode: string };

/** Cards with the holder's name decrypted (the presenter masks it by cardPolicy.holderNameInFull). */
async function cards(
  ctx: Pick<AppContext, 'db' | 'pii'>,
  where: SQL | undefined,
  limit = 200,
): Promise<CardFound[]> {
  const rows = await ctx.db
    .select(columns)
    .from(rightsCards)
    .innerJoin(units, eq(units.id, rightsCards.unitId))
    .innerJoin(cases, eq(cases.id, rightsCards.caseId))
    .where(where)
    .orderBy(desc(rightsCards.issuedAt), desc(rightsCards.id))
    .limit(limit);
  return rows.map(({ holderNameEnc, ...c }) => ({ ...c, holderName: ctx.pii.decrypt(holderNameEnc) }));
}

export async function cardByNo(
  ctx: Pick<AppContext, 'db' | 'pii'>,
  cardNo: string,
): Promise<CardFound | undefined> {
  const [c] = await cards(ctx, eq(rightsCards.cardNo, cardNo), 1);
  return c;
}

export async function cardByCase(
  ctx: Pick<AppContext, 'db' | 'pii'>,
  caseId: number,
): Promise<CardFound | undefined> {
  const [c] = await cards(ctx, eq(rightsCards.caseId, caseId), 1);
  return c;
}

export function listCards(ctx: Pick<AppContext, 'db' | 'pii'>, actor: Actor, q?: string) {
  const where = [cardScope(actor)];
  if (q) where.push(like(rightsCards.cardNo, `%${q.toUpperCase().replace(/[%_\\]/g, '')}%`));
  return cards(ctx, and(...where));
}

export function visitsOf(db: Executor, cardId: number): Promise<VisitView[]> {
  return db
    .select({
      id: rightsCardVisits.id,
      checkedAt: rightsCardVisits.checkedAt,
      unit: units.name,
      verdict: rightsCardVisits.verdict,
      skipped: rightsCardVisits.skipped,
      guidanceAt: rightsCardVisits.guidanceAt,
    })
    .from(rightsCardVisits)
    .innerJoin(units, eq(units.id, rightsCardVisits.unitId))
    .where(eq(rightsCardVisits.cardId, cardId))
    .orderBy(asc(rightsCardVisits.id));
}

/** The visits checked at the caller's bureau (凭卡核验记录), newest first, the holder's name decrypted. */
export async function checkedVisits(
  ctx: Pick<AppContext, 'db' | 'pii'>,
  actor: Actor,
  limit: number,
): Promise<CheckedVisitView[]> {
  const rows = await ctx.db
    .select({
      id: rightsCardVisits.id,
      checkedAt: rightsCardVisits.checkedAt,
      verdict: rightsCardVisits.verdict,
      skipped: rightsCardVisits.skipped,
      matterLevel: rightsCardVisits.matterLevel,
      guidanceAt: rightsCardVisits.guidanceAt,
      checkedBy: users.displayName,
      cardNo: rightsCards.cardNo,
      holderNameEnc: rightsCards.holderNameEnc,
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
    })
    .from(rightsCardVisits)
    .innerJoin(rightsCards, eq(rightsCards.id, rightsCardVisits.cardId))
    .innerJoin(cases, eq(cases.id, rightsCards.caseId))
    .innerJoin(users, eq(users.id, rightsCardVisits.checkedBy))
    .where(checkedVisitScope(actor))
    .orderBy(desc(rightsCardVisits.checkedAt), desc(rightsCardVisits.id))
    .limit(limit);
  return rows.map(({ holderNameEnc, ...v }) => ({ ...v, holderName: ctx.pii.decrypt(holderNameEnc) }));
}

/**
 * 越级上访率 of the cards issued in a jurisdiction's subtree: cards issued from `from` to `to`, and
 * the visits made with the subtree's cards in that period (wherever they were made), 越级 among them.
 */
export async function cardRates(ctx: Pick<AppContext, 'db'>, jurisdiction: string, from: string, to: string) {
  const within = `${prefixOf(jurisdiction)}%`;
  const start = sql`(${from}::date)::timestamp at time zone 'Asia/Shanghai'`;
  const end = sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  const [issued] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(rightsCards)
    .where(
      and(
        like(rightsCards.jurisdictionCode, within),
        gte(rightsCards.issuedAt, start),
        lt(rightsCards.issuedAt, end),
      ),
    );
  const [visits] = await ctx.db
    .select({
      n: sql<number>`count(*)::int`,
      skipped: sql<number>`count(*) filter (where ${rightsCardVisits.skipped})::int`,
    })
    .from(rightsCardVisits)
    .innerJoin(rightsCards, eq(rightsCards.id, rightsCardVisits.cardId))
    .where(
      and(
        like(rightsCards.jurisdictionCode, within),
        gte(rightsCardVisits.checkedAt, start),
        lt(rightsCardVisits.checkedAt, end),
      ),
    );
  return rates(Number(issued?.n ?? 0), Number(visits?.n ?? 0), Number(visits?.skipped ?? 0));
}
