// Repeat petitions at intake (重复信访, Art 19 and 36): which earlier matter of the same petitioner a
// petition repeats — by the case number it names or by its subject, read through bounded indexed
// branches — the per-petitioner lock that keeps two identical submissions from both opening a
// matter, and the link of a repeat to a matter still open (its text kept as a supplement).
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Work } from '../commands/command.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, cases } from '../db/schema.ts';
import type { CaseState } from '../domain/lifecycle/vocabulary.ts';
import { casePolicy } from '../policies/index.ts';
import { availableActions } from './engine.ts';
import type { RepeatReceived } from './events.ts';
import type { IntakeResult } from './intake.ts';
import { SAFE_TEXT, SUBJECT_KEY_SQL, UNUSUAL_SUBJECT_SQL } from './subjectKey.ts';

const normalise = (s: string) => s.replace(/\s+/g, '').toLowerCase();

// The repeat lookup below compares subjects in SQL where that provably gives the same answer as
// `normalise` above, and leaves the rest to JS. "Safe" text has only ASCII, CJK ideographs and
// punctuation, and full-width forms other than letters: in it, JS's \s is exactly ASCII
// whitespace plus U+3000, and `toLowerCase` changes only A–Z, as PostgreSQL's lower() does. Rows
// whose subject has any other character ("unusual") are always returned to be compared in JS.
// Both SQL texts are literals, not parameters, so that they match the indexes built on them
// (src/cases/subjectKey.ts; src/db/schema.ts: cases_repeat_user_idx, cases_repeat_unusual_idx).
const SUBJECT_KEY = sql.raw(SUBJECT_KEY_SQL);
const UNUSUAL_SUBJECT = sql.raw(UNUSUAL_SUBJECT_SQL);
const REPEAT_CANDIDATES = 50;

interface RepeatRow {
  id: number;
  caseNumber: string;
  state: string;
  subject: string;
}

/**
 * The SQL of the repeat lookup: one `UNION ALL` of bounded branches, each read through an index
 * that holds its predicate, so that its cost follows the petitioner's own history and never the
 * number of stored cases, whatever the planner's statistics say (docs/performance.md, "Write path
 * at scale"):
 *   - the case the petition names (unique case number), if it is the petitioner's;
 *   - a citizen account: its earliest case with the same normalised subject (one row of
 *     `cases_repeat_user_idx`), and its cases whose subject has unusual characters (the small
 *     partial `cases_repeat_unusual_idx`), at most `limit`;
 *   - a recorded ID number or phone: the case ids of those parties (hash indexes) first, then those
 *     cases by primary key (`= ANY` of that array, never a walk of the whole table), at most `limit`.
 */
export function repeatLookupSql(
  input: { subject: string; previousCaseNumber?: string },
  identity: { userId?: number; idHash?: string; phoneHash?: string },
  limit: number | null = REPEAT_CANDIDATES,
): SQL | null {
  const hashes: SQL[] = [];
  if (identity.idHash) hashes.push(sql`id_number_hash = ${identity.idHash}`);
  if (identity.phoneHash) hashes.push(sql`phone_hash = ${identity.phoneHash}`);
  if (!identity.userId && hashes.length === 0) return null;
  const partyCases = sql`id = ANY(ARRAY(SELECT case_id FROM case_parties WHERE ${sql.join(hashes, sql` OR `)}))`;
  const who = identity.userId ? sql`petitioner_user_id = ${identity.userId}` : partyCases;
  const key = normalise(input.subject);
  const lim = limit === null ? sql`` : sql` LIMIT ${limit}`;
  const cols = sql`id, case_number AS "caseNumber", state, subject`;
  const branches: SQL[] = [];
  const prev = input.previousCaseNumber;
  if (prev) branches.push(sql`(SELECT ${cols} FROM cases WHERE case_number = ${prev} AND ${who})`);
  if (identity.userId) {
    if (SAFE_TEXT.test(key))
      branches.push(
        // Safe rows only: there the SQL key is exactly `normalise`, so the first one is the match.
        sql`(SELECT ${cols} FROM cases WHERE ${who} AND ${SUBJECT_KEY} = ${key} AND NOT ${UNUSUAL_SUBJECT}
          ORDER BY id LIMIT 1)`,
      );
    branches.push(sql`(SELECT ${cols} FROM cases WHERE ${who} AND ${UNUSUAL_SUBJECT} ORDER BY id${lim})`);
  } else {
    const candidate = SAFE_TEXT.test(key)
      ? sql`(${SUBJECT_KEY} = ${key} OR ${UNUSUAL_SUBJECT})`
      : UNUSUAL_SUBJECT;
    branches.push(sql`(SELECT ${cols} FROM cases WHERE ${who} AND ${candidate} ORDER BY id${lim})`);
  }
  return sql.join(branches, sql` UNION ALL `);
}

