// Edits of the synonym dictionary (检索同义词), each one command (one transaction) with its audit row
// (before and after, so the audit log is the dictionary's history); `version` counts the edits of a
// group and guards against two editors overwriting each other.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { searchSynonyms } from '../db/schema.ts';
import { checkTerms } from '../domain/search/synonyms.ts';
import { zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { ensureAllowed } from '../policies/index.ts';
import { searchPolicy } from '../policies/search.ts';
import { invalidateSynonyms } from './synonyms.ts';

export const SynonymBody = z.object({
  terms: z
    .array(zText({ label: '同义词', min: 1, max: 20 }))
    .min(2, '同义词组至少需要两个词')
    .max(20, '同义词组最多20个词'),
  note: zText({ label: '说明', max: 200 }).optional(),
});
export const SynonymUpdate = SynonymBody.extend({
  // An int4 like any id: a larger number is a 400, not a database error.
  version: zId('版本号').meta({ description: '编辑前的版本号（防止覆盖他人的修改）' }),
});

type Row = typeof searchSynonyms.$inferSelect;
const ENTITY = 'search_synonyms';
const DENIED = '只有省级管理员可以维护检索同义词';

function checked(terms: readonly string[]): string[] {
  const r = checkTerms(terms);
  if ('error' in r) throw badRequest('invalid_terms', r.error, 'terms');
  return r.terms;
}

export function createSynonymGroup(
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof SynonymBody>,
): Promise<Row> {
  ensureAllowed(searchPolicy.editSynonyms(actor), DENIED);
  const terms = checked(body.terms);
  return runCommand(ctx, async (w) => {
    const [row] = await w.tx
      .insert(searchSynonyms)
      .values({ terms, note: body.note ?? null, updatedBy: actor.userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    w.audit(auditOf(actor, 'search.synonyms.create', row.id, { after: { terms, note: row.note } }));
    w.afterCommit(() => invalidateSynonyms(ctx.db));
    return row;
  });
}

export function updateSynonymGroup(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: z.infer<typeof SynonymUpdate>,
): Promise<Row> {
  ensureAllowed(searchPolicy.editSynonyms(actor), DENIED);
  const terms = checked(body.terms);
  return runCommand(ctx, async (w) => {
    const [before] = await w.tx.select().from(searchSynonyms).where(eq(searchSynonyms.id, id)).for('update');
    if (!before) throw notFound('未找到该同义词组');
    if (before.version !== body.version)
      throw conflict('stale_version', '该同义词组已被他人修改，请刷新后再编辑');
    const [row] = await w.tx
      .update(searchSynonyms)
      .set({
        terms,
        note: body.note ?? null,
        version: sql`${searchSynonyms.version} + 1`,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(searchSynonyms.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    w.audit(
      auditOf(actor, 'search.synonyms.update', id, {
        version: row.version,
        before: { terms: before.terms, note: before.note },
        after: { terms, note: row.note },
      }),
    );
    w.afterCommit(() => invalidateSynonyms(ctx.db));
    return row;
  });
}

export function deleteSynonymGroup(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  ensureAllowed(searchPolicy.editSynonyms(actor), DENIED);
  return runCommand(ctx, async (w) => {
    const [before] = await w.tx.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).returning();
    if (!before) throw notFound('未找到该同义词组');
    w.audit(
      auditOf(actor, 'search.synonyms.delete', id, {
        version: before.version,
        before: { terms: before.terms, note: before.note },
      }),
    );
    w.afterCommit(() => invalidateSynonyms(ctx.db));
  });
}

const auditOf = (actor: Actor, action: string, id: number, summary: Record<string, unknown>) => ({
  actorUserId: actor.userId,
  actorRole: actor.role,
  action,
  entity: ENTITY,
  entityId: id,
  summary,
});
