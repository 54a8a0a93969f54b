// 细分类: below the matter's first-level category, the registrar (or whoever may categorize it)
// files it under a second or third level of the province's category dictionary (src/categories/),
// or clears it. One transaction: the matter, an internal timeline event, the audit row. Only a live
// entry under the matter's own category is accepted; changing the category clears it
// (./commands.ts), since an entry of another category no longer fits.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { dictionaryAt } from '../categories/queries.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, cases } from '../db/schema.ts';
import { entryPath, subcategoryChoices } from '../domain/admin/categories.ts';
import { CATEGORY_EVENTS } from '../domain/intake/classification.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Actor } from '../policies/index.ts';
import { caseToCategorize } from './commands.ts';

export const SubcategoryBody = z.object({
  subcategoryCode: z
    .string({ error: '细分类应为分类代码或 null' })
    .regex(/^\d{6}$/, '细分类代码应为6位数字')
    .nullable()
    .meta({ description: '二、三级分类代码；null 清除' }),
});
export type SubcategoryInput = z.infer<typeof SubcategoryBody>;

/** The dictionary's entries, refusing `code` unless it is a live 细分类 of `categoryCode`. */
export async function ensureSubcategoryFits(tx: Executor, categoryCode: string, code: string) {
  const { entries } = await dictionaryAt(tx);
  if (!subcategoryChoices(entries, categoryCode).some((e) => e.code === code))
    throw badRequest(
      'unknown_subcategory',
      '细分类不存在、已停用或不属于该事项的内容分类，请从列表中选择',
      'subcategoryCode',
    );
  return entries;
}

export async function setSubcategory(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: SubcategoryInput,
): Promise<void> {
  const code = input.subcategoryCode;
  await runCommand(ctx, async (w) => {
    const c = await caseToCategorize(w.tx, actor, caseId);
    if (code !== null && !c.categoryCode) throw conflict('category_first', '请先确认内容分类，再选择细分类');
    if (code === c.subcategoryCode) throw conflict('subcategory_unchanged', '细分类未改变');
    const entries =
      code === null
        ? (await dictionaryAt(w.tx)).entries
        : await ensureSubcategoryFits(w.tx, c.categoryCode as string, code);
    const now = new Date();
    await w.tx
      .update(cases)
      .set({ subcategoryCode: code, updatedAt: now, version: c.version + 1 })
      .where(eq(cases.id, caseId));
    const name = code && entryPath(entries, code);
    const before = c.subcategoryCode && entryPath(entries, c.subcategoryCode);
    await w.tx.insert(caseEvents).values({
      caseId,
      at: now,
      action: CATEGORY_EVENTS.subcategory.event,
      actorUserId: actor.userId,
      actorRole: actor.role,
      actorUnitId: actor.unitId,
      detail: {
        subcategoryName: name || '（清除）',
        ...(before ? { previousSubcategoryName: before } : {}),
      },
      public: false,
    });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'case.subcategory_set',
      entity: 'case',
      entityId: String(caseId),
      summary: { from: c.subcategoryCode, to: code },
    });
    await w.publish('intake.subcategorized', {
      actor,
      caseId,
      from: { category: c.categoryCode, subcategory: c.subcategoryCode },
      to: { category: c.categoryCode, subcategory: code },
      at: now,
    });
  });
}
