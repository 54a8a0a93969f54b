// Demo 事项标识 for the seeded cases, so the flag filter, the case card and the city's 重大紧急上报
// have content on first start: the first open matters of 南京市's districts (by id) are flagged 扬言,
// 涉法涉诉, 涉港澳台侨外 and 同意公开, and one 重大紧急 — reported to 南京市信访局, not yet signed for.
// Deterministic; does nothing when any flag exists or there are too few open matters.
import { and, asc, like, ne, notInArray } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseFlags, cases } from '../db/schema.ts';
import type { CaseFlag } from '../domain/flags.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { applyFlags } from '../flags/record.ts';

const PLAN: CaseFlag[][] = [
  ['major_urgent', 'threat'],
  ['threat'],
  ['litigation'],
  ['foreign'],
  ['consent_public'],
];

export async function seedFlags(ctx: AppContext): Promise<number> {
  return runCommand(ctx, async (w) => {
    const [any] = await w.tx.select({ id: caseFlags.caseId }).from(caseFlags).limit(1);
    if (any) return 0;
    const open = await w.tx
      .select()
      .from(cases)
      .where(
        and(
          like(cases.jurisdictionCode, '3201%'),
          ne(cases.jurisdictionCode, '320100'),
          notInArray(cases.state, [...TERMINAL_STATES]),
        ),
      )
      .orderBy(asc(cases.id))
      .limit(PLAN.length);
    if (open.length < PLAN.length) return 0;
    for (const [i, c] of open.entries())
      await applyFlags(w, null, c, { set: PLAN[i] ?? [], clear: [], note: '演示数据' });
    w.audit({ action: 'seed.flags', entity: 'installation', summary: { cases: open.length } });
    return open.length;
  });
}
