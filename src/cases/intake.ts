// Intake (登记): online petitions by citizens and registrations of letters, visits, calls, faxes,
// video sessions and leader's-mailbox letters by registrars. One transaction per registration.
// A repeat petition on a matter still open is linked to it instead of opening a new matter
// (Art 19); a petition repeating a finally closed matter is not accepted again (Art 36).
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/chain.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, caseParties, cases, jurisdictions, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { type CaseForm, type CaseState, isOpen, type Purpose } from '../domain/lifecycle/vocabulary.ts';
import { badRequest, forbidden } from '../errors.ts';
import type { Actor } from '../policies/index.ts';
import { limitsFor } from '../settings/limits.ts';
import { activeDue, type Clocks, startClock } from './clocks.ts';
import { applyFinalRefusal, issueNotices } from './effects.ts';
import { generateQueryCode, nextCaseNumber } from './numbering.ts';

export interface PartyInput {
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

export interface IntakeInput {
  form: CaseForm;
  purpose: Purpose;
  categoryCode?: string;
  subject: string;
  content: string;
  /** 问题属地: where the matter is. */
  jurisdictionCode: string;
  petitioner?: PartyInput;
  representatives?: PartyInput[];
  peopleCount?: number;
  isJoint?: boolean;
  /** The case this petition says it follows up (信访件编号). */
  previousCaseNumber?: string;
  receivedAt?: Date;
}

export interface IntakeResult {
  caseId: number;
  caseNumber: string;
  /** Shown once, for the petitioner (also sent by SMS). Absent when linked to an earlier case. */
  queryCode?: string;
  state: CaseState;
  /** Set when the petition was linked to an open matter instead of opening a new one. */
  linkedTo?: { caseId: number; caseNumber: string };
  repeatOf?: { caseId: number; caseNumber: string; state: string };
}

const normalise = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Which earlier case of the same petitioner this petition repeats, if any (exact matching). */
async function findRepeatOf(
  tx: Executor,
  input: IntakeInput,
  identity: { userId?: number; idHash?: string; phoneHash?: string },
) {
  const who: SQL[] = [];
  if (identity.userId) who.push(eq(cases.petitionerUserId, identity.userId));
  const partyMatch: SQL[] = [];
  if (identity.idHash) partyMatch.push(eq(caseParties.idNumberHash, identity.idHash));
  if (identity.phoneHash) partyMatch.push(eq(caseParties.phoneHash, identity.phoneHash));
  if (partyMatch.length) {
    const rows = await tx
      .select({ caseId: caseParties.caseId })
      .from(caseParties)
      .where(or(...partyMatch));
    if (rows.length)
      who.push(
        inArray(
          cases.id,
          rows.map((r) => r.caseId),
        ),
      );
  }
  if (who.length === 0) return null;
  const mine = await tx
    .select({ id: cases.id, caseNumber: cases.caseNumber, state: cases.state, subject: cases.subject })
    .from(cases)
    .where(or(...who));
  if (input.previousCaseNumber) {
    const ref = mine.find((c) => c.caseNumber === input.previousCaseNumber);
    if (ref) return ref;
  }
  return mine.find((c) => normalise(c.subject) === normalise(input.subject)) ?? null;
}

/** The bureau that registers an online petition: the county-level (or higher) bureau of the place. */
async function bureauForPlace(tx: Executor, placeCode: string) {
  const code = placeCode.length > 6 ? placeCode.slice(0, 6) : placeCode;
  const [u] = await tx
    .select()
    .from(units)
    .where(and(eq(units.jurisdictionCode, code), eq(units.kind, 'bureau')));
  return u;
}

const levelOf = (code: string) =>
  code.length > 6 ? 4 : code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;

export async function registerCase(ctx: AppContext, actor: Actor, input: IntakeInput): Promise<IntakeResult> {
  const isCitizen = actor.role === 'citizen';
  if (!isCitizen && !(actor.role === 'registrar' && actor.unitKind === 'bureau')) {
    throw forbidden('只有信访部门的登记员可以登记信访事项');
  }
  if (isCitizen && input.form !== 'online')
    throw badRequest('invalid_form', '网上信访的形式应为 online', 'form');
  const now = new Date();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt > now) throw badRequest('invalid_received_at', '收到日期不能晚于今天', 'receivedAt');

