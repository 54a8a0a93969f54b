// Shapes of /api/v1/supervision answers used by the console's 督查督办 pages: the server's own
// types (src/supervision/contract.ts), type-only.

export type { OrderDetail, OrderItem } from '../../../src/supervision/contract.ts';

export const STATUS_COLORS: Record<string, string> = {
  issued: 'orange',
  feedback_filed: 'blue',
  closed: 'green',
};
