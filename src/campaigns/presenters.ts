// What the API answers for campaigns: the campaign with its numbers and targets, register rows (no
// personal data: a dispute is described, placed and counted; a linked case is named by its number),
// the actions the caller may take now.
import {
  CAMPAIGN_KIND_NAMES,
  CAMPAIGN_STATUS_NAMES,
  type CampaignKind,
  type CampaignStatus,
  CROSS_KIND_NAMES,
  type CrossKind,
  ENTRY_STATUS_NAMES,
  type EntryStatus,
  RISK_NAMES,
  type RiskLevel,
} from '../domain/campaigns/vocabulary.ts';
import { type Actor, campaignPolicy } from '../policies/campaigns.ts';
import type { Campaign, CampaignDetail, Entry } from './contract.ts';
import type { CampaignRow, CampaignSummary, campaignRegister, EntryRow } from './queries.ts';

export function presentCampaign(c: CampaignRow, scopeName?: string) {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    kindName: CAMPAIGN_KIND_NAMES[c.kind as CampaignKind] ?? c.kind,
    description: c.description,
    startDate: c.startDate,
    endDate: c.endDate,
    scopeCode: c.scopeCode,
    scopeName: scopeName ?? c.scopeCode,
    status: c.status,
    statusName: CAMPAIGN_STATUS_NAMES[c.status as CampaignStatus] ?? c.status,
    targetRate: c.targetRate,
    targetInvestigated: c.targetInvestigated,
    targetStabilityRate: c.targetStabilityRate,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentSummary(s: CampaignSummary, scopeName?: string): Campaign {
  return {
    ...presentCampaign(s.campaign, scopeName),
    numbers: s.numbers,
    targets: s.targets,
    targetMet: s.targetMet,
  };
}

export function presentEntry(
  r: { e: EntryRow; caseNumber: string | null; unitName: string | null },
  names: Map<string, string>,
): Entry {
  const e = r.e;
  const cross = e.crossKinds as CrossKind[];
  return {
    id: e.id,
    caseId: e.caseId,
    caseNumber: r.caseNumber,
    description: e.description,
    jurisdictionCode: e.jurisdictionCode,
    place: names.get(e.jurisdictionCode) ?? e.jurisdictionCode,
    partiesCount: e.partiesCount,
    category: e.category,
    riskLevel: e.riskLevel,
    riskName: RISK_NAMES[e.riskLevel as RiskLevel] ?? e.riskLevel,
    responsibleUnitId: e.responsibleUnitId,
    responsibleUnit: r.unitName,
    status: e.status,
    statusName: ENTRY_STATUS_NAMES[e.status as EntryStatus] ?? e.status,
    crossKinds: cross,
    crossNames: cross.map((k) => CROSS_KIND_NAMES[k] ?? k),
    stable: e.stable,
    statusNote: e.statusNote,
    createdAt: e.createdAt.toISOString(),
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
  };
}

export function presentDetail(
  actor: Actor,
  c: CampaignRow,
  reg: Awaited<ReturnType<typeof campaignRegister>>,
): CampaignDetail {
  const manage = (a: 'set_targets' | 'close' | 'reopen') => campaignPolicy.manage(actor, c, a);
  const availableActions: CampaignDetail['availableActions'] = [
    ...(c.status === 'active' && campaignPolicy.mayWork(actor, 'add_entry') ? (['add_entry'] as const) : []),
    ...(manage('set_targets') ? (['set_targets'] as const) : []),
    ...(c.status === 'active' && manage('close') ? (['close'] as const) : []),
    ...(c.status === 'closed' && manage('reopen') ? (['reopen'] as const) : []),
  ];
  return {
    ...presentCampaign(c, reg.names.get(c.scopeCode)),
    numbers: reg.numbers,
    targets: reg.targets,
    targetMet: reg.targetMet,
    /** The numbers are those of the entries the caller sees (their subtree). */
    partial: !campaignPolicy.readAll(actor, c),
    base: reg.base,
    byJurisdiction: reg.byJurisdiction,
    entries: reg.rows.map((r) => presentEntry(r, reg.names)),
    truncated: reg.truncated,
    availableActions,
  };
}
