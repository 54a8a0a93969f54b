// Intake (登记): online petitions by citizens and registrations of letters, visits, calls, faxes,
// video sessions and leader's-mailbox letters by registrars. One transaction per registration.
// A repeat petition on a matter still open is linked to it instead of opening a new matter
// (Art 19); a petition repeating a finally closed matter is not accepted again (Art 36).
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordRegistration, recordRepeatRegistration } from '../analytics/rollup.ts';
import { recordAudit } from '../audit/chain.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, caseParties, cases, users } from '../db/schema.ts';
import { isCategoryCode } from '../domain/categories.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { type CaseForm, type CaseState, isOpen, type Purpose } from '../domain/lifecycle/vocabulary.ts';
import { afterRegistration } from '../duplicates/service.ts';
import { badRequest, forbidden } from '../errors.ts';
import type { Actor } from '../policies/index.ts';
import { caseSearchTokens } from '../search/tokenize.ts';
import { cachedLimitsFor } from '../settings/limits.ts';
import { checkExtremeRisk } from '../warnings/risk.ts';
import { activeDue, type Clocks, startClock } from './clocks.ts';
import { applyFinalRefusal, issueNotices } from './effects.ts';
import { generateQueryCode, nextCaseNumber, numberedTransaction } from './numbering.ts';
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

// The repeat lookup below compares subjects in SQL where that provably gives the same answer as
// `normalise` above, and leaves the rest to JS. "Safe" text has only ASCII, CJK ideographs and
// punctuation, and full-width forms other than letters: in it, JS's \s is exactly ASCII
// whitespace plus U+3000, and `toLowerCase` changes only A–Z, as PostgreSQL's lower() does. Rows
// whose subject has any other character are always returned to be compared in JS.
const SAFE_TEXT =
  /^[\u0001-\u007f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uff20\uff3b-\uff40\uff5b-\uffef]*$/;
const PG_UNSAFE_CHAR =
  '[^\\x01-\\x7f\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uff20\\uff3b-\\uff40\\uff5b-\\uffef]';
const PG_SAFE_SPACE = '[\\t\\n\\v\\f\\r \\u3000]';
const REPEAT_CANDIDATES = 50;

/**
 * Which earlier case of the same petitioner this petition repeats, if any (exact matching): the
 * case it names (previousCaseNumber) if it is theirs, else their earliest case with the same
 * subject (ignoring whitespace and case). One bounded query: only candidate rows come back.
 */
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
    who.push(
      inArray(
        cases.id,
        tx
          .select({ caseId: caseParties.caseId })
          .from(caseParties)
          .where(or(...partyMatch)),
      ),
    );
  }
  if (who.length === 0) return null;
  const subject = normalise(input.subject);
  const candidate: SQL[] = SAFE_TEXT.test(subject)
    ? [
        sql`lower(regexp_replace(${cases.subject}, ${PG_SAFE_SPACE}, '', 'g')) = ${subject}`,
        sql`${cases.subject} ~ ${PG_UNSAFE_CHAR}`,
      ]
    : [sql`true`];
  const prev = input.previousCaseNumber;
  if (prev) candidate.push(eq(cases.caseNumber, prev));
  const pick = (rows: { id: number; caseNumber: string; state: string; subject: string }[]) =>
    (prev ? rows.find((c) => c.caseNumber === prev) : undefined) ??
    rows.find((c) => normalise(c.subject) === subject);
  const query = (limit?: number) => {
    const q = tx
      .select({ id: cases.id, caseNumber: cases.caseNumber, state: cases.state, subject: cases.subject })
      .from(cases)
      .where(and(or(...who), or(...candidate)))
      .orderBy(prev ? sql`(${cases.caseNumber} = ${prev}) desc, ${cases.id}` : cases.id);
    return limit ? q.limit(limit) : q;
  };
  const first = await query(REPEAT_CANDIDATES);
  const found = pick(first);
  if (found || first.length < REPEAT_CANDIDATES) return found ?? null;
  // Only when 50 rows with unusual characters came back without a match: read them all.
  return pick(await query()) ?? null;
}

/** The bureau that registers an online petition: the county-level (or higher) bureau of the place. */
function bureauForPlace(lookup: UnitLookup, tx: Executor, placeCode: string) {
  return lookup.bureauOf(tx, placeCode.length > 6 ? placeCode.slice(0, 6) : placeCode);
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

  // Segmented before the transaction: CPU work that need not hold it open.
  const searchTokens = caseSearchTokens(input.subject, input.content);
  // A transaction run again once if the case number's sequence had to be created first.
  const result = await numberedTransaction(ctx.db, async (tx) => {
    const lookup = new UnitLookup(ctx.db);
    const place = await lookup.jurisdiction(tx, input.jurisdictionCode);
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
      ? await bureauForPlace(lookup, tx, place.code)
      : await lookup.unit(tx, actor.unitId ?? -1);
    if (!registering) throw badRequest('no_bureau', '该属地没有可受理的信访部门', 'jurisdictionCode');

    const limits = await cachedLimitsFor(ctx.db, tx, registering.jurisdictionCode);
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
      const [earlierRow] = await tx
        .update(cases)
        .set({ repeatCount: sql`${cases.repeatCount} + 1`, updatedAt: now })
        .where(eq(cases.id, earlier.id))
        .returning();
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
      // 极端风险: the repeat's own words are checked too (src/warnings/risk.ts).
      await checkExtremeRisk(ctx, tx, {
        caseId: earlier.id,
        caseNumber: earlier.caseNumber,
        jurisdictionCode: place.code,
        placeName: place.fullName.replace(/^江苏省/, ''),
        subject: input.subject,
        content: input.content,
        occasion: `link:${now.getTime()}`,
      });
      // Rollups (a shard of their own, src/analytics/rollup.ts) and the unsealed audit row last.
      if (earlierRow) {
        await recordRepeatRegistration(tx, earlierRow, {
          receivedAt,
          form: input.form,
          unitId: registering.id,
        });
      }
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

    // Before the first write: a missing sequence gives up this attempt (numberedTransaction).
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
        searchTokens,
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
      .returning();
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
        rightsCardEnc: p.rightsCardNo ? ctx.pii.encrypt(p.rightsCardNo) : null,
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
    // Content signature, repeat link and 联名/群体 check (src/duplicates), in this transaction.
    await afterRegistration(
      ctx,
      tx,
      {
        id: row.id,
        caseNumber,
        subject: input.subject,
        content: input.content,
        jurisdictionCode: place.code,
        receivedAt,
      },
      earlier ?? undefined,
    );
    // 极端风险: warning and supervisor SMS in this transaction (src/warnings/risk.ts).
    await checkExtremeRisk(ctx, tx, {
      caseId: row.id,
      caseNumber,
      jurisdictionCode: place.code,
      placeName: place.fullName.replace(/^江苏省/, ''),
      subject: input.subject,
      content: input.content,
      occasion: 'register',
    });
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
    // Rollups (a shard of their own, src/analytics/rollup.ts) and the unsealed audit row last.
    await recordRegistration(tx, row);
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
