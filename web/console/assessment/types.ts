// The shapes of /api/v1/assessment: the server's own types (src/assessment/contract.ts), type-only.
import type { ScorecardView } from '../../../src/assessment/contract.ts';

export type {
  Item as ItemResult,
  LettersAnswer,
  LetterView as Letter,
  MattersAnswer,
  RecordDetail,
  RecordItem as AccRecord,
  SchemeItem,
  SchemeView as Scheme,
  ScorecardView as Scorecard,
  UnitHistory as History,
} from '../../../src/assessment/contract.ts';
export type ScoreRow = ScorecardView['rows'][number];

export const KIND_COLORS: Record<string, string> = {
  notice: 'orange',
  interview: 'blue',
  special_management: 'purple',
  accountability: 'red',
};

export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
