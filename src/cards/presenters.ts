// A rights card as its holder and staff read it (full), and as a public scan of its QR code shows it
// (what the public progress query shows: steps, dates, units, state — no name, no matter text).
// Pure: the holder's name arrives decrypted from queries.ts.
import type { z } from 'zod';
import {
  CARD_STAGE_NAMES,
  type CardEntry,
  matterLevel,
  skipRate,
  VERDICT_NAMES,
  type VisitVerdict,
} from '../domain/cards/levels.ts';
import type { CaseState } from '../domain/lifecycle/vocabulary.ts';
import { STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { maskName } from '../domain/masking.ts';
import { LEVEL_NAMES } from '../domain/receptions/kinds.ts';
import type { Actor } from '../policies/actor.ts';
import { cardPolicy } from '../policies/receptions.ts';
import type { CheckedVisit, FullCard, PublicCard } from './contract.ts';

export { CardRates, Entry, FullCard, PublicCard } from './contract.ts';

export interface CardView {
  id: number;
  cardNo: string;
  unit: string;
  level: number;
  issuedAt: Date;
  entries: CardEntry[];
  holderName: string;
  caseId: number;
  caseNumber: string;
  subject: string;
  state: string;
}

export function presentPublic(c: CardView): z.infer<typeof PublicCard> {
  const entries = c.entries;
  const sits = matterLevel(c.level, entries);
  return {
    cardNo: c.cardNo,
    unit: c.unit,
    level: c.level,
    levelName: LEVEL_NAMES[c.level] ?? '',
    issuedAt: c.issuedAt.toISOString(),
    stateName: STATE_NAMES[c.state as CaseState] ?? c.state,
    matterLevel: sits,
    matterLevelName: LEVEL_NAMES[sits] ?? '',
    entries: entries.map((e) => ({
      stage: e.stage,
      stageName: CARD_STAGE_NAMES[e.stage],
      at: e.at,
      unit: e.unit,
      level: e.level,
      levelName: LEVEL_NAMES[e.level] ?? '',
    })),
  };
}

export interface VisitView {
  id: number;
  checkedAt: Date;
  unit: string;
  verdict: string;
  skipped: boolean;
  guidanceAt: Date | null;
}

/** The holder's name as this caller reads it: registrars (at the counter) and the holder in full. */
const holderAs = (actor: Actor, name: string) => (cardPolicy.holderNameInFull(actor) ? name : maskName(name));

const verdictName = (verdict: string) => VERDICT_NAMES[verdict as VisitVerdict] ?? verdict;

/** The full card: registrars (who verify identity at the counter) and the holder see the name in full. */
export function presentFull(
  actor: Actor,
  c: CardView,
  visits: VisitView[],
  qrUrl: string,
): z.infer<typeof FullCard> {
  return {
    ...presentPublic(c),
    id: c.id,
    holder: holderAs(actor, c.holderName),
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    subject: c.subject,
    visits: visits.map((v) => ({
      id: v.id,
      at: v.checkedAt.toISOString(),
      unit: v.unit,
      verdict: v.verdict,
      verdictName: verdictName(v.verdict),
      skipped: v.skipped,
      guidanceIssued: v.guidanceAt !== null,
    })),
    qrUrl,
  };
}

export interface CheckedVisitView {
  id: number;
  checkedAt: Date;
  verdict: string;
  skipped: boolean;
  matterLevel: number;
  guidanceAt: Date | null;
  checkedBy: string;
  cardNo: string;
  holderName: string;
  caseId: number;
  caseNumber: string;
  subject: string;
}

/** One row of 核验记录: the holder's name as the card shows it to this caller. */
export function presentCheckedVisit(actor: Actor, v: CheckedVisitView): CheckedVisit {
  return {
    id: v.id,
    at: v.checkedAt.toISOString(),
    cardNo: v.cardNo,
    holder: holderAs(actor, v.holderName),
    caseId: v.caseId,
    caseNumber: v.caseNumber,
    subject: v.subject,
    verdict: v.verdict,
    verdictName: verdictName(v.verdict),
    skipped: v.skipped,
    rightLevelName: LEVEL_NAMES[v.matterLevel] ?? '',
    guidanceIssued: v.guidanceAt !== null,
    checkedBy: v.checkedBy,
  };
}

export const rates = (issued: number, visits: number, skipped: number) => ({
  issued,
  visitsWithCard: visits,
  skipped,
  skipRate: skipRate(visits, skipped),
});
