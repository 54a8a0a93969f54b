// Written documents (文书) of a case change, stored in the same transaction with their hash, and the
// petitioner's contact for notices. Nothing here talks to the network.
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { caseDocuments, caseEvents, caseParties } from '../db/schema.ts';
import { type DocumentData, prepareDocument, renderDocument, renderDocumentPdf } from '../documents/index.ts';
import { openDocumentBytes, openDocumentData, sealDocumentData } from '../documents/stored.ts';
import type { DocumentKind } from '../domain/lifecycle/actions.ts';
import { NON_ACCEPTANCE_REASONS } from '../domain/lifecycle/vocabulary.ts';
import type { Actor } from '../policies/index.ts';
import type { Pii } from '../security/pii.ts';
import type { CaseRow, UnitRow } from './units.ts';

/** The petitioner's name and phone (decrypted) for notices; never logged. */
export async function petitionerContact(ctx: AppContext, tx: Executor, caseId: number) {
  const [p] = await tx
    .select({ nameEnc: caseParties.nameEnc, phoneEnc: caseParties.phoneEnc })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'petitioner')))
    .limit(1);
  return {
    name: p ? ctx.pii.decrypt(p.nameEnc) : '信访人',
    phone: p?.phoneEnc ? ctx.pii.decrypt(p.phoneEnc) : undefined,
  };
}

export async function storeDocument(
  tx: Executor,
  pii: Pii,
  d: { caseId: number; eventId?: number; kind: DocumentKind; data: DocumentData },
): Promise<{ id: number; title: string }> {
  const { title, filename } = prepareDocument(d.kind, d.data);
  const data = sealDocumentData(pii, d.data); // the name encrypted (src/documents/stored.ts)
  const [row] = await tx
    .insert(caseDocuments)
    .values({ caseId: d.caseId, eventId: d.eventId, kind: d.kind, title, filename, data })
    .returning({ id: caseDocuments.id });
  return { id: row?.id ?? 0, title };
}

/** The document's bytes: rendered once from its stored data, then kept (encrypted) with their SHA-256. */
export async function documentBytes(
  db: Executor,
  pii: Pii,
  doc: typeof caseDocuments.$inferSelect,
): Promise<{ content: Buffer; sha256: string }> {
  if (doc.content && doc.sha256) return { content: openDocumentBytes(pii, doc.content), sha256: doc.sha256 };
  const rendered = await renderDocument(
    doc.kind as DocumentKind,
    openDocumentData(pii, doc.data as Record<string, unknown>),
  );
  await db
    .update(caseDocuments)
    .set({ content: pii.encryptBytes(rendered.buffer), sha256: rendered.sha256 })
    .where(and(eq(caseDocuments.id, doc.id), isNull(caseDocuments.content)));
  return { content: rendered.buffer, sha256: rendered.sha256 };
}

/** The stored document as PDF (rendered from its data each time; deterministic content). */
export function documentPdf(pii: Pii, doc: typeof caseDocuments.$inferSelect) {
  return renderDocumentPdf(
    doc.kind as DocumentKind,
    openDocumentData(pii, doc.data as Record<string, unknown>),
  );
}

/**
 * A new petition repeating a finally closed matter: 不再受理 at once, with the written notice (Art 36).
 * Returns the refusal's event and SMS values; the notice subscriber sends the SMS.
 */
export async function applyFinalRefusal(
  ctx: AppContext,
  tx: Executor,
  r: { c: CaseRow; earlierCaseNumber: string; actor: Actor; unit: UnitRow },
): Promise<{ eventId: number; values: Record<string, string> }> {
  const { c } = r;
  const reason = NON_ACCEPTANCE_REASONS.REREVIEW_DONE_SAME_FACTS;
  const now = new Date();
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      at: now,
      action: 'not_accept',
      fromState: 'registered',
      toState: 'not_accepted',
      actorUserId: r.actor.userId,
      actorRole: r.actor.role,
      actorUnitId: r.unit.id,
      detail: {
        reasonCode: 'REREVIEW_DONE_SAME_FACTS',
        reason: reason.name,
        earlierCase: r.earlierCaseNumber,
      },
      public: true,
    })
    .returning({ id: caseEvents.id });
  const contact = await petitionerContact(ctx, tx, c.id);
  await storeDocument(tx, ctx.pii, {
    caseId: c.id,
    eventId: event?.id,
    kind: 'non_acceptance_notice',
    data: {
      issuingBody: r.unit.name,
      caseNumber: c.caseNumber,
      issuedAt: now,
      petitionerName: contact.name,
      receivedAt: c.receivedAt,
      subject: c.subject,
      reasonCode: 'REREVIEW_DONE_SAME_FACTS',
      reasonText: `该信访事项已于编号${r.earlierCaseNumber}的事项中经复核终结，${reason.name}。`,
      legalBasis: [reason.basis],
      final: true,
    },
  });
  return { eventId: event?.id ?? 0, values: { unit: r.unit.name, reason: reason.name } };
}
