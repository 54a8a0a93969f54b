// Classifies every new matter at intake and keeps the suggestion (case_classifications): the
// classifier runs after the registration commits (afterCommit), in a short write of its own, so a
// classifier fault never loses a petition, and the registration transaction holds no lock while the
// model reads the text. A matter registered with a category is recorded as 'given'.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { CaseRegistered } from '../cases/events.ts';
import { passRouting, type RoutingLookup } from '../classify/routing.ts';
import { activeClassifier } from '../classify/store.ts';
import { type RoutingSuggestion, suggestRouting } from '../classify/suggest.ts';
import type { EventBus } from '../commands/events.ts';
import type { AppContext } from '../context.ts';
import type { Db, Executor } from '../db/client.ts';
import { caseClassifications, cases } from '../db/schema.ts';
import type { PlatformEvents } from '../events.ts';

/** The stored form of a suggestion made at `at`. */
function suggestionRow(s: RoutingSuggestion, at: Date) {
  const first = s.top3[0];
  if (!first) return null;
  return {
    suggestedCode: first.code,
    suggestedLabel: first.category,
    confidence: first.probability,
    top: s.top3,
    why: s.why.slice(0, 10),
    modelVersion: String(s.modelVersion),
    routedUnitId: first.department.unitId ?? null,
    suggestedAt: at,
  };
}

/**
 * Stores the suggestion for a matter (once: a second call leaves the first). `routing`: see
 * suggestRouting (a pass over many matters gives passRouting).
 */
export async function storeSuggestion(
  db: Db,
  c: { id: number; subject: string; content: string; jurisdictionCode: string; categoryCode: string | null },
  at: Date,
  routing?: RoutingLookup,
): Promise<void> {
  const row = suggestionRow(await suggestRouting(db, c, routing), at);
  if (!row) return;
  await db
    .insert(caseClassifications)
    .values({ caseId: c.id, ...row, status: c.categoryCode ? 'given' : 'pending' })
    .onConflictDoNothing();
}

/**
 * After another classifier is put into service (console 启用, `classify use`, `classify train`): the
 * matters still 待确认 get its suggestion, so the registrar decides on the model in service rather
 * than on the one it replaced. Decided suggestions stay as they were — the record of what was
 * suggested then, and of how it held up (suggestionQuality.ts). Each matter is a short write of its
 * own, guarded on the status, so a registrar's decision in between is never overwritten.
 */
export async function reclassifyPending(
  db: Db,
  opts: { limit?: number; now?: Date; signal?: AbortSignal } = {},
): Promise<{ reclassified: number }> {
  const { version } = await activeClassifier(db);
  const stale = await db
    .select({
      id: cases.id,
      subject: cases.subject,
      content: cases.content,
      jurisdictionCode: cases.jurisdictionCode,
    })
    .from(caseClassifications)
    .innerJoin(cases, eq(cases.id, caseClassifications.caseId))
    .where(
      and(eq(caseClassifications.status, 'pending'), ne(caseClassifications.modelVersion, String(version))),
    )
    .orderBy(asc(caseClassifications.caseId))
    .limit(opts.limit ?? 5_000);
  let reclassified = 0;
  const routing = passRouting(db);
  for (const c of stale) {
    if (opts.signal?.aborted) break;
    const row = suggestionRow(await suggestRouting(db, c, routing), opts.now ?? new Date());
    if (!row) continue;
    const updated = await db
      .update(caseClassifications)
      .set(row)
      .where(and(eq(caseClassifications.caseId, c.id), eq(caseClassifications.status, 'pending')))
      .returning({ id: caseClassifications.caseId });
    reclassified += updated.length;
  }
  return { reclassified };
}

export async function hasSuggestion(db: Executor, caseId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: caseClassifications.caseId })
    .from(caseClassifications)
    .where(eq(caseClassifications.caseId, caseId));
  return row !== undefined;
}

/**
 * How many 待确认 suggestions the console's 启用 renews before it answers (a second or two); a
 * province with more gets the rest from the daily pass `intake_reclassify` (src/jobs/passes.ts).
 */
export const RENEW_AT_ONCE = 500;

export function subscribeIntake(events: EventBus<PlatformEvents>): void {
  events.on('classifier.activated', 'intake.reclassify', (w) => {
    const ctx: AppContext = w.ctx;
    w.afterCommit(async () => {
      const r = await reclassifyPending(ctx.db, { limit: RENEW_AT_ONCE });
      ctx.log.info(r, `待确认事项已按新模型重新建议 ${r.reclassified} 件 / pending suggestions renewed`);
    });
  });
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
