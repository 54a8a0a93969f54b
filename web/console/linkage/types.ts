// What /api/v1/linkage, /api/v1/relief and /api/v1/sanwu answer: the server's own types
// (src/linkage/contract.ts, src/relief/contract.ts, src/sanwu/contract.ts), type-only.

export type {
  Actions,
  Cooperation,
  CountRow,
  History,
  Member,
  MembersAnswer,
  ReferralCounts,
  ReferralDetail,
  ReferralItem,
} from '../../../src/linkage/contract.ts';
export type { Application as ReliefApplication } from '../../../src/relief/contract.ts';
export type { Evaluation as SanwuEvaluation } from '../../../src/sanwu/contract.ts';

import type { Actions, History } from '../../../src/linkage/contract.ts';

export type HistoryEntry = History[number];
export type ActionRef = Actions[number];

export const REFERRAL_STATUS_COLORS: Record<string, string> = {
  referred: 'processing',
  fed_back: 'gold',
  closed: 'green',
};
export const RELIEF_STATUS_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'gold',
  rejected: 'default',
  paid: 'cyan',
  closed: 'green',
};
