// Commands on rights cards (权益保障卡), each one transaction with one audit row: issue a card to a
// first-time visitor for the matter registered at the visit (初次走访领卡); check a visit made with
// a card (逐级走访凭卡: 越级 or not, recorded for the 越级上访率); and record that the written guidance
// notice was issued for a 越级 visit (the .docx is rendered by the route).
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseEvents, caseParties, cases, rightsCards, rightsCardVisits, units, users } from '../db/schema.ts';
import { cardNumber, matterLevel, normaliseCardNo, visitVerdict } from '../domain/cards/levels.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { levelOf } from '../domain/jurisdictions.ts';
import { RECEPTION_EVENTS } from '../domain/receptions/timeline.ts';
import { zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, cardPolicy } from '../policies/receptions.ts';
import { entriesFromTimeline } from './entries.ts';

export const IssueBody = z
  .object({
    caseId: zId('信访事项').optional(),
    caseNumber: z
      .string()
      .regex(/^\d{16,19}$/, '信访件编号格式不正确')
      .optional(),
  })
  .refine((b) => b.caseId !== undefined || b.caseNumber !== undefined, {
    message: '请填写信访件编号',
    path: ['caseNumber'],
  });

export const CheckBody = z.object({
  cardNo: zText({ label: '权益保障卡号', max: 200, min: 1 }).meta({
    description: '输入或扫码所得的卡号（或二维码网址）',
  }),
  caseId: zId('本次来访登记的信访事项').optional(),
});

const NOT_ISSUED_STATES = ['not_accepted', 'refused_again'];

function audit(w: Work, actor: Actor, action: string, entity: string, id: number, summary: object) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `card.${action}`,
    entity,
    entityId: id,
    summary: summary as Record<string, unknown>,
  });
}

/** 发卡: a registrar of the bureau that registered a first visit issues the numbered card. */
export async function issueCard(
  ctx: AppContext,
  actor: Actor,
  ref: z.infer<typeof IssueBody>,
): Promise<number> {
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx
      .select()
      .from(cases)
      .where(ref.caseId !== undefined ? eq(cases.id, ref.caseId) : eq(cases.caseNumber, ref.caseNumber ?? ''))
      .for('update');
    if (!c) throw badRequest('card_case_unknown', '未找到该信访事项，请核对信访件编号', 'caseNumber');
    const caseId = c.id;
    ensureReadable(casePolicy.read(actor, c));
    ensureAllowed(cardPolicy.issue(actor, c.registeringUnitId), '只有登记该来访的信访部门登记员可以发卡');
    if (c.form !== 'visit') throw conflict('card_visit_only', '权益保障卡只发给来访的信访人');
    if (!c.firstTime) throw conflict('card_first_visit_only', '权益保障卡在初次走访时发放');
    if (c.anonymous || NOT_ISSUED_STATES.includes(c.state))
      throw conflict('card_not_issuable', '该事项不予受理或为匿名信访，不发放权益保障卡');
    const [existing] = await w.tx
      .select({ no: rightsCards.cardNo })
      .from(rightsCards)
      .where(eq(rightsCards.caseId, caseId));
    if (existing) throw conflict('card_exists', `该事项已发放权益保障卡（${existing.no}）`);
    const [unit] = await w.tx.select().from(units).where(eq(units.id, c.registeringUnitId)).for('update');
    if (!unit) throw notFound();
    const [party] = await w.tx
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'petitioner')))
      .limit(1);
    if (!party) throw conflict('card_no_petitioner', '该事项没有登记信访人');
    let holderUserId = c.petitionerUserId;
    if (holderUserId === null && party.phoneHash) {
      const [u] = await w.tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.phoneHash, party.phoneHash), eq(users.role, 'citizen')));
      holderUserId = u?.id ?? null;
    }
    const now = new Date();
    const year = Number(shanghaiDate(now).slice(0, 4));
    const [m] = await w.tx
      .select({ seq: max(rightsCards.seq) })
      .from(rightsCards)
      .where(and(eq(rightsCards.unitId, unit.id), eq(rightsCards.year, year)));
    const seq = Number(m?.seq ?? 0) + 1;
    const no = cardNumber(unit.jurisdictionCode, year, seq);
    const [row] = await w.tx
      .insert(rightsCards)
      .values({
        cardNo: no,
        year,
        seq,
        caseId,
        unitId: unit.id,
        jurisdictionCode: unit.jurisdictionCode,
        level: levelOf(unit.jurisdictionCode),
        holderNameEnc: party.nameEnc,
        holderUserId,
        entries: await entriesFromTimeline(w.tx, c),
        issuedBy: actor.userId,
        issuedAt: now,
      })
      .returning({ id: rightsCards.id });
    if (!row) throw new Error('insert returned nothing');
    await w.tx.insert(caseEvents).values({
      caseId,
      at: now,
      action: RECEPTION_EVENTS.card_issued.event,
      actorUserId: actor.userId,
      actorRole: actor.role,
      actorUnitId: actor.unitId,
      detail: { cardNo: no, unit: unit.name },
      public: false,
    });
    audit(w, actor, 'issue', 'rights_card', row.id, { caseId, cardNo: no });
    return caseId;
  });
}