/**
 * Which earlier case of the same petitioner this petition repeats, if any (exact matching): the
 * case it names (previousCaseNumber) if it is theirs, else their earliest case with the same
 * subject (ignoring whitespace and case). Bounded: see `repeatLookupSql`.
 */
export async function findRepeatOf(
  tx: Executor,
  input: { subject: string; previousCaseNumber?: string },
  identity: { userId?: number; idHash?: string; phoneHash?: string },
) {
  const subject = normalise(input.subject);
  const prev = input.previousCaseNumber;
  const read = async (limit: number | null) => {
    const q = repeatLookupSql(input, identity, limit);
    if (!q) return [];
    const rows = ((await tx.execute(q)) as unknown as { rows: RepeatRow[] }).rows;
    return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
  };
  const pick = (rows: RepeatRow[]) =>
    (prev ? rows.find((c) => c.caseNumber === prev) : undefined) ??
    rows.find((c) => normalise(c.subject) === subject);
  const first = await read(REPEAT_CANDIDATES);
  const found = pick(first);
  if (found || first.length < REPEAT_CANDIDATES) return found ?? null;
  // Only when 50 rows with unusual characters came back without a match: read them all.
  return pick(await read(null)) ?? null;
}

/**
 * Intakes of one petitioner run one at a time (a transaction-level advisory lock per identity), so
 * two identical submissions at the same moment find each other as repeats instead of opening two
 * matters. Keys in sorted order: two intakes sharing two identities never wait on each other crosswise.
 */
export async function lockPetitioner(tx: Executor, identities: (string | undefined)[]) {
  for (const key of [...new Set(identities.filter((k): k is string => !!k))].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${INTAKE_LOCK}::int, hashtext(${key}))`);
  }
}
/** First key of the intake locks ('xfin'). */
const INTAKE_LOCK = 0x7866696e;

/**
 * 重复信访 of a matter still open: linked to it, no new matter opened (Art 19). The new text is kept
 * on the matter as a supplement (补充材料), not dropped: staff read it on the timeline; the public
 * query shows only the step. A citizen is told what they may do on that matter now.
 */
export async function linkRepeat(
  w: Work,
  earlier: { id: number; caseNumber: string; state: string },
  r: Omit<RepeatReceived, 'before' | 'after'>,
): Promise<IntakeResult> {
  const { tx } = w;
  const { actor, input, place, registering, receivedAt, at: now } = r;
  const [after] = await tx
    .update(cases)
    .set({ repeatCount: sql`${cases.repeatCount} + 1`, updatedAt: now })
    .where(eq(cases.id, earlier.id))
    .returning();
  if (!after) throw new Error(`case ${earlier.id} vanished while linking a repeat`);
  const before = { ...after, repeatCount: after.repeatCount - 1 };
  await tx.insert(caseEvents).values({
    caseId: earlier.id,
    at: now,
    action: 'link_repeat',
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: registering.id,
    detail: {
      form: input.form,
      receivedAt: receivedAt.toISOString(),
      registeringUnit: registering.name,
      supplementSubject: input.subject,
      supplementContent: input.content,
    },
    public: true,
  });
  await w.publish('case.repeat_received', {
    actor,
    before,
    after,
    input,
    place,
    registering,
    receivedAt,
    at: now,
  });
  return {
    caseId: earlier.id,
    caseNumber: earlier.caseNumber,
    state: earlier.state as CaseState,
    linkedTo: { caseId: earlier.id, caseNumber: earlier.caseNumber },
    nextSteps: casePolicy.filesOwn(actor) ? availableActions(actor, after, now) : undefined,
  };
}
