// A draft as the console shows it: its text, wording, state, who wrote and signed it, and what the
// caller may do with it now (the page's buttons follow the policy).
import { OPINION_TEMPLATE_NAMES } from '../documents/index.ts';
import type { OpinionTemplate } from '../documents/types.ts';
import { DRAFT_STATUS_NAMES, type DraftAction, type DraftStatus } from '../domain/drafts/rules.ts';
import { actionDef } from '../domain/lifecycle/actions.ts';
import { draftPolicy } from '../policies/drafts.ts';
import type { Actor } from '../policies/index.ts';
import { draftTitle } from './commands.ts';
import type { DraftItem } from './contract.ts';
import type { CaseRecord, DraftRow } from './queries.ts';

export function presentDraft(actor: Actor, c: CaseRecord, r: DraftRow): DraftItem {
  const { d } = r;
  const action = d.action as DraftAction;
  const open = d.status !== 'issued';
  return {
    id: d.id,
    caseId: d.caseId,
    action,
    actionLabel: actionDef(action).label,
    title: draftTitle(action),
    unitName: r.unitName,
    fields: d.fields,
    template: d.template,
    templateName: OPINION_TEMPLATE_NAMES[d.template as OpinionTemplate] ?? d.template,
    status: d.status as DraftStatus,
    statusName: DRAFT_STATUS_NAMES[d.status as DraftStatus] ?? d.status,
    version: d.version,
    updatedBy: r.writerName,
    updatedAt: d.updatedAt.toISOString(),
    signedBy: r.signerName,
    signedAt: d.signedAt?.toISOString() ?? null,
    signComment: d.signComment,
    issuedAt: d.issuedAt?.toISOString() ?? null,
    mayEdit: open && draftPolicy.write(actor, c, action),
    maySign: d.status === 'draft' && draftPolicy.sign(actor, { id: d.unitId, jurisdictionCode: r.unitCode }),
  };
}
