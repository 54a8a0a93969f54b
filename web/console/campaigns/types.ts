// Shapes of /api/v1/campaigns answers used by the console's 专项行动 pages: the server's contract.
export type {
  Campaign,
  CampaignDetail,
  Entry,
  JurisdictionNumbers,
  Numbers,
  TargetCheck,
} from '../../../src/campaigns/contract.ts';

export const pct = (r: number | null | undefined) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
