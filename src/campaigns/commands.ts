// Commands on campaigns (专项行动), each one transaction (runCommand) with one audit row: launch a
// campaign, manage it (targets, close, reopen), add a register entry (排查台账: a case in scope or a
// dispute not yet petitioned), move an entry's status. Refusals in the engine's order: not visible
// (404), wrong status (409), not allowed (403), bad payload (400) — a refusal changes nothing.
// Entries hold no names or numbers of people: a dispute is described, placed and counted only.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { UnitLookup } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { campaignEntries, campaigns, caseEvents, cases } from '../db/schema.ts';
import { CAMPAIGN_EVENTS } from '../domain/campaigns/timeline.ts';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUS_NAMES,
  type CampaignStatus,
  CROSS_KINDS,
  canMoveEntry,
  ENTRY_STATUS_NAMES,
  ENTRY_STATUSES,
  type EntryStatus,
  RISK_LEVELS,
} from '../domain/campaigns/vocabulary.ts';
import { categoryLabel } from '../domain/categories.ts';
import { chainOf, prefixOf } from '../domain/jurisdictions.ts';
import { zCode, zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { type Actor, campaignPolicy } from '../policies/campaigns.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type CampaignRow, type EntryRow, visibleCampaign } from './queries.ts';

const percent = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, `${label}不能小于0`)
    .max(100, `${label}不能大于100`)
    .nullable();

const Targets = z.object({
  targetRate: percent('化解率目标（%）').optional(),
  targetInvestigated: z
    .number({ error: '排查件数目标应为整数' })
    .int('排查件数目标应为整数')
    .min(0, '排查件数目标不能小于0')
    .max(10_000_000, '排查件数目标过大')
    .nullable()
    .optional(),
  targetStabilityRate: percent('三跨三分离化解稳定率目标（%）').optional(),
});

export const CampaignFields = Targets.extend({
  name: zText({ label: '专项行动名称', min: 1, max: 100 }),
  kind: z.enum(CAMPAIGN_KINDS, { error: '类型应为 hundred_days、screening、special 或 other' }),
  description: zText({ label: '工作要求', max: 5000 }).optional(),
  startDate: zDate('开始日期'),
  endDate: zDate('结束日期'),
  scopeCode: zCode().optional().meta({ description: '范围（行政区划代码），默认为本人所属辖区' }),
});
export type CampaignInput = z.infer<typeof CampaignFields>;

export const CampaignActionBody = z.discriminatedUnion('action', [
  Targets.extend({ action: z.literal('set_targets') }),
  z.object({ action: z.literal('close') }),
  z.object({ action: z.literal('reopen') }),
]);
export type CampaignActionInput = z.infer<typeof CampaignActionBody>;

export const EntryFields = z.object({
  caseId: zId('信访事项编号').optional().meta({ description: '已登记的信访事项（在专项行动范围内）' }),
  description: zText({ label: '矛盾纠纷概况', min: 1, max: 2000 }).optional(),
  jurisdictionCode: zCode()
    .optional()
    .meta({ description: '发生地（行政区划代码）；关联信访事项时取其问题属地' }),
  partiesCount: z
    .number({ error: '涉及人数应为整数' })
    .int('涉及人数应为整数')
    .min(1, '涉及人数至少为1')
    .max(100_000, '涉及人数过大')
    .optional(),
  category: zText({ label: '问题类别', min: 1, max: 50 }).optional(),
  riskLevel: z.enum(RISK_LEVELS, { error: '风险等级应为 high、medium 或 low' }).optional(),
  responsibleUnitId: zId('责任单位').optional(),
  crossKinds: z
    .array(z.enum(CROSS_KINDS, { error: '未知的三跨三分离类型' }))
    .max(CROSS_KINDS.length)
    .optional(),
  note: zText({ label: '备注', max: 2000 }).optional(),
});
export type EntryInput = z.infer<typeof EntryFields>;

export const EntryStatusBody = z.object({
  status: z.enum(ENTRY_STATUSES, { error: '状态应为 registered、resolving、resolved 或 unresolved' }),
  note: zText({ label: '情况说明', max: 2000 }).optional(),
  stable: z.boolean({ error: '是否稳定应为 true 或 false' }).optional(),
});
export type EntryStatusInput = z.infer<typeof EntryStatusBody>;

// ---- Helpers ---------------------------------------------------------------------------------------

function audit(w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown>) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `campaign.${action}`,
    entity: 'campaign',
    entityId: id,
    summary,
  });
}

/** The linked case's internal timeline event for a step of its register entry. */
async function caseEvent(
  w: Work,
  actor: Actor,
  caseId: number,
  kind: keyof typeof CAMPAIGN_EVENTS,
  at: Date,
  detail: Record<string, unknown>,
) {
  await w.tx.insert(caseEvents).values({
    caseId,
    at,
    action: CAMPAIGN_EVENTS[kind].event,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    detail,
    public: false,
  });
}

