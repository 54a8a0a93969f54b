// What other capabilities add to cases without the case code knowing them (src/capabilities.ts
// wires them): columns derived from a new case's text, full-text search in lists, related matters.
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { cases } from '../db/schema.ts';
import type { SimilarCase } from '../domain/relatedCases.ts';
import type { SynonymDictionary } from '../domain/search/synonyms.ts';
import type { Actor } from '../policies/index.ts';
import type { CaseRow } from './units.ts';

/** 'rum': PostgreSQL with the RUM extension and cases_search_rum_idx; 'gin': everywhere else. */
export type SearchIndex = 'rum' | 'gin';

/** What a list's `q=` means: the condition, the relevance and the words to highlight. */
export interface TextQuery {
  where: SQL;
  rank?: SQL;
  terms: string[];
}

export interface TextSearch {
  /** `hash` is the PII lookup hash: with it, a full ID or phone number finds the party's cases. */
  query(q: string, actor: Actor, hash?: (plain: string) => string, synonyms?: SynonymDictionary): TextQuery;
  /** The synonym dictionary `query` expands words with (loaded before a search, cached). */
  synonyms?(db: Db): Promise<SynonymDictionary>;
  /** Which index serves word searches on this database (src/search/rum.ts); unset: 'gin'. */
  index?(db: Db): Promise<SearchIndex>;
  /** At most this share of cases holds any of these words (src/search/wordStats.ts); unset: 1. */
  shareBound?(db: Db, terms: string[]): Promise<number>;
  /** The passage of a hit around the words, HTML-escaped with <mark>. */
  highlight(c: { subject: string; content: string }, terms: string[]): string | undefined;
}

/** The parties' lookup hashes of a case, when the caller has them already (the detail read them). */
export type PartyHashes = { role: string; idNumberHash: string | null; phoneHash: string | null }[];

export interface CaseExtensions {
  /** Columns derived from a new case's subject and content before it is written (search tokens). */
  columns: ((c: { subject: string; content: string }) => Partial<typeof cases.$inferInsert>)[];
  /** Full-text search in case lists (src/search). */
  textSearch: TextSearch;
  /** Matters related to a case: same petitioner, linked repeats, similar content (src/duplicates). */
  related(ctx: AppContext, actor: Actor, c: CaseRow, parties?: PartyHashes): Promise<SimilarCase[]>;
}
