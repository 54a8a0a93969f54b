// The drafts of a matter's opinions, scoped by src/policies/drafts.ts, with who wrote and signed them.

import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.ts';
import { cases, documentDrafts, units, users } from '../db/schema.ts';
import { draftPolicy } from '../policies/drafts.ts';
import { type Actor, ensureReadable } from '../policies/index.ts';

export type CaseRecord = typeof cases.$inferSelect;

export async function visibleCase(ctx: AppContext, actor: Actor, caseId: number): Promise<CaseRecord> {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  ensureReadable(c !== undefined && draftPolicy.read(actor, c));
  return c as CaseRecord;
}

const signer = alias(users, 'signer');
const writer = alias(users, 'writer');

export async function draftsOf(ctx: AppContext, caseId: number) {
  return ctx.db
    .select({
      d: documentDrafts,
      unitName: units.name,
      unitCode: units.jurisdictionCode,
      writerName: writer.displayName,
      signerName: signer.displayName,
    })
    .from(documentDrafts)
    .innerJoin(units, eq(units.id, documentDrafts.unitId))
    .innerJoin(writer, eq(writer.id, documentDrafts.updatedBy))
    .leftJoin(signer, eq(signer.id, documentDrafts.signedBy))
    .where(eq(documentDrafts.caseId, caseId))
    .orderBy(desc(documentDrafts.id));
}
export type DraftRow = Awaited<ReturnType<typeof draftsOf>>[number];

/** One draft and its matter, if the actor may read the matter (else 404, as if missing). */
export async function visibleDraft(ctx: AppContext, actor: Actor, id: number) {
  const [d] = await ctx.db.select().from(documentDrafts).where(eq(documentDrafts.id, id));
  if (!d) ensureReadable(false);
  const c = await visibleCase(ctx, actor, (d as typeof documentDrafts.$inferSelect).caseId);
  const row = (await draftsOf(ctx, c.id)).find((r) => r.d.id === id) as DraftRow;
  return { c, row };
}
