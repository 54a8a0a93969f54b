// What /api/v1/mediation answers: the server's own types (src/mediation/contract.ts), type-only.
export type {
  BodyItem,
  CountRow,
  InterventionItem,
  ReferralDetail,
  ReferralItem,
} from '../../../src/mediation/contract.ts';

export const STATUS_COLORS: Record<string, string> = {
  referred: 'processing',
  agreement: 'green',
  no_agreement: 'orange',
  settled: 'success',
  withdrawn: 'default',
};
