// Intake (登记): online petitions by citizens and registrations of letters, visits, calls, faxes,
// video sessions and leader's-mailbox letters by registrars. One transaction per registration.
// A repeat petition on a matter still open is linked to it instead of opening a new matter
// (Art 19); a petition repeating a finally closed matter is not accepted again (Art 36).
import { eq } from 'drizzle-orm';
import { runCommand, type Work } from '../commands/command.ts';
import {
  claimIdempotencyKey,
  type IdempotencyClaim,
  rememberIdempotentAnswer,
} from '../commands/idempotency.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, caseParties, cases, users } from '../db/schema.ts';
import type { AccusedInput } from '../domain/accusations.ts';
import { ANONYMOUS_ADDRESSEE, anonymousRefusal } from '../domain/anonymity.ts';
import { isCategoryCode } from '../domain/categories.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import type { CaseFlag } from '../domain/flags.ts';
import { countyOf, levelOf } from '../domain/jurisdictions.ts';
import { activeDue, type Clocks, startClock } from '../domain/lifecycle/clocks.ts';
import { type CaseForm, type CaseState, isOpen, type Purpose } from '../domain/lifecycle/vocabulary.ts';
import { badRequest, forbidden } from '../errors.ts';
import { ensureSubcategoryFits } from '../intake/subcategory.ts';
import { type Actor, casePolicy } from '../policies/index.ts';
import { cachedLimitsFor } from '../settings/limits.ts';
import { applyFinalRefusal } from './effects.ts';
import { generateQueryCode, nextCaseNumber } from './numbering.ts';
import { findRepeatOf, linkRepeat, lockPetitioner } from './repeats.ts';
import { UnitLookup } from './units.ts';

export interface PartyInput {
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  /** 权益保障卡号: the card a visitor shows at a visit (来访) only. */
  rightsCardNo?: string;
}

export interface IntakeInput {
  form: CaseForm;
  purpose: Purpose;
  categoryCode?: string;
  /** 细分类: a live second or third level of the dictionary below `categoryCode` (src/intake/subcategory.ts). */
  subcategoryCode?: string;
  subject: string;
  content: string;
  /** 问题属地: where the matter is. */
  jurisdictionCode: string;
  petitioner?: PartyInput;
  representatives?: PartyInput[];
  peopleCount?: number;
  isJoint?: boolean;
  /** 匿名信访: staff registering a letter or call with no name (src/domain/anonymity.ts). */
  anonymous?: boolean;
  /** 被反映人/被反映单位 of an accusation (recorded by src/accusations on `case.registered`). */
  accused?: AccusedInput[];
  /** National flags given at registration (recorded by src/flags on `case.registered`). */
  flags?: CaseFlag[];
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
  /**
   * For a citizen's follow-up linked to an open matter: what the citizen may do on that matter now
   * (e.g. 申请复核 once it is 已复查), so the page can point to the remedy instead of a new petition.
   */
  nextSteps?: { action: string; label: string }[];
  repeatOf?: { caseId: number; caseNumber: string; state: string };
}

// The repeat lookup (and its SQL, which tests and benches inspect) lives in repeats.ts.
export { repeatLookupSql } from './repeats.ts';

/** The bureau that registers an online petition: the county-level (or higher) bureau of the place. */
function bureauForPlace(lookup: UnitLookup, tx: Executor, placeCode: string) {
  return lookup.bureauOf(tx, countyOf(placeCode));
}

/** Registrations before this date are typing errors, not old letters. */
const EARLIEST_RECEIVED = new Date('2000-01-01T00:00:00+08:00');

/** The law's checks of what was typed, before anything is read or written. */
function checkInput(actor: Actor, input: IntakeInput, now: Date): void {
  if (casePolicy.filesOwn(actor) && input.form !== 'online')
    throw badRequest('invalid_form', '网上信访的形式应为 online', 'form');
  if (input.anonymous) {
    const refusal = anonymousRefusal(actor.role, input.form);
    if (refusal) throw badRequest(refusal.code, refusal.message, 'anonymous');
  }
  if (!casePolicy.filesOwn(actor) && input.receivedAt) {
    if (input.receivedAt > now) throw badRequest('invalid_received_at', '收到日期不能晚于今天', 'receivedAt');
    if (input.receivedAt < EARLIEST_RECEIVED)
      throw badRequest('invalid_received_at', '收到日期不能早于2000年1月1日', 'receivedAt');
  }
  if (
    input.form !== 'visit' &&
    [input.petitioner, ...(input.representatives ?? [])].some((p) => p?.rightsCardNo)
  ) {
    throw badRequest('rights_card_visit_only', '权益保障卡号仅在登记来访时填写', 'rightsCardNo');
  }
  if (input.categoryCode !== undefined && !isCategoryCode(input.categoryCode)) {
    throw badRequest(
      'unknown_category',
      '内容分类（categoryCode）不存在，请从内容分类中选择',
      'categoryCode',
    );
  }
  if (input.subcategoryCode !== undefined && input.categoryCode === undefined)
    throw badRequest('category_first', '选择细分类前请先选择内容分类', 'subcategoryCode');
}

