// The search tokens of a new case, derived from its text before its transaction (CPU work that need
// not hold the transaction open): the generated tsvector and its GIN index are built from them.
import { caseSearchTokens } from './tokenize.ts';

export const searchColumns = (c: { subject: string; content: string }) => ({
  searchTokens: caseSearchTokens(c.subject, c.content),
});