  const result = await ctx.db.transaction(async (tx) => {
    const [place] = await tx
      .select()
      .from(jurisdictions)
      .where(eq(jurisdictions.code, input.jurisdictionCode));
    if (!place)
      throw badRequest('unknown_jurisdiction', '问题属地不存在，请从行政区划中选择', 'jurisdictionCode');

    // The petitioner: an online citizen's own account and profile, or what the registrar recorded.
    let petitioner = input.petitioner;
    let petitionerUserId: number | null = null;
    if (isCitizen) {
      const [u] = await tx.select().from(users).where(eq(users.id, actor.userId));
      petitionerUserId = actor.userId;
      const dec = (v: string | null | undefined) => (v ? ctx.pii.decrypt(v) : undefined);
      petitioner = {
        name: input.petitioner?.name ?? dec(u?.realNameEnc) ?? actor.displayName,
        idNumber: input.petitioner?.idNumber ?? dec(u?.idNumberEnc),
        phone: dec(u?.phoneEnc),
        address: input.petitioner?.address,
      };
    }
    if (!petitioner) throw badRequest('missing_petitioner', '请填写信访人信息', 'petitioner');

    const registering = isCitizen
      ? await bureauForPlace(tx, place.code)
      : (
          await tx
            .select()
            .from(units)
            .where(eq(units.id, actor.unitId ?? -1))
        )[0];
    if (!registering) throw badRequest('no_bureau', '该属地没有可受理的信访部门', 'jurisdictionCode');

    const limits = await limitsFor(tx, registering.jurisdictionCode);
    const reps = input.representatives ?? [];
    if (reps.length > limits.maxRepresentatives) {
      throw badRequest(
        'too_many_representatives',
        `多人采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过${limits.maxRepresentatives}人`,
        'representatives',
      );
    }
    const peopleCount = Math.max(input.peopleCount ?? 1, 1 + reps.length);
    const idHash = petitioner.idNumber ? ctx.pii.hash(petitioner.idNumber) : undefined;
    const phoneHash = petitioner.phone ? ctx.pii.hash(petitioner.phone) : undefined;

    const earlier = await findRepeatOf(tx, input, {
      userId: petitionerUserId ?? undefined,
      idHash,
      phoneHash,
    });
    if (earlier && isOpen(earlier.state as CaseState)) {
      // 重复信访: link to the open matter; no new matter is opened (Art 19).
      await tx
        .update(cases)
        .set({ repeatCount: sql`${cases.repeatCount} + 1`, updatedAt: now })
        .where(eq(cases.id, earlier.id));
      await tx.insert(caseEvents).values({
        caseId: earlier.id,
        at: now,
        action: 'link_repeat',
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitId: registering.id,
        detail: { form: input.form, receivedAt: receivedAt.toISOString(), registeringUnit: registering.name },
        public: true,
      });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'case.link_repeat',
        entity: 'case',
        entityId: earlier.id,
        summary: { form: input.form },
      });
      return {
        caseId: earlier.id,
        caseNumber: earlier.caseNumber,
        state: earlier.state as CaseState,
        linkedTo: { caseId: earlier.id, caseNumber: earlier.caseNumber },
      };
    }

    const caseNumber = await nextCaseNumber(
      tx,
      registering.jurisdictionCode,
      Number(shanghaiDate(receivedAt).slice(0, 4)),
    );
    const queryCode = generateQueryCode();
    // 越级走访: a visit registered above the level above the place's county-level body.
    const placeLevel = Math.min(levelOf(place.code), 3);
    const skippedLevel = input.form === 'visit' && levelOf(registering.jurisdictionCode) < placeLevel - 1;
    const clocks: Clocks = { acceptance: startClock(limits, 'acceptance', receivedAt) };
    const refuseAgain = earlier?.state === 'final'; // 不再受理 (Art 36)

    const [row] = await tx
      .insert(cases)
      .values({
        caseNumber,
        queryCodeHash: ctx.pii.hash(queryCode),
        jurisdictionCode: place.code,
        registeringUnitId: registering.id,
        bureauUnitId: registering.id,
        currentUnitId: refuseAgain ? null : registering.id,
        petitionerUserId,
        form: input.form,
        purpose: input.purpose,
        categoryCode: input.categoryCode,
        subject: input.subject,
        content: input.content,
        peopleCount,
        isGroup: input.form === 'visit' && peopleCount >= limits.groupVisitSize,
        isJoint: input.isJoint ?? false,
        firstTime: !earlier, // 初信初访: no earlier matter of this petitioner
        skippedLevel,
        repeatCount: earlier ? 1 : 0,
        state: refuseAgain ? 'not_accepted' : 'registered',
        reasonCode: refuseAgain ? 'REREVIEW_DONE_SAME_FACTS' : null,
        clocks: refuseAgain ? {} : clocks,
        dueAt: refuseAgain ? null : activeDue(clocks),
        receivedAt,
        closedAt: refuseAgain ? now : null,
      })
      .returning({ id: cases.id });
    if (!row) throw new Error('case insert returned nothing');
    const parties = [
      { role: 'petitioner', p: petitioner },
      ...reps.map((p) => ({ role: 'representative', p })),
    ];
    await tx.insert(caseParties).values(
      parties.map(({ role, p }) => ({
        caseId: row.id,
        role,
        nameEnc: ctx.pii.encrypt(p.name),
        idNumberEnc: p.idNumber ? ctx.pii.encrypt(p.idNumber) : null,
        idNumberHash: p.idNumber ? ctx.pii.hash(p.idNumber) : null,
        phoneEnc: p.phone ? ctx.pii.encrypt(p.phone) : null,
        phoneHash: p.phone ? ctx.pii.hash(p.phone) : null,
        addressEnc: p.address ? ctx.pii.encrypt(p.address) : null,
      })),
    );
    const [event] = await tx
      .insert(caseEvents)
      .values({
        caseId: row.id,
        at: now,
        action: 'register',
        toState: 'registered',
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitId: registering.id,
        detail: {
          form: input.form,
          registeringUnit: registering.name,
          skippedLevel,
          repeatOf: earlier?.caseNumber,
        },
        public: true,
      })
      .returning({ id: caseEvents.id });
    await issueNotices(ctx, tx, {
      caseId: row.id,
      caseNumber,
      phone: petitioner.phone,
      stage: 'registered',
      values: { queryCode },
      eventId: event?.id,
    });
    if (refuseAgain && earlier) {
      await applyFinalRefusal(ctx, tx, {
        caseId: row.id,
        earlierCaseNumber: earlier.caseNumber,
        actor,
        unit: registering,
      });
    }
    await recordAudit(tx, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'case.register',
      entity: 'case',
      entityId: row.id,
      summary: { caseNumber, form: input.form, jurisdictionCode: place.code, refusedAgain: refuseAgain },
    });
    return {
      caseId: row.id,
      caseNumber,
      queryCode,
      state: (refuseAgain ? 'not_accepted' : 'registered') as CaseState,
      repeatOf: earlier
        ? { caseId: earlier.id, caseNumber: earlier.caseNumber, state: earlier.state }
        : undefined,
    };
  });
  ctx.dispatcher.kick();
  return result;
}
