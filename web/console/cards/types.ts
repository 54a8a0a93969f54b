// The shapes of /api/v1/cards answers: the server's own types (src/cards/contract.ts), type-only.
import type { FullCard } from '../../../src/cards/contract.ts';

export type {
  CardRates,
  CheckAnswer,
  CheckedVisit,
  Entry as CardEntry,
} from '../../../src/cards/contract.ts';
/** A card as listed (no visits) or in full. */
export type Card = Omit<FullCard, 'visits'> & Partial<Pick<FullCard, 'visits'>>;