function ensureOpen(c: CampaignRow) {
  if (c.status !== 'active')
    throw conflict(
      'campaign_closed',
      `专项行动当前状态为“${CAMPAIGN_STATUS_NAMES[c.status as CampaignStatus]}”，不能登记或更新台账`,
    );
}

const inScope = (c: Pick<CampaignRow, 'scopeCode'>, code: string) => code.startsWith(prefixOf(c.scopeCode));

// ---- Campaigns ---------------------------------------------------------------------------------------

export async function createCampaign(ctx: AppContext, actor: Actor, input: CampaignInput): Promise<number> {
  const scopeCode = input.scopeCode ?? actor.jurisdictionCode ?? '';
  ensureAllowed(
    campaignPolicy.create(actor, scopeCode),
    '只有本辖区信访部门的督查员或领导可以部署专项行动（范围不能超出本辖区）',
  );
  if (input.endDate < input.startDate)
    throw badRequest('campaign_period_invalid', '结束日期不能早于开始日期', 'endDate');
  return runCommand(ctx, async (w) => {
    const j = await new UnitLookup(ctx.db).jurisdiction(w.tx, scopeCode);
    if (!j) throw badRequest('campaign_scope_unknown', '未知的行政区划代码', 'scopeCode');
    const now = new Date();
    const [row] = await w.tx
      .insert(campaigns)
      .values({
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
        startDate: input.startDate,
        endDate: input.endDate,
        scopeCode,
        ownerUnitId: actor.unitId ?? 0,
        targetRate: input.targetRate ?? null,
        targetInvestigated: input.targetInvestigated ?? null,
        targetStabilityRate: input.targetStabilityRate ?? null,
        status: 'active',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: campaigns.id });
    if (!row) throw new Error('campaign insert returned nothing');
    audit(w, actor, 'create', row.id, { name: input.name, kind: input.kind, scopeCode });
    return row.id;
  });
}

export async function actOnCampaign(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: CampaignActionInput,
): Promise<void> {
  await runCommand(ctx, async (w) => {
    const c = await visibleCampaign(w.tx, actor, id, true);
    const status = c.status as CampaignStatus;
    if (
      (input.action === 'close' && status !== 'active') ||
      (input.action === 'reopen' && status !== 'closed')
    )
      throw conflict(
        'campaign_wrong_status',
        `专项行动当前状态为“${CAMPAIGN_STATUS_NAMES[status]}”，不能${CAMPAIGN_ACTIONS[input.action]}`,
      );
    ensureAllowed(
      campaignPolicy.manage(actor, c, input.action),
      `只有部署专项行动的信访部门或其上级的督查员、领导可以${CAMPAIGN_ACTIONS[input.action]}`,
    );
    const now = new Date();
    const patch: Partial<typeof campaigns.$inferInsert> = { updatedAt: now };
    if (input.action === 'close') patch.status = 'closed';
    if (input.action === 'reopen') patch.status = 'active';
    if (input.action === 'set_targets') {
      if (input.targetRate !== undefined) patch.targetRate = input.targetRate;
      if (input.targetInvestigated !== undefined) patch.targetInvestigated = input.targetInvestigated;
      if (input.targetStabilityRate !== undefined) patch.targetStabilityRate = input.targetStabilityRate;
    }
    await w.tx.update(campaigns).set(patch).where(eq(campaigns.id, c.id));
    const { action, ...rest } = input;
    audit(w, actor, action, c.id, { from: status, ...rest });
  });
}

// ---- Register entries ----------------------------------------------------------------------------------

