// 领导接访 and 权益保障卡: who may do what (rule tables), and which rows each caller sees.
//   - the calendar is public (portal, no login): times, places, leaders, topics, seats left;
//   - plan or cancel a reception: registrars, supervisors and leaders of a petition bureau whose
//     subtree holds the calendar's jurisdiction;
//   - book: a citizen for themself (portal), a bureau registrar for a visitor (代约), in scope;
//   - record a held reception (接访记录): registrars, supervisors and leaders of the bureau in scope;
//   - read bookings and records, indicators: petition-bureau staff in scope;
//   - rights cards: a bureau registrar issues one at the bureau's visit, and checks a visit with a
//     card (越级), and lists the checks made at their own counter; bureau staff in scope read cards and
//     the 越级 rate; the holder reads their own.
import { eq, like, type SQL, sql } from 'drizzle-orm';
import { receptionSlots, rightsCards, rightsCardVisits } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import { type Actor, inSubtree } from './actor.ts';

export type { Actor } from './actor.ts';

const PLANNERS: readonly Role[] = ['registrar', 'supervisor', 'leader'];
const READERS: readonly Role[] = [
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
];
const BOOKERS: readonly Role[] = ['registrar'];
const CARD_ISSUERS: readonly Role[] = ['registrar'];

export type ReceptionAction = 'plan' | 'cancel_slot' | 'book_for' | 'record' | 'read' | 'count';

/** The rule table: the roles of a petition bureau in scope that may take each action. */
export const RECEPTION_RULES: Record<ReceptionAction, readonly Role[]> = {
  plan: PLANNERS,
  cancel_slot: PLANNERS,
  book_for: BOOKERS,
  record: PLANNERS,
  read: READERS,
  count: READERS,
};

const bureauInScope = (a: Actor, code: string) => a.unitKind === 'bureau' && inSubtree(a, code);

/** Who sees a booking's name and phone in full: the registrars who call the visitor, and the citizen. */
const BOOKING_FULL_VIEW: readonly Role[] = ['registrar', 'citizen'];

export const receptionPolicy = {
  /** A booking's name and phone in full (others see them masked). */
  viewBookingInFull: (a: Actor): boolean => BOOKING_FULL_VIEW.includes(a.role),
  /** May open the receptions area (console) at all? */
  use: (a: Actor): boolean => READERS.includes(a.role) && a.unitKind === 'bureau' && a.scopePrefix !== null,
  /** A staff action on the calendar of `jurisdictionCode`. */
  act: (a: Actor, action: ReceptionAction, jurisdictionCode: string): boolean =>
    RECEPTION_RULES[action].includes(a.role) && bureauInScope(a, jurisdictionCode),
  /** A citizen books for themself on the portal. */
  bookOwn: (a: Actor): boolean => a.role === 'citizen' && a.queryCodeCaseId === undefined,
  /** A citizen books for themself (the portal); staff book for a visitor (代约, the console). */
  booksForThemself: (a: Actor): boolean => a.role === 'citizen',
  /** The citizen's own booking. */
  ownBooking: (a: Actor, b: { petitionerUserId: number | null }): boolean =>
    a.role === 'citizen' && b.petitionerUserId === a.userId,
  /** Cancel a booking: its citizen, or bureau bookers and planners in scope. */
  cancelBooking: (a: Actor, b: { petitionerUserId: number | null }, jurisdictionCode: string): boolean =>
    a.role === 'citizen'
      ? a.queryCodeCaseId === undefined && b.petitionerUserId === a.userId
      : [...BOOKERS, ...PLANNERS].includes(a.role) && bureauInScope(a, jurisdictionCode),
};

/** WHERE condition restricting `reception_slots` to the calendars a staff caller reads. */
export function receptionScope(a: Actor): SQL {
  if (!receptionPolicy.use(a) || a.scopePrefix === null) return sql`false`;
  return like(receptionSlots.jurisdictionCode, `${a.scopePrefix}%`);
}

export const cardPolicy = {
  /** 发卡: a registrar of the petition bureau that registered the visit. */
  issue: (a: Actor, registeringUnitId: number): boolean =>
    CARD_ISSUERS.includes(a.role) && a.unitKind === 'bureau' && a.unitId === registeringUnitId,
  /** 凭卡走访核验: a registrar of any petition bureau (the visitor may come from anywhere). */
  checkVisit: (a: Actor): boolean => CARD_ISSUERS.includes(a.role) && a.unitKind === 'bureau',
  /** The full card: its holder, bureau staff whose subtree holds the card's place. */
  read: (a: Actor, c: { jurisdictionCode: string; holderUserId: number | null }): boolean =>
    a.role === 'citizen'
      ? a.queryCodeCaseId === undefined && c.holderUserId === a.userId
      : READERS.includes(a.role) && bureauInScope(a, c.jurisdictionCode),
  /** The card through a visit checked by the caller's bureau (the registrar who saw it at the counter). */
  readChecked: (a: Actor): boolean => cardPolicy.checkVisit(a),
  /** 核验记录: the visits checked at the caller's own bureau — its registrars' counter. */
  listChecked: (a: Actor): boolean => cardPolicy.checkVisit(a),
  /** 越级上访率 and card counts of a scope. */
  count: (a: Actor, code: string): boolean => READERS.includes(a.role) && bureauInScope(a, code),
  /** Lists of cards: bureau staff. */
  list: (a: Actor): boolean => READERS.includes(a.role) && a.unitKind === 'bureau' && a.scopePrefix !== null,
  /** 我的权益保障卡: a citizen signed in to their own account (not with a query code). */
  listOwn: (a: Actor): boolean => a.role === 'citizen' && a.queryCodeCaseId === undefined,
  /** The holder's name unmasked on the card: the holder, and the registrar at the counter who checks it. */
  holderNameInFull: (a: Actor): boolean => a.role === 'citizen' || a.role === 'registrar',
  /**
   * A scanned card's QR code shows the full card to bureau staff who may read it; everyone else —
   * the holder included, who has 我的权益保障卡 for that — sees what the public query shows.
   */
  scanInFull: (a: Actor | undefined, c: { jurisdictionCode: string; holderUserId: number | null }): boolean =>
    a !== undefined && a.role !== 'citizen' && cardPolicy.read(a, c),
};

/** WHERE condition restricting `rights_cards` to what a caller lists. */
export function cardScope(a: Actor): SQL {
  if (a.role === 'citizen')
    return a.queryCodeCaseId === undefined ? sql`${rightsCards.holderUserId} = ${a.userId}` : sql`false`;
  if (!cardPolicy.list(a) || a.scopePrefix === null) return sql`false`;
  return like(rightsCards.jurisdictionCode, `${a.scopePrefix}%`);
}

/** WHERE condition restricting `rights_card_visits` to the checks a caller lists: their bureau's own. */
export function checkedVisitScope(a: Actor): SQL {
  if (!cardPolicy.listChecked(a) || a.unitId === null) return sql`false`;
  return eq(rightsCardVisits.unitId, a.unitId);
}
