// The units' rules for their opinions (settings key `documents`, per jurisdiction and inherited by
// the subtree, with overrides for single units): whether a leader signs off (签发) before issue,
// and which wording (文本模板). Read by the drafts, the issuing guard and the page; written by
// administrators of the jurisdiction or above (one command with its audit row).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { units } from '../db/schema.ts';
import { type DocumentRules, resolveRules, rulesForUnit, type StoredRules } from '../domain/drafts/rules.ts';
import { badRequest } from '../errors.ts';
import { draftPolicy } from '../policies/drafts.ts';
import type { Actor } from '../policies/index.ts';
import { jurisdictionSetting } from '../settings/jurisdictional.ts';

export const documentRules = jurisdictionSetting<ReturnType<typeof resolveRules>, StoredRules>({
  key: 'documents',
  resolve: resolveRules,
  mayEdit: draftPolicy.rules,
  denied: '只有本辖区或上级管理员可以设置文书签发要求和文本模板',
  auditAction: 'documents.rules',
});

/** The rules in force for a unit (its place's chain, then the unit's own override). */
export async function rulesOfUnit(
  ctx: AppContext,
  exec: Executor,
  unit: { id: number; jurisdictionCode: string },
): Promise<DocumentRules> {
  return rulesForUnit(await documentRules.cached(ctx.db, exec, unit.jurisdictionCode), unit.id);
}

/**
 * Saves a jurisdiction's rules, or one unit's override (`unitId`: a unit of that place). The unit
 * overrides live in the jurisdiction's own row, so the others are kept.
 */
export async function saveRules(
  ctx: AppContext,
  actor: Actor,
  code: string,
  patch: Partial<DocumentRules> & { unitId?: number },
) {
  const { unitId, ...values } = patch;
  if (unitId === undefined) return documentRules.save(ctx, actor, code, values);
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit || unit.jurisdictionCode !== code)
    throw badRequest('unit_not_in_jurisdiction', '该单位不属于所选辖区', 'unitId');
  const own = (await documentRules.rows(ctx.db)).find((r) => r.jurisdictionCode === code)?.value as
    | StoredRules
    | undefined;
  const overrides = { ...(own?.units ?? {}) };
  overrides[String(unitId)] = { ...overrides[String(unitId)], ...values };
  return documentRules.save(ctx, actor, code, { units: overrides });
}
