// Commands on the drafts of opinions (文书草稿), each one transaction with its audit row: write or
// change the draft, sign it off (签发), and issue it — issuing is the lifecycle action itself
// (出具处理意见书、出具复查意见、出具复核意见) with the draft's text, so the engine's checks, the
// document, the SMS and the timeline are the action's own; the subscriber (subscribers.ts) marks
// the draft issued in that transaction. Refusals: not visible (404), wrong moment (409), not
// allowed (403), bad payload (400).
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { executeAction } from '../cases/engine.ts';
import { UnitLookup } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cases, documentDrafts } from '../db/schema.ts';
import { DOCUMENT_TITLES, OPINION_TEMPLATES } from '../documents/index.ts';
import { DRAFT_ACTIONS, DRAFT_FIELDS, type DraftAction, sameText } from '../domain/drafts/rules.ts';
import { actionDef } from '../domain/lifecycle/actions.ts';
import { type CaseState, OUTCOMES, REVIEW_OUTCOMES, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { draftPolicy } from '../policies/drafts.ts';
import { type Actor, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { rulesOfUnit } from './rules.ts';

const ACTION_KEYS = Object.keys(DRAFT_ACTIONS) as [DraftAction, ...DraftAction[]];
const field = (label: string, max = 5000) => zText({ label, max }).optional();

export const SaveBody = z.object({
  action: z.enum(ACTION_KEYS, { error: '文书类型应为 reply、decide_review 或 decide_rereview' }),
  template: z.enum(OPINION_TEMPLATES, { error: '文本模板应为 standard 或 plain' }).optional(),
  fields: z.object({
    outcome: field('处理结果', 20),
    request: field('信访请求', 2000),
    facts: field('查明的事实'),
    reasons: field('处理理由与依据'),
    decision: field('处理意见'),
  }),
  /** The version the writer changed (omitted for a new draft): a stale one is a 409. */
  version: zId('草稿版本').optional(),
});
export type SaveInput = z.infer<typeof SaveBody>;

export const SignBody = z.object({
  version: zId('草稿版本'),
  comment: zText({ label: '签发意见', max: 500 }).optional(),
});
export const IssueBody = z.object({
  version: zId('草稿版本'),
  lateReason: zText({ label: '逾期原因', max: 500 }).optional(),
});

const OUTCOMES_OF: Record<DraftAction, readonly string[]> = {
  reply: OUTCOMES,
  decide_review: REVIEW_OUTCOMES,
  decide_rereview: REVIEW_OUTCOMES,
};

export const draftTitle = (action: DraftAction) => DOCUMENT_TITLES[DRAFT_ACTIONS[action]];

function audit(w: Work, actor: Actor, what: string, id: number, summary: Record<string, unknown>) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `documents.${what}`,
    entity: 'document_draft',
    entityId: id,
    summary,
  });
}

