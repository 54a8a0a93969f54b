// What the rest of the platform calls: the check before saving (POST /cases/similar), the
// `related` list of a case detail, and the intake hook (signature, repeat link, group flag).
import { eq, or, sql } from 'drizzle-orm';
import type { CaseRow } from '../cases/units.ts';
import type { Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseLinks, caseParties, caseSignatures } from '../db/schema.ts';
import { checkIdNumber, checkMobile } from '../domain/validation/index.ts';
import { type Actor, duplicatePolicy } from '../policies/index.ts';
import { findCandidates, type SimilarCase } from './candidates.ts';
import { detectGroup } from './group.ts';
import { signatureOf } from './minhash.ts';
import { duplicateSettingsFor } from './settings.ts';
import { writeSignatures } from './store.ts';

export interface SimilarQuery {
  subject: string;
  content: string;
  jurisdictionCode: string;
  idNumber?: string;
  phone?: string;
  excludeCaseId?: number;
}

/** Candidates for a petition being registered (nothing stored yet). */
export async function similarForPetition(
  ctx: AppContext,
  actor: Actor,
  q: SimilarQuery,
): Promise<SimilarCase[]> {
  const sig = signatureOf(q.subject, q.content, q.jurisdictionCode);
  // A half-typed ID number or phone is ignored, not an error: the form calls this while typing.
  // Roles that may not find cases by them do not get to match on them here either.
  const byPii = duplicatePolicy.matchByPii(actor);
  const id = byPii && q.idNumber ? checkIdNumber(q.idNumber) : undefined;
  const phone = byPii && q.phone ? checkMobile(q.phone) : undefined;
  const settings = await duplicateSettingsFor(ctx.db, ctx.db, q.jurisdictionCode);
  return findCandidates(
    ctx.db,
    actor,
    {
      ...sig,
      jurisdictionCode: q.jurisdictionCode,
      around: new Date(),
      excludeCaseId: q.excludeCaseId,
      idHashes: id?.ok ? [ctx.pii.hash(id.value.idNumber)] : [],
      phoneHashes: phone?.ok ? [ctx.pii.hash(phone.value)] : [],
      userIds: [],
    },
    settings,
  );
}

/** `related` of a stored case: similar cases from its stored signature, the same petitioner's, linked repeats. */
export async function relatedOf(
  ctx: AppContext,
  actor: Actor,
  c: CaseRow,
  /** The case's parties when the caller has already read them (case detail): one query fewer. */
  knownParties?: { role: string; idNumberHash: string | null; phoneHash: string | null }[],
): Promise<SimilarCase[]> {
  if (!duplicatePolicy.seeSimilar(actor)) return [];
  const [[sig], parties, links, settings] = await Promise.all([
    ctx.db
      .select({ minhash: caseSignatures.minhash, bands: caseSignatures.bands })
      .from(caseSignatures)
      .where(eq(caseSignatures.caseId, c.id)),
    knownParties
      ? knownParties
          .filter((p) => p.role === 'petitioner')
          .map((p) => ({ idHash: p.idNumberHash, phoneHash: p.phoneHash }))
      : ctx.db
          .select({ idHash: caseParties.idNumberHash, phoneHash: caseParties.phoneHash })
          .from(caseParties)
          .where(sql`${caseParties.caseId} = ${c.id} and ${caseParties.role} = 'petitioner'`),
    ctx.db
      .select({ a: caseLinks.caseId, b: caseLinks.linkedCaseId })
      .from(caseLinks)
      .where(or(eq(caseLinks.caseId, c.id), eq(caseLinks.linkedCaseId, c.id))),
    duplicateSettingsFor(ctx.db, ctx.db, c.jurisdictionCode),
  ]);
  const present = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
  return findCandidates(
    ctx.db,
    actor,
    {
      minhash: sig?.minhash ?? [],
      bands: sig?.bands ?? [],
      jurisdictionCode: c.jurisdictionCode,
      around: c.receivedAt,
      excludeCaseId: c.id,
      idHashes: present(parties.map((p) => p.idHash)),
      phoneHashes: present(parties.map((p) => p.phoneHash)),
      userIds: c.petitionerUserId ? [c.petitionerUserId] : [],
      linkedIds: links.map((l) => (l.a === c.id ? l.b : l.a)),
    },
    settings,
  );
}

/**
 * At intake, in the registration's transaction, after the case and its parties are written: the
 * signature, the link to the earlier matter it repeats (if any), and the group check.
 */
export async function afterRegistration(
  w: Work,
  c: {
    id: number;
    caseNumber: string;
    subject: string;
    content: string;
    jurisdictionCode: string;
    receivedAt: Date;
  },
  repeatOf?: { id: number },
): Promise<void> {
  const { ctx, tx } = w;
  const sig = signatureOf(c.subject, c.content, c.jurisdictionCode);
  await writeSignatures(
    tx,
    [{ caseId: c.id, jurisdictionCode: c.jurisdictionCode, receivedAt: c.receivedAt, signature: sig }],
    { fresh: true },
  );
  if (repeatOf) {
    await tx
      .insert(caseLinks)
      .values({ caseId: c.id, linkedCaseId: repeatOf.id, kind: 'repeat' })
      .onConflictDoNothing();
  }
  const settings = await duplicateSettingsFor(ctx.db, tx, c.jurisdictionCode);
  await detectGroup(w, c, sig, settings);
}
