// Reads behind 案件查询: the synonym dictionary, what a query expands to, and the pickers that let a
// place or a unit be found by name as well as by code (within the caller's jurisdiction).
import { and, asc, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jurisdictions, searchSynonyms, units } from '../db/schema.ts';
import { expandedTerms, expandTokens } from '../domain/search/synonyms.ts';
import type { Actor } from '../policies/actor.ts';
import { synonymDictionary } from './synonyms.ts';
import { queryTokens } from './tokenize.ts';

/** A LIKE pattern matching `s` literally inside the text. */
const containing = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listSynonymGroups(db: Db, term?: string) {
  return db
    .select()
    .from(searchSynonyms)
    .where(
      term
        ? sql`exists (select 1 from unnest(${searchSynonyms.terms}) t where t ilike ${containing(term)})`
        : undefined,
    )
    .orderBy(asc(searchSynonyms.id));
}

/** What a text query searches for: its words, and per word the synonyms it also finds. */
export async function explainQuery(db: Db, q: string) {
  const dict = await synonymDictionary(db);
  const tokens = queryTokens(q);
  const clauses = expandTokens(tokens, dict);
  return {
    words: clauses.map((alternatives) => ({
      word: (alternatives[0] ?? []).join(''),
      synonyms: alternatives.slice(1).map((run) => run.join('')),
    })),
    terms: expandedTerms(clauses),
  };
}

/** Jurisdictions in the caller's subtree whose name contains `q` or whose code starts with it. */
export function findPlaces(db: Db, actor: Actor, q: string, limit = 20) {
  const byCode = /^\d+$/.test(q);
  return db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      fullName: jurisdictions.fullName,
      level: jurisdictions.level,
    })
    .from(jurisdictions)
    .where(
      and(
        actor.scopePrefix ? like(jurisdictions.code, `${actor.scopePrefix}%`) : undefined,
        byCode
          ? like(jurisdictions.code, `${q}%`)
          : or(ilike(jurisdictions.name, containing(q)), ilike(jurisdictions.fullName, containing(q))),
      ),
    )
    .orderBy(asc(jurisdictions.level), asc(jurisdictions.code))
    .limit(limit);
}

/** Units in the caller's subtree (or the caller's own unit) whose name contains `q`. */
export function findUnits(db: Db, actor: Actor, q: string, limit = 20) {
  return db
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      jurisdictionCode: units.jurisdictionCode,
    })
    .from(units)
    .where(
      and(
        actor.scopePrefix
          ? or(
              like(units.jurisdictionCode, `${actor.scopePrefix}%`),
              actor.unitId !== null ? eq(units.id, actor.unitId) : undefined,
            )
          : undefined,
        or(ilike(units.name, containing(q)), ilike(units.shortName, containing(q))),
      ),
    )
    .orderBy(asc(units.jurisdictionCode), asc(units.id))
    .limit(limit);
}
