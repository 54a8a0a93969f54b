// Shapes of /api/v1/backlog answers used by the console's 积案 pages: the server's own types
// (src/backlog/contract.ts), type-only so no server code enters the bundle.
export type {
  LedgerAnswer as Ledger,
  LedgerRow,
  MatterDetail,
  MatterItem,
  PackageView,
  RateRow,
} from '../../../src/backlog/contract.ts';

export const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