/**
 * The petitioner: for a citizen's own online petition, the verified profile of the account — a name
 * or ID number in the request is ignored, so nobody files in another's name; for a registrar, what
 * was recorded from the letter, call or visit.
 */
async function petitionerOf(ctx: AppContext, tx: Executor, actor: Actor, input: IntakeInput) {
  // Anonymous: nobody to identify; the stored party is only the addressee of the documents on file.
  if (input.anonymous) return { petitioner: { name: ANONYMOUS_ADDRESSEE } as PartyInput, userId: null };
  if (!casePolicy.filesOwn(actor)) return { petitioner: input.petitioner, userId: null };
  const [u] = await tx.select().from(users).where(eq(users.id, actor.userId));
  const dec = (v: string | null | undefined) => (v ? ctx.pii.decrypt(v) : undefined);
  return {
    petitioner: {
      name: dec(u?.realNameEnc) ?? actor.displayName,
      idNumber: dec(u?.idNumberEnc),
      phone: dec(u?.phoneEnc),
      address: input.petitioner?.address,
    },
    userId: actor.userId,
  };
}

/**
 * 登记 (Art 17–19): one command. Who may register, what was typed, where the matter is and which
 * bureau registers it, who the petitioner is; a repeat of an open matter is linked to it (Art 19);
 * otherwise a numbered matter with its acceptance clock, parties and first timeline event — or, when
 * it repeats a finally closed matter, refused again at once (Art 36). Search, duplicates, warnings,
 * notices, rollups and audit react to the published events.
 */
export async function registerCase(
  ctx: AppContext,
  actor: Actor,
  input: IntakeInput,
  opts: { idempotency?: IdempotencyClaim } = {},
): Promise<IntakeResult> {
  if (!casePolicy.register(actor)) throw forbidden('只有信访部门的登记员可以登记信访事项');
  const now = new Date();
  checkInput(actor, input, now);
  // A citizen's petition is received when the server receives it, whatever the request says.
  const receivedAt = casePolicy.filesOwn(actor) ? now : (input.receivedAt ?? now);
  const claim = opts.idempotency;
  // Before the transaction: CPU work (segmentation for search) that need not hold it open.
  const columns = derivedColumns(ctx, input);

  return runCommand(ctx, async (w) => {
    const { tx } = w;
    if (claim) {
      const replay = await claimIdempotencyKey<IntakeResult>(tx, ctx.pii, claim, now);
      if (replay) return replay.replay;
    }
    const result = await register(w, actor, input, { now, receivedAt, columns });
    if (claim) await rememberIdempotentAnswer(tx, ctx.pii, claim, result);
    return result;
  });
}

/**
 * Registration inside another capability's command (a matter arriving from a peer platform or a
 * 12345 work order, src/exchange, src/hotline): the same checks and steps as `registerCase`, in
 * the caller's transaction, so that the caller's own rows and the matter commit together.
 */
export async function registerCaseIn(w: Work, actor: Actor, input: IntakeInput): Promise<IntakeResult> {
  if (!casePolicy.register(actor)) throw forbidden('只有信访部门的登记员可以登记信访事项');
  const now = new Date();
  checkInput(actor, input, now);
  const receivedAt = casePolicy.filesOwn(actor) ? now : (input.receivedAt ?? now);
  return register(w, actor, input, { now, receivedAt, columns: derivedColumns(w.ctx, input) });
}

