// What /api/v1/experts and /api/v1/expert-assignments answer: the server's contract.
export type {
  AssignmentItem,
  AssignmentList,
  ExpertDetail,
  ExpertItem,
} from '../../../src/experts/contract.ts';

export const AVAILABILITY_COLORS: Record<string, string> = {
  available: 'green',
  busy: 'gold',
  unavailable: 'default',
};
