// The demo citizen's own matters (演示信访人 张三, 13900000001), so the portal's 我的信访 and 权益卡
// have content on first start. Rather than a fresh history written "today", a few of 鼓楼区's
// synthetic matters — whose timelines, clocks and due dates the simulation already wrote (sim.ts) —
// become the citizen's: one waiting for acceptance, one being handled, one replied and delivered with
// the evaluation still open, one rated and closed, and the first visit that got a rights card with its
// handling written on it (src/seed/receptions.ts issues the cards). The matters' petitioner
// becomes the citizen (account link, encrypted name, phone and ID number with their hashes, which the
// duplicate and search look-ups read), and the citizen's account gets the ID number (实名信息), so
// 我要信访 opens its form directly. Does nothing when the citizen already has matters.
import { and, asc, desc, eq, isNotNull, isNull, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseParties, cases, rightsCards, users } from '../db/schema.ts';
import { idNumberCheckDigit } from '../domain/validation/idNumber.ts';
import type { Pii } from '../security/pii.ts';
import { DEMO_CITIZEN } from './demo.ts';
import { DEMO_COUNTY } from './demoCases.ts';

/** A 鼓楼区 resident born 1985-06-12 (the check digit computed, GB 11643). */
const FIRST17 = '32010619850612004';
export const DEMO_CITIZEN_ID_NUMBER = FIRST17 + idNumberCheckDigit(FIRST17);

/** The states the citizen's matters are picked in, each with what the portal shows for it. */
const PICKS: readonly { what: string; where: SQL | undefined }[] = [
  { what: '待受理 (online)', where: and(eq(cases.state, 'registered'), eq(cases.form, 'online')) },
  { what: '办理中', where: eq(cases.state, 'handling') },
  { what: '已送达、待评价', where: and(eq(cases.state, 'delivered'), eq(cases.evaluationStatus, 'pending')) },
  { what: '已评价、已办结', where: and(eq(cases.state, 'closed'), isNotNull(cases.bureauRating)) },
];

/** Makes the matters the citizen's; returns how many (0 when done before or nothing fits). */
export async function seedDemoCitizen(db: Db, pii: Pii): Promise<number> {
  const [citizen] = await db
    .select({ id: users.id, idNumberHash: users.idNumberHash })
    .from(users)
    .where(and(eq(users.role, 'citizen'), eq(users.phoneHash, pii.hash(DEMO_CITIZEN.phone))));
  if (!citizen) return 0;
  const [mine] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.petitionerUserId, citizen.id))
    .limit(1);
  if (mine) return 0;
  const free = and(
    like(cases.jurisdictionCode, `${DEMO_COUNTY}%`),
    eq(cases.anonymous, false),
    isNull(cases.petitionerUserId),
  );
  const ids: number[] = [];
  for (const p of PICKS) {
    // The most recent matter in that state: its dates read like this citizen's own last months.
    const [c] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(free, p.where))
      .orderBy(desc(cases.receivedAt))
      .limit(1);
    if (c) ids.push(c.id);
  }
  // The first card issued at 鼓楼区 with the matter's handling written on it: a visit that was not
  // accepted has an empty card, and which visit that is moves with the day the demo is seeded.
  const [card] = await db
    .select({ id: rightsCards.id, caseId: rightsCards.caseId })
    .from(rightsCards)
    .where(
      and(eq(rightsCards.jurisdictionCode, DEMO_COUNTY), sql`jsonb_array_length(${rightsCards.entries}) > 0`),
    )
    .orderBy(asc(rightsCards.id))
    .limit(1);
  if (card && !ids.includes(card.caseId)) ids.push(card.caseId);
  if (ids.length === 0) return 0;

  const name = pii.encrypt(DEMO_CITIZEN.name);
  const party = {
    nameEnc: name,
    phoneEnc: pii.encrypt(DEMO_CITIZEN.phone),
    phoneHash: pii.hash(DEMO_CITIZEN.phone),
    idNumberEnc: pii.encrypt(DEMO_CITIZEN_ID_NUMBER),
    idNumberHash: pii.hash(DEMO_CITIZEN_ID_NUMBER),
  };
  await db.transaction(async (tx) => {
    if (!citizen.idNumberHash)
      await tx
        .update(users)
        .set({ idNumberEnc: party.idNumberEnc, idNumberHash: party.idNumberHash })
        .where(eq(users.id, citizen.id));
    for (const id of ids) {
      await tx.update(cases).set({ petitionerUserId: citizen.id }).where(eq(cases.id, id));
      await tx
        .update(caseParties)
        .set(party)
        .where(and(eq(caseParties.caseId, id), eq(caseParties.role, 'petitioner')));
    }
    if (card)
      await tx
        .update(rightsCards)
        .set({ holderUserId: citizen.id, holderNameEnc: name })
        .where(eq(rightsCards.id, card.id));
  });
  return ids.length;
}