/** 拟稿 / 修改: the open draft of the matter's opinion, created or changed. A change undoes a sign-off. */
export async function saveDraft(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: SaveInput,
): Promise<number> {
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    ensureReadable(c !== undefined && draftPolicy.read(actor, c));
    if (!c) throw notFound();
    const def = actionDef(input.action);
    if (!def.from.includes(c.state as CaseState))
      throw conflict(
        'draft_not_now',
        `事项当前状态为「${STATE_NAMES[c.state as CaseState]}」，不能拟写${draftTitle(input.action)}`,
      );
    ensureAllowed(draftPolicy.write(actor, c, input.action), `您不能拟写该事项的${draftTitle(input.action)}`);
    const outcome = input.fields.outcome;
    if (outcome && !OUTCOMES_OF[input.action].includes(outcome))
      throw badRequest(
        'invalid_outcome',
        `处理结果应为${OUTCOMES_OF[input.action].join('、')}之一`,
        'fields.outcome',
      );
    const fields: Record<string, string> = {};
    for (const f of DRAFT_FIELDS[input.action]) {
      const v = input.fields[f as keyof SaveInput['fields']];
      if (v) fields[f] = v;
    }
    const [open] = await w.tx
      .select()
      .from(documentDrafts)
      .where(
        and(
          eq(documentDrafts.caseId, caseId),
          eq(documentDrafts.action, input.action),
          ne(documentDrafts.status, 'issued'),
        ),
      )
      .for('update');
    const now = new Date();
    if (!open) {
      const unit = await new UnitLookup(ctx.db).unit(w.tx, actor.unitId);
      if (!unit) throw notFound();
      const rules = await rulesOfUnit(ctx, w.tx, unit);
      const [row] = await w.tx
        .insert(documentDrafts)
        .values({
          caseId,
          action: input.action,
          unitId: unit.id,
          fields,
          template: input.template ?? rules.template,
          createdBy: actor.userId,
          updatedBy: actor.userId,
          updatedAt: now,
        })
        .returning({ id: documentDrafts.id });
      const id = row?.id ?? 0;
      audit(w, actor, 'draft', id, { caseId, action: input.action });
      return id;
    }
    if (input.version !== undefined && input.version !== open.version)
      throw conflict('draft_changed', '草稿已被他人修改，请刷新后再改');
    const template = input.template ?? open.template;
    const changed = !sameText(input.action, open.fields, fields) || template !== open.template;
    await w.tx
      .update(documentDrafts)
      .set({
        fields,
        template,
        version: open.version + 1,
        updatedBy: actor.userId,
        updatedAt: now,
        // The leader signed the text as it was: a changed text goes back to them.
        ...(changed ? { status: 'draft', signedBy: null, signedAt: null, signComment: null } : {}),
      })
      .where(eq(documentDrafts.id, open.id));
    audit(w, actor, 'draft', open.id, {
      caseId,
      action: input.action,
      signoffUndone: changed && open.status === 'signed',
    });
    return open.id;
  });
}

async function draftAndCase(exec: Work['tx'] | AppContext['db'], actor: Actor, id: number, lock: boolean) {
  const q = exec.select().from(documentDrafts).where(eq(documentDrafts.id, id));
  const [d] = lock ? await q.for('update') : await q;
  if (!d) throw notFound('未找到该文书草稿');
  const [c] = await exec.select().from(cases).where(eq(cases.id, d.caseId));
  ensureReadable(c !== undefined && draftPolicy.read(actor, c));
  return { d, c: c as typeof cases.$inferSelect };
}

/** 签发: a leader of the unit or above signs off the text they previewed (its version). */
export async function signDraft(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof SignBody>) {
  await runCommand(ctx, async (w) => {
    const { d } = await draftAndCase(w.tx, actor, id, true);
    if (d.status === 'issued') throw conflict('draft_issued', '该意见书已出具');
    if (d.status === 'signed') throw conflict('draft_signed', '该草稿已签发');
    const unit = await new UnitLookup(ctx.db).unit(w.tx, d.unitId);
    ensureAllowed(!!unit && draftPolicy.sign(actor, unit), '只有本单位或上级信访部门的领导可以签发');
    if (input.version !== d.version)
      throw conflict('draft_changed', '草稿在您审阅后已被修改，请重新预览后再签发');
    await w.tx
      .update(documentDrafts)
      .set({
        status: 'signed',
        signedBy: actor.userId,
        signedAt: new Date(),
        signComment: input.comment ?? null,
      })
      .where(eq(documentDrafts.id, id));
    audit(w, actor, 'signoff', id, { caseId: d.caseId, action: d.action, version: d.version });
  });
}

/**
 * 出具: the lifecycle action with the draft's text (the version the issuer confirmed). The action's
 * own transaction checks the sign-off again (subscribers.ts) and marks the draft issued.
 */
export async function issueDraft(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof IssueBody>,
) {
  const { d } = await draftAndCase(ctx.db, actor, id, false);
  if (d.status === 'issued') throw conflict('draft_issued', '该意见书已出具');
  if (input.version !== d.version)
    throw conflict('draft_changed', '草稿在您确认后已被修改，请重新预览后再出具');
  return executeAction(ctx, actor, d.caseId, {
    action: d.action,
    ...d.fields,
    ...(input.lateReason ? { lateReason: input.lateReason } : {}),
  });
}
