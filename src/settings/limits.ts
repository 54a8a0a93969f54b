// Per-jurisdiction settings: a value set for a jurisdiction applies to its whole subtree unless a
// lower jurisdiction sets its own. Defaults are the law's (src/domain/lifecycle/limits.ts).
import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { DEFAULT_LIMITS, type Limits } from '../domain/lifecycle/limits.ts';

/** 320106001 → ['320000', '320100', '320106', '320106001'] (province first). */
export function jurisdictionChain(code: string): string[] {
  const chain = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code.slice(0, 6)];
  if (code.length > 6) chain.push(code);
  return [...new Set(chain)];
}

export async function limitsFor(db: Executor, jurisdictionCode: string): Promise<Limits> {
  const chain = jurisdictionChain(jurisdictionCode);
  const rows = await db.select().from(settings).where(inArray(settings.jurisdictionCode, chain));
  if (rows.length === 0) return DEFAULT_LIMITS;
  const limits: Limits = structuredClone(DEFAULT_LIMITS);
  rows.sort(
    (a, b) =>
      a.jurisdictionCode.length - b.jurisdictionCode.length ||
      (a.jurisdictionCode < b.jurisdictionCode ? -1 : 1),
  );
  for (const r of rows.filter((r) => r.key === 'limits')) {
    const v = r.value as Partial<Limits>;
    Object.assign(limits.clocks, v.clocks ?? {});
    for (const k of ['maxExtensionDays', 'nearDueDays', 'maxRepresentatives', 'groupVisitSize'] as const) {
      if (typeof v[k] === 'number') limits[k] = v[k];
    }
  }
  return limits;
}
