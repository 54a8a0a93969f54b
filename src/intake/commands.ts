// 确认/更改内容分类: the registrar confirms the suggested category or chooses another — one
// transaction: the matter's category, the classification's decision, an internal timeline event,
// the audit row, and `intake.categorized` (the rollups move the matter's counts to the category).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { caseClassifications, caseEvents, cases } from '../db/schema.ts';
import { firstLevelOf } from '../domain/admin/categories.ts';
import { categoryLabel, isCategoryCode } from '../domain/categories.ts';
import { CATEGORY_EVENTS, categoryDecision } from '../domain/intake/classification.ts';
import { zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { type Actor, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { intakePolicy } from '../policies/intake.ts';

export const CategoryBody = z.object({
  categoryCode: zText({ label: '内容分类', min: 1, max: 20 }).meta({ description: '内容分类代码' }),
  note: zText({ label: '说明', max: 500 }).optional().meta({ description: '更改的理由（可选）' }),
});
export type CategoryInput = z.infer<typeof CategoryBody>;

export interface CategoryResult {
  caseId: number;
  categoryCode: string;
  decision: 'confirmed' | 'changed';
}

/** The matter, locked for update, if the caller may set its category (404 unseen, 403 not theirs). */
export async function caseToCategorize(tx: Tx, actor: Actor, caseId: number) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  ensureReadable(c !== undefined && intakePolicy.read(actor, c));
  if (!c) throw notFound();
  ensureAllowed(
    intakePolicy.categorize(actor, c),
    '只有当前办理单位、负责的信访部门或上级督查人员可以确认内容分类',
  );
  return c;
}

export async function setCategory(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: CategoryInput,
): Promise<CategoryResult> {
  if (!isCategoryCode(input.categoryCode))
    throw badRequest('unknown_category', '内容分类不存在，请从内容分类中选择', 'categoryCode');
  return runCommand(ctx, async (w) => {
    const c = await caseToCategorize(w.tx, actor, caseId);
    const [s] = await w.tx
      .select()
      .from(caseClassifications)
      .where(eq(caseClassifications.caseId, caseId))
      .for('update');
    if (c.categoryCode === input.categoryCode && s?.status !== 'pending')
      throw conflict('category_unchanged', `内容分类已是“${categoryLabel(c.categoryCode)}”`);
    const decision = categoryDecision(s?.suggestedCode, input.categoryCode);
    const now = new Date();
    // 细分类 of another category no longer fits (./subcategory.ts).
    const subcategoryCode =
      c.subcategoryCode && firstLevelOf(c.subcategoryCode) !== input.categoryCode ? null : c.subcategoryCode;
    await w.tx
      .update(cases)
      .set({
        categoryCode: input.categoryCode,
        subcategoryCode,
        updatedAt: now,
        version: c.version + 1,
      })
      .where(eq(cases.id, caseId));
    if (s)
      await w.tx
        .update(caseClassifications)
        .set({ status: decision, decidedBy: actor.userId, decidedAt: now })
        .where(eq(caseClassifications.caseId, caseId));
    const detail = {
      categoryCode: input.categoryCode,
      categoryName: categoryLabel(input.categoryCode),
      ...(c.categoryCode ? { previousCategoryName: categoryLabel(c.categoryCode) } : {}),
      ...(s ? { suggested: s.suggestedCode, confidence: s.confidence } : {}),
      ...(input.note ? { note: input.note } : {}),
    };
    await w.tx.insert(caseEvents).values({
      caseId,
      at: now,
      action: CATEGORY_EVENTS[decision].event,
      actorUserId: actor.userId,
      actorRole: actor.role,
      actorUnitId: actor.unitId,
      detail,
      public: false,
    });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: `case.category_${decision}`,
      entity: 'case',
      entityId: String(caseId),
      summary: { from: c.categoryCode, to: input.categoryCode, suggested: s?.suggestedCode ?? null },
    });
    await w.publish('intake.categorized', {
      actor,
      caseId,
      from: c.categoryCode,
      to: input.categoryCode,
      fromSubcategory: c.subcategoryCode,
      toSubcategory: subcategoryCode,
      decision,
      at: now,
    });
    return { caseId, categoryCode: input.categoryCode, decision };
  });
}
