// The routing suggestion of a text: the three likeliest content categories with their probability
// and responsible department (resolved to the place's units), the words behind the first, and the
// legal-channel hints. One function for the registration form (POST /api/v1/classify) and for every
// matter at intake (src/intake), so both say the same.
import type { Db } from '../db/client.ts';
import { suggestSubcategory } from '../domain/admin/categories.ts';
import { categoryByName } from '../domain/categories.ts';
import { type LegalHint, matchLegalChannels } from '../domain/legalChannels.ts';
import { cachedLegalChannelRules } from '../settings/legalChannels.ts';
import { LexiconClassifier } from './lexicon.ts';
import {
  type Department,
  departmentKey,
  liveRouting,
  type RoutingLookup,
  routesSubcategories,
} from './routing.ts';
import { activeClassifier } from './store.ts';

export interface SuggestedCategory {
  category: string;
  /** The label's code in src/domain/categories.ts; null for a trained label outside the list. */
  code: string | null;
  probability: number;
  department: Department;
}

export interface RoutingSuggestion {
  top3: SuggestedCategory[];
  why: { term: string; weight: number }[];
  modelVersion: number | 'lexicon';
}

export const joinedText = (subject: string, content: string) =>
  [subject, content].filter((s) => s.trim()).join('。');

/** `routing`: where the place's routing is read from (a pass over many matters reads it once). */
export async function suggestRouting(
  db: Db,
  input: { subject: string; content: string; jurisdictionCode?: string },
  routing: RoutingLookup = liveRouting(db),
): Promise<RoutingSuggestion> {
  const { subject, content, jurisdictionCode } = input;
  const { classifier, version } = await activeClassifier(db);
  const text = joinedText(subject, content);
  const prediction =
    classifier instanceof LexiconClassifier
      ? classifier.predictParts(subject, content)
      : classifier.predict(text);
  const table = await routing.table(jurisdictionCode);
  // A 细分类 routed on its own (城市管理 → 城管局): the one the text names, as the registration form offers it.
  const entries = routesSubcategories(table) ? await routing.subcategories() : [];
  const keys = prediction.top.map((t) => {
    const code = categoryByName(t.label)?.code;
    const sub = code && entries.length > 0 ? suggestSubcategory(entries, code, text)?.code : null;
    return departmentKey(table, t.label, text, sub);
  });
  const departments = await routing.departments(keys, jurisdictionCode);
  return {
    top3: prediction.top.map((t, i) => ({
      category: t.label,
      code: categoryByName(t.label)?.code ?? null,
      probability: Math.round(t.probability * 10_000) / 10_000,
      department: departments[i] as Department,
    })),
    why: prediction.why,
    modelVersion: version,
  };
}

/** 依法分类处理: the legal channels a text points to, under the rules in force for its place. */
export async function legalHintsFor(
  db: Db,
  text: string,
  categories: readonly string[],
  jurisdictionCode?: string,
): Promise<LegalHint[]> {
  return matchLegalChannels(text, await cachedLegalChannelRules(db, jurisdictionCode), { categories });
}
