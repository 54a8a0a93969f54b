// Synonym expansion of a search query (拆迁 → 拆迁 | 征收 | 征地拆迁). Pure: the caller gives the
// dictionary with every term already cut into query tokens (the same jieba precise mode as the
// query), so a multi-word term (拖欠工资 → 拖欠 工资) matches the same token run in a query.
//
// A query's tokens are read left to right; at each position the longest token run that is a term
// of some group is replaced by a clause "any term of those groups" (a term = all its tokens);
// a token in no group stays a clause of its own. Every clause must match (AND), as without synonyms.

/** A dictionary ready for queries: each group's terms as token runs. */
export interface SynonymDictionary {
  groups: readonly (readonly (readonly string[])[])[];
  /** first token → the runs starting with it (with their group), longest first. */
  byFirst: ReadonlyMap<string, readonly { run: readonly string[]; group: number }[]>;
}

export const EMPTY_DICTIONARY: SynonymDictionary = { groups: [], byFirst: new Map() };

/** Groups of terms as written → the dictionary (`tokens` is the query tokenizer). */
export function compileDictionary(
  groups: readonly (readonly string[])[],
  tokens: (term: string) => string[],
): SynonymDictionary {
  const compiled: string[][][] = [];
  const byFirst = new Map<string, { run: string[]; group: number }[]>();
  for (const terms of groups) {
    const runs = uniqueRuns(terms.map(tokens).filter((r) => r.length > 0));
    if (runs.length < 2) continue; // a group of one term expands nothing
    const group = compiled.length;
    compiled.push(runs);
    for (const run of runs) {
      const first = run[0] as string;
      const list = byFirst.get(first) ?? [];
      list.push({ run, group });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.run.length - a.run.length);
  return { groups: compiled, byFirst };
}

/** The query as clauses: each clause a list of alternatives, each alternative a token run (AND). */
export type ExpandedQuery = string[][][];

export function expandTokens(tokens: readonly string[], dict: SynonymDictionary): ExpandedQuery {
  const clauses: ExpandedQuery = [];
  for (let i = 0; i < tokens.length; ) {
    const candidates = dict.byFirst.get(tokens[i] as string) ?? [];
    const longest = candidates.find((c) => c.run.every((t, k) => tokens[i + k] === t));
    if (!longest) {
      clauses.push([[tokens[i] as string]]);
      i++;
      continue;
    }
    const len = longest.run.length;
    const groups = new Set(
      candidates
        .filter((c) => c.run.length === len && c.run.every((t, k) => tokens[i + k] === t))
        .map((c) => c.group),
    );
    clauses.push(uniqueRuns([...groups].flatMap((g) => dict.groups[g] ?? [])));
    i += len;
  }
  return clauses;
}

/** Did any clause get alternatives (else the plain query is the same)? */
export const isExpanded = (q: ExpandedQuery): boolean => q.some((c) => c.length > 1);

/** Every token of every alternative, once (what the highlight marks). */
export const expandedTerms = (q: ExpandedQuery): string[] => [...new Set(q.flat(2))];

function uniqueRuns(runs: readonly (readonly string[])[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const r of runs) {
    const key = r.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      out.push([...r]);
    }
  }
  return out;
}

/** Checks a group as an editor wrote it: trimmed, distinct terms; a message when it is not usable. */
export function checkTerms(raw: readonly string[]): { terms: string[] } | { error: string } {
  const terms = [...new Set(raw.map((t) => t.normalize('NFKC').trim()).filter(Boolean))];
  if (terms.length < 2) return { error: '同义词组至少需要两个不同的词' };
  if (terms.length > 20) return { error: '同义词组最多20个词' };
  const long = terms.find((t) => t.length > 20);
  if (long) return { error: `词语“${long.slice(0, 20)}…”过长（不超过20个字）` };
  return { terms };
}