export async function addEntry(
  ctx: AppContext,
  actor: Actor,
  campaignId: number,
  input: EntryInput,
): Promise<number> {
  return runCommand(ctx, async (w) => {
    const c = await visibleCampaign(w.tx, actor, campaignId, true);
    ensureOpen(c);
    const lookup = new UnitLookup(ctx.db);
    let linked: typeof cases.$inferSelect | undefined;
    if (input.caseId !== undefined) {
      [linked] = await w.tx.select().from(cases).where(eq(cases.id, input.caseId));
      if (!linked) throw notFound('未找到该信访事项，或您无权查看');
      ensureReadable(casePolicy.read(actor, linked));
    }
    ensureAllowed(
      campaignPolicy.mayWork(actor, 'add_entry'),
      '只有专项行动范围内的信访部门或责任单位可以登记排查台账',
    );
    if (!linked) {
      if (!input.description)
        throw badRequest('campaign_entry_description_required', '请填写矛盾纠纷概况', 'description');
      if (!input.jurisdictionCode)
        throw badRequest('campaign_entry_place_required', '请填写发生地', 'jurisdictionCode');
      if (!input.category) throw badRequest('campaign_entry_category_required', '请填写问题类别', 'category');
      if (!(await lookup.jurisdiction(w.tx, input.jurisdictionCode)))
        throw badRequest('campaign_entry_place_unknown', '未知的行政区划代码', 'jurisdictionCode');
    }
    const responsibleUnitId = input.responsibleUnitId ?? linked?.assignedUnitId ?? null;
    const ref = {
      jurisdictionCode: linked?.jurisdictionCode ?? input.jurisdictionCode ?? '',
      responsibleUnitId,
    };
    if (!inScope(c, ref.jurisdictionCode))
      throw badRequest(
        linked ? 'campaign_case_out_of_scope' : 'campaign_entry_out_of_scope',
        linked ? '该信访事项的问题属地不在专项行动范围内' : '发生地不在专项行动范围内',
        linked ? 'caseId' : 'jurisdictionCode',
      );
    ensureAllowed(
      campaignPolicy.work(actor, c, ref, 'add_entry'),
      '只能登记本辖区的矛盾纠纷，或以本单位为责任单位的事项',
    );
    if (input.responsibleUnitId !== undefined) {
      const unit = await lookup.unit(w.tx, input.responsibleUnitId);
      if (!unit || !chainOf(ref.jurisdictionCode).includes(unit.jurisdictionCode))
        throw badRequest('campaign_unit_invalid', '责任单位应为发生地或其上级的单位', 'responsibleUnitId');
    }
    if (linked) {
      const [dup] = await w.tx
        .select({ id: campaignEntries.id })
        .from(campaignEntries)
        .where(and(eq(campaignEntries.campaignId, c.id), eq(campaignEntries.caseId, linked.id)));
      if (dup) throw conflict('campaign_entry_exists', '该信访事项已在本专项行动的排查台账中');
    }
    const now = new Date();
    const [row] = await w.tx
      .insert(campaignEntries)
      .values({
        campaignId: c.id,
        caseId: linked?.id ?? null,
        description: input.description ?? linked?.subject ?? '',
        jurisdictionCode: ref.jurisdictionCode,
        partiesCount: input.partiesCount ?? 1,
        category: input.category ?? categoryLabel(linked?.categoryCode),
        riskLevel: input.riskLevel ?? 'medium',
        responsibleUnitId,
        status: 'registered',
        crossKinds: [...new Set(input.crossKinds ?? [])],
        statusNote: input.note ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: campaignEntries.id });
    if (!row) throw conflict('campaign_entry_exists', '该信访事项已在本专项行动的排查台账中');
    if (linked)
      await caseEvent(w, actor, linked.id, 'entry_added', now, {
        campaignId: c.id,
        entryId: row.id,
        note: c.name,
      });
    audit(w, actor, 'add_entry', c.id, {
      entryId: row.id,
      caseId: linked?.id ?? null,
      jurisdictionCode: ref.jurisdictionCode,
      cross: (input.crossKinds ?? []).length > 0,
    });
    return row.id;
  });
}

export async function updateEntry(
  ctx: AppContext,
  actor: Actor,
  campaignId: number,
  entryId: number,
  input: EntryStatusInput,
): Promise<void> {
  await runCommand(ctx, async (w) => {
    const c = await visibleCampaign(w.tx, actor, campaignId);
    const [e]: EntryRow[] = await w.tx
      .select()
      .from(campaignEntries)
      .where(and(eq(campaignEntries.id, entryId), eq(campaignEntries.campaignId, c.id)))
      .for('update');
    if (!e || !campaignPolicy.readEntry(actor, e)) throw notFound('未找到该台账条目，或您无权查看');
    ensureOpen(c);
    const from = e.status as EntryStatus;
    const sameStatus = from === input.status;
    if (!sameStatus && !canMoveEntry(from, input.status))
      throw conflict(
        'campaign_entry_wrong_status',
        `台账条目当前为“${ENTRY_STATUS_NAMES[from]}”，不能改为“${ENTRY_STATUS_NAMES[input.status]}”`,
      );
    if (sameStatus && input.stable === undefined)
      throw conflict('campaign_entry_wrong_status', `台账条目已是“${ENTRY_STATUS_NAMES[from]}”`);
    ensureAllowed(
      campaignPolicy.work(actor, c, e, 'update_entry'),
      '只有属地信访部门或责任单位可以更新台账条目',
    );
    const cross = (e.crossKinds as string[]).length > 0;
    if (input.stable !== undefined && !cross)
      throw badRequest('campaign_stable_not_cross', '只有“三跨三分离”事项需要标注是否稳定', 'stable');
    const now = new Date();
    await w.tx
      .update(campaignEntries)
      .set({
        status: input.status,
        ...(input.stable !== undefined ? { stable: input.stable } : {}),
        ...(input.note !== undefined ? { statusNote: input.note } : {}),
        resolvedAt: input.status === 'resolved' ? now : null,
        updatedAt: now,
      })
      .where(eq(campaignEntries.id, e.id));
    if (e.caseId !== null && !sameStatus)
      await caseEvent(w, actor, e.caseId, 'entry_status', now, {
        campaignId: c.id,
        entryId: e.id,
        note: `${c.name}：${ENTRY_STATUS_NAMES[input.status]}${input.note ? `（${input.note}）` : ''}`,
      });
    audit(w, actor, 'update_entry', c.id, {
      entryId: e.id,
      from,
      to: input.status,
      ...(input.stable !== undefined ? { stable: input.stable } : {}),
    });
  });
}
