// Units a case moves between: loading one, and the bureau one level up (复查/复核机关).
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { type cases, jurisdictions, units } from '../db/schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export async function loadUnit(tx: Executor, id: number | null | undefined): Promise<UnitRow | undefined> {
  if (id == null) return undefined;
  return (await tx.select().from(units).where(eq(units.id, id)))[0];
}

/** The petition bureau one level above a unit's jurisdiction (复查/复核机关); the province reviews itself. */
export async function upperBureau(tx: Executor, unit: UnitRow): Promise<UnitRow | undefined> {
  const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, unit.jurisdictionCode));
  const target = j?.parentCode ?? unit.jurisdictionCode;
  return (
    await tx
      .select()
      .from(units)
      .where(and(eq(units.jurisdictionCode, target), eq(units.kind, 'bureau')))
  )[0];
}
