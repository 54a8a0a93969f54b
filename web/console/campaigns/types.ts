// Shapes of /api/v1/campaigns answers used by the console's 专项行动 pages.
import type { Numbers, TargetCheck } from '../../../src/domain/campaigns/numbers.ts';

export type { Numbers, TargetCheck };

export interface Campaign {
  id: number;
  name: string;
  kind: string;
  kindName: string;
  description: string | null;
  startDate: string;
  endDate: string;
  scopeCode: string;
  scopeName: string;
  status: string;
  statusName: string;
  targetRate: number | null;
  targetInvestigated: number | null;
  targetStabilityRate: number | null;
  numbers: Numbers;
  targets: TargetCheck[];
  targetMet: boolean | null;
}

export interface Entry {
  id: number;
  caseId: number | null;
  caseNumber: string | null;
  description: string;
  jurisdictionCode: string;
  place: string;
  partiesCount: number;
  category: string;
  riskLevel: string;
  riskName: string;
  responsibleUnitId: number | null;
  responsibleUnit: string | null;
  status: string;
  statusName: string;
  crossKinds: string[];
  crossNames: string[];
  stable: boolean | null;
  statusNote: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface JurisdictionNumbers extends Numbers {
  code: string;
  name: string;
}

export interface CampaignDetail extends Campaign {
  partial: boolean;
  base: { code: string; name: string };
  byJurisdiction: JurisdictionNumbers[];
  entries: Entry[];
  truncated: boolean;
  availableActions: string[];
}

export const pct = (r: number | null | undefined) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
