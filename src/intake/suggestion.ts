// Classifies every new matter at intake and keeps the suggestion (case_classifications): the
// classifier runs after the registration commits (afterCommit), in a short write of its own, so a
// classifier fault never loses a petition, and the registration transaction holds no lock while the
// model reads the text. A matter registered with a category is recorded as 'given'.
import { eq } from 'drizzle-orm';
import type { CaseRegistered } from '../cases/events.ts';
import { suggestRouting } from '../classify/suggest.ts';
import type { EventBus } from '../commands/events.ts';
import type { AppContext } from '../context.ts';
import type { Db, Executor } from '../db/client.ts';
import { caseClassifications } from '../db/schema.ts';
import type { PlatformEvents } from '../events.ts';

/** Stores the suggestion for a matter (once: a second call leaves the first). */
export async function storeSuggestion(
  db: Db,
  c: { id: number; subject: string; content: string; jurisdictionCode: string; categoryCode: string | null },
  at: Date,
): Promise<void> {
  const s = await suggestRouting(db, c);
  const first = s.top3[0];
  if (!first) return;
  await db
    .insert(caseClassifications)
    .values({
      caseId: c.id,
      suggestedCode: first.code,
      suggestedLabel: first.category,
      confidence: first.probability,
      top: s.top3,
      why: s.why.slice(0, 10),
      modelVersion: String(s.modelVersion),
      routedUnitId: first.department.unitId ?? null,
      suggestedAt: at,
      status: c.categoryCode ? 'given' : 'pending',
    })
    .onConflictDoNothing();
}

export async function hasSuggestion(db: Executor, caseId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: caseClassifications.caseId })
    .from(caseClassifications)
    .where(eq(caseClassifications.caseId, caseId));
  return row !== undefined;
}

export function subscribeIntake(events: EventBus<PlatformEvents>): void {
  events.on('case.registered', 'intake.classify', (w, e: CaseRegistered) => {
    const ctx: AppContext = w.ctx;
    w.afterCommit(async () => {
      try {
        await storeSuggestion(ctx.db, e.case, e.at);
      } catch (err) {
        // Advice only: the matter stands; its page classifies it live until then.
        ctx.log.warn({ err, caseId: e.case.id }, '登记分类建议未保存 / intake suggestion not stored');
      }
    });
  });
}
