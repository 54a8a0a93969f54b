// Writing notifications: each notice goes to the staff of a unit with the right roles, as each
// user's preferences say (src/domain/inbox/kinds.ts): an inbox row and, where the kind allows and
// the user chose it and has a mobile on file, an SMS through the outbox — naming the matter's
// number only, never the petitioner. Runs inside the publishing transaction: a rolled-back command
// notifies nobody; the dedupe key makes a retried command or a second pass add nothing.
import { and, eq, inArray } from 'drizzle-orm';
import type { Work } from '../commands/command.ts';
import { inboxItems, inboxPreferences, users } from '../db/schema.ts';
import { effectivePreference, INBOX_KINDS, type InboxKindName } from '../domain/inbox/kinds.ts';
import type { Role } from '../domain/roles.ts';
import { enqueueSms } from '../notify/outbox.ts';

export interface Notice {
  kind: InboxKindName;
  caseId: number | null;
  caseNumber: string;
  supervisionId?: number;
  title: string;
  body: string;
  /** Unique per cause ('assignment:event:12'); the user id is added per recipient. */
  dedupeKey: string;
  /** Who: the staff of this unit in these roles… */
  unitId: number;
  roles: readonly Role[];
  /** …except whoever caused it (they know). */
  exceptUserId?: number | null;
  /** When the cause happened, if not now (a scan of a day gone by); the inbox shows this time. */
  at?: Date;
}

const CHUNK = 500;

/** Delivers the notices; returns how many inbox rows were written. */
export async function deliver(w: Work, notices: readonly Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const { tx, ctx } = w;
  const unitIds = [...new Set(notices.map((n) => n.unitId))];
  const roles = [...new Set(notices.flatMap((n) => n.roles))];
  if (roles.length === 0) return 0;
  const staff = await tx
    .select({ id: users.id, unitId: users.unitId, role: users.role, phoneEnc: users.phoneEnc })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), inArray(users.role, roles), eq(users.disabled, false)));
  if (staff.length === 0) return 0;
  const prefs = await tx
    .select()
    .from(inboxPreferences)
    .where(
      inArray(
        inboxPreferences.userId,
        staff.map((s) => s.id),
      ),
    );
  const prefOf = new Map(prefs.map((p) => [`${p.userId}:${p.kind}`, p]));
  const rows: (typeof inboxItems.$inferInsert)[] = [];
  let sms = 0;
  for (const n of notices) {
    for (const u of staff) {
      if (u.unitId !== n.unitId || !n.roles.includes(u.role as Role) || u.id === n.exceptUserId) continue;
      const pref = effectivePreference(n.kind, prefOf.get(`${u.id}:${n.kind}`));
      const key = `${n.dedupeKey}`;
      if (pref.inApp)
        rows.push({
          userId: u.id,
          kind: n.kind,
          caseId: n.caseId,
          supervisionId: n.supervisionId ?? null,
          title: n.title,
          body: n.body,
          dedupeKey: key,
          ...(n.at ? { createdAt: n.at } : {}),
        });
      if (pref.sms && u.phoneEnc) {
        await enqueueSms(tx, ctx.pii, {
          phone: ctx.pii.decrypt(u.phoneEnc),
          template: `inbox_${n.kind}`,
          body: INBOX_KINDS[n.kind].sms(n.caseNumber),
          idempotencyKey: `inbox:${key}:${u.id}`,
          // Not the petitioner's notices (the case's SMS list): no caseId.
          stage: `inbox_${n.kind}`,
        });
        sms++;
      }
    }
  }
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const r = await tx
      .insert(inboxItems)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .returning({ id: inboxItems.id });
    written += r.length;
  }
  if (sms > 0) w.afterCommit(() => ctx.dispatcher.kick());
  return written;
}
