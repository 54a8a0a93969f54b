// Reads of personal data are audited (个人信息查阅留痕): a case detail shown with the parties in
// full, a document download (it names the petitioner). One INSERT after the read, outside any
// transaction, sealed into the chain like every other row; the petitioner reading their own case
// is not recorded. Reads with the parties masked (analysts, leaders …) show no personal data and
// are not recorded either, which keeps the log to the reads that matter.
import type { AppContext } from '../context.ts';
import { type Actor, auditPolicy, type CaseRef, casePolicy } from '../policies/index.ts';
import { recordAudit } from './chain.ts';

export type PersonalDataRead =
  | { action: 'case.read_personal'; summary: { parties: number } }
  | { action: 'case.document_download'; summary: { documentId: number; kind: string } };

export async function auditPersonalDataRead(
  ctx: Pick<AppContext, 'db' | 'auditSealer'>,
  actor: Actor,
  c: CaseRef & { id: number },
  read: PersonalDataRead,
): Promise<void> {
  if (!auditPolicy.recordsReadsBy(actor)) return;
  if (
    read.action === 'case.read_personal' &&
    (read.summary.parties === 0 || !casePolicy.viewFullPii(actor, c))
  )
    return;
  await recordAudit(ctx.db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: read.action,
    entity: 'case',
    entityId: c.id,
    summary: read.summary,
  });
  ctx.auditSealer.kick();
}
