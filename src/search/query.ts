// What `?q=` means in the case list (listCases adds it to the caller's scope and filters):
//   - an 18-character ID number or an 11-digit mobile number: the cases whose party has it, by the
//     HMAC hash (names, numbers and addresses are encrypted, so nothing fuzzier is possible) — only
//     for roles that may see personal data in full (casePolicy.searchByPii); also a case-number prefix;
//   - 6–19 digits: case numbers starting with them (trigram index);
//   - anything else: full text, every query word present (jieba words, AND), ranked by ts_rank_cd;
//     a word of a synonym group may be any word of that group (拆迁 finds 征收; src/search/synonyms.ts).
import { inArray, like, type SQL, sql } from 'drizzle-orm';
import { caseParties, cases } from '../db/schema.ts';
import {
  EMPTY_DICTIONARY,
  expandedTerms,
  expandTokens,
  isExpanded,
  type SynonymDictionary,
} from '../domain/search/synonyms.ts';
import { checkIdNumber } from '../domain/validation/idNumber.ts';
import { checkMobile } from '../domain/validation/phone.ts';
import { type Actor, casePolicy } from '../policies/index.ts';
import { queryTokens } from './tokenize.ts';

export interface CaseSearch {
  mode: 'text' | 'number' | 'party';
  where: SQL;
  /** Relevance, higher first (text mode only). */
  rank?: SQL;
  /** Words to highlight in the results (text mode only). */
  terms: string[];
}

const ID_LIKE = /^\d{17}[\dX]$/;
const DIGITS = /^\d{6,19}$/;

/**
 * The search a `q` asks for; `hash` is the PII lookup hash (without it, no party matching);
 * `synonyms` expands the words of a text search (without it, none).
 */
export function caseSearch(
  q: string,
  actor: Actor,
  hash?: (plain: string) => string,
  synonyms: SynonymDictionary = EMPTY_DICTIONARY,
): CaseSearch {
  const compact = q.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  const byNumber = like(cases.caseNumber, `${compact}%`);
  const allowed = hash !== undefined && casePolicy.searchByPii(actor);
  // One id list from both indexes (party hash, case-number trigrams): an OR of the two conditions
  // would make PostgreSQL scan every case.
  const partyOrNumber = (
    column: typeof caseParties.idNumberHash | typeof caseParties.phoneHash,
    value: string,
  ) =>
    inArray(
      cases.id,
      sql`(SELECT ${caseParties.caseId} FROM ${caseParties} WHERE ${column} = ${hash?.(value) ?? ''}
           UNION SELECT c2.id FROM cases c2 WHERE c2.case_number LIKE ${`${compact}%`})`,
    );

  if (ID_LIKE.test(compact)) {
    const id = checkIdNumber(compact);
    return {
      mode: 'party',
      where: allowed && id.ok ? partyOrNumber(caseParties.idNumberHash, id.value.idNumber) : byNumber,
      terms: [],
    };
  }
  const phone = checkMobile(compact);
  if (phone.ok) {
    return {
      mode: 'party',
      where: allowed ? partyOrNumber(caseParties.phoneHash, phone.value) : byNumber,
      terms: [],
    };
  }
  if (DIGITS.test(compact)) return { mode: 'number', where: byNumber, terms: [] };

  const tokens = queryTokens(q);
  if (tokens.length === 0) return { mode: 'text', where: sql`false`, terms: tokens };
  const expanded = expandTokens(tokens, synonyms);
  // Without a synonym the one plain query as before; with some, each clause an OR of its
  // alternatives (each plainto_tsquery: its tokens ANDed), the clauses ANDed. Composed from
  // parameters by tsquery operators, so no term is ever parsed as tsquery syntax.
  const query = isExpanded(expanded)
    ? sql`(${sql.join(
        expanded.map(
          (alternatives) =>
            sql`(${sql.join(
              alternatives.map((run) => sql`plainto_tsquery('simple', ${run.join(' ')})`),
              sql` || `,
            )})`,
        ),
        sql` && `,
      )})`
    : sql`plainto_tsquery('simple', ${tokens.join(' ')})`;
  return {
    mode: 'text',
    where: sql`"cases"."search_vector" @@ ${query}`,
    rank: sql`ts_rank_cd("cases"."search_vector", ${query})`,
    terms: expandedTerms(expanded),
  };
}
