// Shapes of /api/v1/hall answers: the server's own types (src/hall/contract.ts), type-only.
export type {
  DisplayOut as DisplayData,
  DutyOut as Duty,
  HistoryOut as History,
  VisitOut as Visit,
} from '../../../src/hall/contract.ts';
