// Setting and clearing a matter's flags inside the caller's transaction (intake or later), and the
// upward report of 重大紧急: a flag_reports row to the bureau above the one in charge and an SMS to
// its leaders through the outbox (no personal data in it).
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type CaseRow, UnitLookup } from '../cases/units.ts';
import type { Work } from '../commands/command.ts';
import { caseFlags, flagReports, users } from '../db/schema.ts';
import { type CaseFlag, newlyReporting, upwardReportText } from '../domain/flags.ts';
import { enqueueSms } from '../notify/outbox.ts';
import type { Actor } from '../policies/index.ts';

export interface FlagChange {
  set: CaseFlag[];
  clear: CaseFlag[];
  note?: string;
}

/** Returns the flags now set and the ids of the upward reports made. */
export async function applyFlags(
  w: Work,
  actor: Actor | null,
  c: CaseRow,
  change: FlagChange,
): Promise<{ flags: string[]; reports: number[] }> {
  const { tx } = w;
  const before = (
    await tx.select({ flag: caseFlags.flag }).from(caseFlags).where(eq(caseFlags.caseId, c.id))
  ).map((r) => r.flag);
  const by = actor && actor.userId > 0 ? actor.userId : null;
  const now = new Date();
  const set = change.set.filter((f) => !before.includes(f));
  if (set.length)
    await tx
      .insert(caseFlags)
      .values(set.map((flag) => ({ caseId: c.id, flag, setBy: by, setAt: now, note: change.note ?? null })))
      .onConflictDoNothing();
  if (change.clear.length)
    await tx.delete(caseFlags).where(and(eq(caseFlags.caseId, c.id), inArray(caseFlags.flag, change.clear)));
  const reports: number[] = [];
  for (const flag of newlyReporting(set, before)) {
    const id = await reportUp(w, by, c, flag, change.note, now);
    if (id !== null) reports.push(id);
  }
  const flags = [...new Set([...before, ...set])].filter((f) => !change.clear.includes(f as CaseFlag));
  return { flags, reports };
}

async function reportUp(
  w: Work,
  by: number | null,
  c: CaseRow,
  flag: CaseFlag,
  note: string | undefined,
  now: Date,
): Promise<number | null> {
  const lookup = new UnitLookup(w.ctx.db);
  const from = await lookup.unit(w.tx, c.bureauUnitId ?? c.registeringUnitId);
  if (!from) return null;
  const to = await lookup.upperBureau(w.tx, from);
  // The province's bureau has none above it on the platform.
  if (!to || to.id === from.id) return null;
  const [row] = await w.tx
    .insert(flagReports)
    .values({
      caseId: c.id,
      flag,
      fromUnitId: from.id,
      toUnitId: to.id,
      jurisdictionCode: to.jurisdictionCode,
      note: note ?? null,
      reportedBy: by,
      reportedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: flagReports.id });
  if (!row) return null; // reported before (flag cleared and set again): once is enough
  const leaders = await w.tx
    .select({ id: users.id, phoneEnc: users.phoneEnc })
    .from(users)
    .where(
      and(
        eq(users.unitId, to.id),
        eq(users.role, 'leader'),
        eq(users.disabled, false),
        isNotNull(users.phoneEnc),
      ),
    );
  const body = upwardReportText({ from: from.name, caseNumber: c.caseNumber, flag });
  for (const l of leaders) {
    if (!l.phoneEnc) continue;
    await enqueueSms(w.tx, w.ctx.pii, {
      phone: w.ctx.pii.decrypt(l.phoneEnc),
      template: 'flag_report',
      body,
      // Not the case's notices (those are the petitioner's): no caseId.
      idempotencyKey: `flag-report:${row.id}:${l.id}`,
      stage: 'flag_report',
    });
  }
  return row.id;
}
