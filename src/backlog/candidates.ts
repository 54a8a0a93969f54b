// The daily candidate pass (积案候选): open matters that meet their jurisdiction's candidate rules
// (src/domain/backlog/rules.ts) and have no backlog matter yet are added as candidates, for a
// supervisor or leader to propose or dismiss. Run by the daily jobs (src/jobs/scheduler.ts) after the
// deadline sweep, like it: batches of `batchSize` cases walked by id, one command each (its own
// audit row), the event loop given a turn between batches; idempotent (a case with an active
// matter, or one dismissed, rejected or unflagged within the cooldown, is skipped; the unique index
// on active matters makes two concurrent passes add one candidate).
import { and, asc, gt, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { receivedBefore } from '../cases/received.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { backlogMatters, cases } from '../db/schema.ts';
import { CONTESTED_STATES, candidateHits, loosest, type RuleHit } from '../domain/backlog/rules.ts';
import { ACTIVE_STATUSES } from '../domain/backlog/states.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { candidateRules } from './rules.ts';

export interface CandidatePassResult {
  /** Cases looked at (met the loosest rules). */
  scanned: number;
  /** Candidates added in this run. */
  added: number;
}

const DAY = 86_400_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runBacklogCandidatePass(
  ctx: AppContext,
  now: Date = new Date(),
  opts: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<CandidatePassResult> {
  const batchSize = opts.batchSize ?? 500;
  const ruleRows = await candidateRules.rows(ctx.db);
  const rulesOf = (code: string) => candidateRules.fromRows(ruleRows, code);
  const loose = loosest([
    candidateRules.fromRows([], '320000'),
    ...ruleRows.map((r) => rulesOf(r.jurisdictionCode)),
  ]);
  const result: CandidatePassResult = { scanned: 0, added: 0 };
  if (!loose.enabled) return result;
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const anyRule: SQL[] = [
    sql`${cases.repeatCount} >= ${loose.repeatMin}`,
    receivedBefore(before(loose.openDaysMin)),
  ];
  if (loose.contestedReview) anyRule.push(inArray(cases.state, [...CONTESTED_STATES]));
  if (Number.isFinite(loose.groupOpenDaysMin))
    anyRule.push(and(sql`${cases.isGroup}`, receivedBefore(before(loose.groupOpenDaysMin))) as SQL);
  // No active matter, and none ended within the (shortest) cooldown.
  const free = sql`not exists (select 1 from ${backlogMatters} b where b.case_id = ${cases.id}
    and (b.status in ${sql.raw(`(${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`)}
      or b.ended_at > ${iso(before(loose.cooldownDays))}))`;

  let afterId = 0;
  while (!opts.signal?.aborted) {
    const from = afterId;
    const batch = await ctx.db
      .select({
        id: cases.id,
        jurisdictionCode: cases.jurisdictionCode,
        repeatCount: cases.repeatCount,
        receivedAt: cases.receivedAt,
        state: cases.state,
        isGroup: cases.isGroup,
      })
      .from(cases)
      .where(and(gt(cases.id, from), notInArray(cases.state, [...TERMINAL_STATES]), or(...anyRule), free))
      .orderBy(asc(cases.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    result.scanned += batch.length;
    const found: { caseId: number; jurisdictionCode: string; hits: RuleHit[] }[] = [];
    for (const c of batch) {
      const rules = rulesOf(c.jurisdictionCode);
      const hits = candidateHits(c, rules, now);
      if (hits.length === 0) continue;
      // The jurisdiction's own cooldown may be longer than the shortest one the query used.
      found.push({ caseId: c.id, jurisdictionCode: c.jurisdictionCode, hits });
    }
    if (found.length) {
      result.added += await runCommand(ctx, async (w) => {
        const ids = found.map((f) => f.caseId);
        // A matter ended within its own jurisdiction's cooldown is not proposed again.
        const earlier = await w.tx
          .select({
            caseId: backlogMatters.caseId,
            status: backlogMatters.status,
            endedAt: backlogMatters.endedAt,
            code: backlogMatters.jurisdictionCode,
          })
          .from(backlogMatters)
          .where(inArray(backlogMatters.caseId, ids));
        const blocked = new Set(
          earlier
            .filter(
              (r) =>
                (ACTIVE_STATUSES as readonly string[]).includes(r.status) ||
                (r.endedAt && r.endedAt > before(rulesOf(r.code).cooldownDays)),
            )
            .map((r) => r.caseId),
        );
        const rows = found
          .filter((f) => !blocked.has(f.caseId))
          .map((f) => ({
            caseId: f.caseId,
            jurisdictionCode: f.jurisdictionCode,
            status: 'candidate',
            source: 'system',
            ruleHits: f.hits,
            createdAt: now,
            updatedAt: now,
          }));
        if (rows.length === 0) return 0;
        const inserted = await w.tx
          .insert(backlogMatters)
          .values(rows)
          .onConflictDoNothing()
          .returning({ id: backlogMatters.id });
        if (inserted.length)
          w.audit({
            action: 'backlog.candidates',
            entity: 'backlog',
            summary: { added: inserted.length, at: now.toISOString() },
          });
        return inserted.length;
      });
    }
    await yieldToEventLoop();
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) break;
    afterId = last.id;
  }
  return result;
}