export type CardRow = typeof rightsCards.$inferSelect;

/**
 * 凭卡走访核验: the card typed or scanned at a visit; the verdict (本级、上一级、越级) from the level the
 * card's matter sits at and the level of the registrar's bureau, recorded for the 越级上访率.
 */
export async function checkVisit(ctx: AppContext, actor: Actor, input: z.infer<typeof CheckBody>) {
  ensureAllowed(cardPolicy.checkVisit(actor), '只有信访部门的登记员可以核验权益保障卡');
  const no = normaliseCardNo(input.cardNo);
  return runCommand(ctx, async (w) => {
    const [card] = await w.tx.select().from(rightsCards).where(eq(rightsCards.cardNo, no));
    if (!card) throw badRequest('card_unknown', '未找到该权益保障卡，请核对卡号', 'cardNo');
    if (input.caseId !== undefined) {
      const [c] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
      if (!c || !casePolicy.read(actor, c))
        throw badRequest('card_case_unknown', '本次来访登记的信访事项不存在或不在本辖区', 'caseId');
    }
    const [unit] = await w.tx
      .select()
      .from(units)
      .where(eq(units.id, actor.unitId as number));
    if (!unit) throw notFound();
    const visitLevel = levelOf(unit.jurisdictionCode);
    const sits = matterLevel(card.level, card.entries);
    const v = visitVerdict(sits, visitLevel);
    const now = new Date();
    const [row] = await w.tx
      .insert(rightsCardVisits)
      .values({
        cardId: card.id,
        unitId: unit.id,
        jurisdictionCode: unit.jurisdictionCode,
        visitLevel,
        matterLevel: sits,
        verdict: v.verdict,
        skipped: v.skipped,
        caseId: input.caseId ?? null,
        checkedBy: actor.userId,
        checkedAt: now,
      })
      .returning({ id: rightsCardVisits.id });
    if (!row) throw new Error('insert returned nothing');
    audit(w, actor, 'check_visit', 'rights_card', card.id, {
      visitId: row.id,
      verdict: v.verdict,
      caseId: input.caseId,
    });
    return { visitId: row.id, card, visitLevel, matterLevel: sits, ...v };
  });
}

/** 引导告知: records that the guidance notice was issued for a 越级 visit (first download). */
export async function markGuidance(ctx: AppContext, actor: Actor, visitId: number) {
  return runCommand(ctx, async (w) => {
    const [v] = await w.tx
      .select()
      .from(rightsCardVisits)
      .where(eq(rightsCardVisits.id, visitId))
      .for('update');
    if (!v || v.unitId !== actor.unitId || !cardPolicy.checkVisit(actor)) throw notFound();
    if (!v.skipped) throw conflict('card_not_skipped', '本次走访未越级，无需出具引导告知书');
    const [card] = await w.tx.select().from(rightsCards).where(eq(rightsCards.id, v.cardId));
    if (!card) throw notFound();
    if (!v.guidanceAt) {
      await w.tx
        .update(rightsCardVisits)
        .set({ guidanceAt: new Date() })
        .where(eq(rightsCardVisits.id, visitId));
      audit(w, actor, 'guidance', 'rights_card', card.id, { visitId });
    }
    return { visit: { ...v, guidanceAt: v.guidanceAt ?? new Date() }, card };
  });
}