async function register(
  w: Work,
  actor: Actor,
  input: IntakeInput,
  { now, receivedAt, columns }: { now: Date; receivedAt: Date; columns: Record<string, unknown> },
): Promise<IntakeResult> {
  const { ctx, tx } = w;
  const lookup = new UnitLookup(ctx.db);
  const place = await lookup.jurisdiction(tx, input.jurisdictionCode);
  if (!place)
    throw badRequest('unknown_jurisdiction', '问题属地不存在，请从行政区划中选择', 'jurisdictionCode');
  if (input.categoryCode && input.subcategoryCode)
    await ensureSubcategoryFits(tx, input.categoryCode, input.subcategoryCode);
  const { petitioner, userId } = await petitionerOf(ctx, tx, actor, input);
  if (!petitioner) throw badRequest('missing_petitioner', '请填写信访人信息', 'petitioner');
  const registering = casePolicy.filesOwn(actor)
    ? await bureauForPlace(lookup, tx, place.code)
    : await lookup.unit(tx, actor.unitId ?? -1);
  if (!registering) throw badRequest('no_bureau', '该属地没有可受理的信访部门', 'jurisdictionCode');
  // A department registers what it received itself and holds it (accepts or not, handles, replies);
  // the petition bureau of its jurisdiction stays the bureau in charge (oversight, 代录, closing).
  const bureau =
    registering.kind === 'department' ? await lookup.bureauOf(tx, registering.jurisdictionCode) : registering;
  if (!bureau) throw badRequest('no_bureau', '本单位所在辖区没有信访部门', 'jurisdictionCode');

  const limits = await cachedLimitsFor(ctx.db, tx, registering.jurisdictionCode);
  const reps = input.representatives ?? [];
  if (reps.length > limits.maxRepresentatives) {
    throw badRequest(
      'too_many_representatives',
      `多人采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过${limits.maxRepresentatives}人`,
      'representatives',
    );
  }
  // A citizen's repeats are only that account's own matters: nothing of another account's matter
  // is ever linked or returned. A registrar matches the recorded ID number and phone.
  const identity = userId
    ? { userId }
    : {
        idHash: petitioner.idNumber ? ctx.pii.hash(petitioner.idNumber) : undefined,
        phoneHash: petitioner.phone ? ctx.pii.hash(petitioner.phone) : undefined,
      };
  await lockPetitioner(tx, [
    identity.userId ? `u:${identity.userId}` : undefined,
    identity.idHash && `i:${identity.idHash}`,
    identity.phoneHash && `p:${identity.phoneHash}`,
  ]);
  const earlier = await findRepeatOf(tx, input, identity);
  if (earlier && isOpen(earlier.state as CaseState))
    return linkRepeat(w, earlier, { actor, input, place, registering, receivedAt, at: now });

  const refuseAgain = earlier?.state === 'final'; // 不再受理 (Art 36)
  const peopleCount = Math.max(input.peopleCount ?? 1, 1 + reps.length);
  // 越级走访: a visit registered above the level above the place's county-level body.
  const skippedLevel =
    input.form === 'visit' && levelOf(registering.jurisdictionCode) < Math.min(levelOf(place.code), 3) - 1;
  const clocks: Clocks = { acceptance: startClock(limits, 'acceptance', receivedAt) };
  // Before the first write: a prefix without its sequence yet gives up this attempt (SetUpFirst).
  const caseNumber = await nextCaseNumber(
    ctx.db,
    tx,
    registering.jurisdictionCode,
    Number(shanghaiDate(receivedAt).slice(0, 4)),
  );
  const queryCode = generateQueryCode();
  const [row] = await tx
    .insert(cases)
    .values({
      ...columns,
      caseNumber,
      queryCodeHash: ctx.pii.hash(queryCode),
      jurisdictionCode: place.code,
      registeringUnitId: registering.id,
      bureauUnitId: bureau.id,
      currentUnitId: refuseAgain ? null : registering.id,
      assignedUnitId: registering.kind === 'department' ? registering.id : null,
      petitionerUserId: userId,
      form: input.form,
      purpose: input.purpose,
      categoryCode: input.categoryCode,
      subcategoryCode: input.subcategoryCode ?? null,
      subject: input.subject,
      content: input.content,
      peopleCount,
      isGroup: input.form === 'visit' && peopleCount >= limits.groupVisitSize,
      isJoint: input.isJoint ?? false,
      anonymous: input.anonymous ?? false,
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
    .returning();
  if (!row) throw new Error('case insert returned nothing');
  await tx
    .insert(caseParties)
    .values(
      [{ role: 'petitioner', p: petitioner }, ...reps.map((p) => ({ role: 'representative', p }))].map(
        ({ role, p }) => encryptedParty(ctx, row.id, role, p),
      ),
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
  const refusal =
    refuseAgain && earlier
      ? await applyFinalRefusal(ctx, tx, {
          c: row,
          earlierCaseNumber: earlier.caseNumber,
          actor,
          unit: registering,
        })
      : undefined;
  await w.publish('case.registered', {
    actor,
    case: row,
    input,
    place,
    registering,
    phone: petitioner.phone,
    queryCode,
    repeatOf: earlier ?? undefined,
    refusal,
    eventId: event?.id ?? 0,
    at: now,
  });
  return {
    caseId: row.id,
    caseNumber,
    // An anonymous matter's query code is kept (hashed) but given to nobody (src/domain/anonymity.ts).
    queryCode: row.anonymous ? undefined : queryCode,
    state: row.state as CaseState,
    repeatOf: earlier
      ? { caseId: earlier.id, caseNumber: earlier.caseNumber, state: earlier.state }
      : undefined,
  };
}

/** Columns other capabilities derive from a new case's text (search tokens), before its transaction. */
function derivedColumns(ctx: AppContext, input: IntakeInput) {
  return Object.assign({}, ...ctx.caseExtensions.columns.map((derive) => derive(input)));
}

function encryptedParty(ctx: AppContext, caseId: number, role: string, p: PartyInput) {
  const enc = (v: string | undefined) => (v ? ctx.pii.encrypt(v) : null);
  const hash = (v: string | undefined) => (v ? ctx.pii.hash(v) : null);
  return {
    caseId,
    role,
    nameEnc: ctx.pii.encrypt(p.name),
    idNumberEnc: enc(p.idNumber),
    idNumberHash: hash(p.idNumber),
    phoneEnc: enc(p.phone),
    phoneHash: hash(p.phone),
    addressEnc: enc(p.address),
    rightsCardEnc: enc(p.rightsCardNo),
  };
}
