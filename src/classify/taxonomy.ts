// The official content classification as prior knowledge (分类体系先验). A bureau's labelled history
// covers the topics it happened to receive; the official three-level tree (一级/二级/三级分类) says
// where every topic belongs, including the ones no labelled matter named — e.g. 地铁城铁 sits under
// 城乡建设, not 交通运输. Each leaf becomes a short labelled text, "level3。level2 level3" with its
// first-level category as the label, that joins every fit (`PriorDocs` in model.ts: never a
// held-out or test row). Measured in docs/classifier.md ("The official tree as prior rows").
import fs from 'node:fs';
import path from 'node:path';
import { dictionaryAt } from '../categories/queries.ts';
import type { Executor } from '../db/client.ts';
import { firstLevelOf } from '../domain/admin/categories.ts';
import { categoryByCode } from '../domain/categories.ts';
import { parseCsvObjects } from './csv.ts';
import { type FeatureOptions, featureTokens, type TokenTable } from './features.ts';
import type { PriorDocs } from './model.ts';

/** Labelled prior rows as texts: they join every training part, never a test fold. */
export interface PriorInput {
  texts: readonly string[];
  labels: readonly string[];
}

/**
 * Each leaf counts as this many rows: 1–4 copies all measured within +0.004–0.005 of each other on
 * the grouped folds (docs/classifier.md). Two also keeps a leaf's own words in the vocabulary, which
 * takes a feature only when two documents have it (`minDf`): a topic no labelled row names is the point.
 */
export const TAXONOMY_COPIES = 2;

/** The file name looked for beside the training CSV when `--taxonomy` is not given. */
export const TAXONOMY_FILE = 'taxonomy.csv';

/** Prior rows from a taxonomy CSV with the columns level1, level2, level3 (level3 may be empty). */
export function taxonomyPrior(csv: string): PriorInput & { leaves: number } {
  const { header, rows } = parseCsvObjects(csv);
  const missing = ['level1', 'level2', 'level3'].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new Error(`分类体系 CSV 缺少列 / taxonomy CSV misses columns: ${missing.join(', ')}`);
  }
  return priorOfLeaves(
    rows.map((r) => {
      const [l1, l2, l3] = [r.level1, r.level2, r.level3].map((s) => (s ?? '').trim()) as [
        string,
        string,
        string,
      ];
      return { label: categoryByCode(l1)?.name ?? l1, level2: l2, level3: l3 };
    }),
  );
}

interface Leaf {
  label: string;
  level2: string;
  level3: string;
}

function priorOfLeaves(leafRows: readonly Leaf[]): PriorInput & { leaves: number } {
  const texts: string[] = [];
  const labels: string[] = [];
  let leaves = 0;
  for (const { label, level2, level3 } of leafRows) {
    if (!label || !(level2 || level3)) continue;
    const text = level3 && level2 ? `${level3}。${level2} ${level3}` : level3 || level2;
    leaves++;
    for (let k = 0; k < TAXONOMY_COPIES; k++) {
      texts.push(text);
      labels.push(label);
    }
  }
  return { texts, labels, leaves };
}

/**
 * Prior rows from the platform's own category dictionary (二、三级, src/categories/, kept by the
 * province administrator): each live third level, and each live second level without one. The
 * first level is the category of the code's first two digits.
 */
export function dictionaryPrior(
  entries: readonly { code: string; parentCode: string; level: number; name: string; retired: boolean }[],
): PriorInput & { leaves: number } {
  const live = entries.filter((e) => !e.retired);
  const names = new Map(live.map((e) => [e.code, e.name]));
  const parents = new Set(live.filter((e) => e.level === 3).map((e) => e.parentCode));
  const leafRows = live
    .filter((e) => e.level === 3 || (e.level === 2 && !parents.has(e.code)))
    .map((e) => ({
      label: categoryByCode(firstLevelOf(e.code))?.name ?? '',
      level2: e.level === 3 ? (names.get(e.parentCode) ?? '') : e.name,
      level3: e.level === 3 ? e.name : '',
    }));
  return priorOfLeaves(leafRows);
}

/** Where a run's tree comes from: a CSV file, the platform's category dictionary, or nowhere. */
export type TaxonomySource = { kind: 'file'; file: string } | { kind: 'dictionary'; asked: boolean };

/**
 * The tree a run uses: the file named, the dictionary when `dictionary` is named, none when `false`
 * (`--no-taxonomy`); else `taxonomy.csv` beside the training file if there is one, else (for
 * `classify train`, `dictionaryByDefault`) the dictionary.
 */
export function taxonomySourceFor(
  flag: string | boolean | undefined,
  input: string,
  dictionaryByDefault: boolean,
): TaxonomySource | undefined {
  if (flag === false) return undefined;
  if (flag === 'dictionary') return { kind: 'dictionary', asked: true };
  if (typeof flag === 'string') return { kind: 'file', file: flag };
  const beside = path.join(path.dirname(input), TAXONOMY_FILE);
  if (fs.existsSync(beside)) return { kind: 'file', file: beside };
  return dictionaryByDefault ? { kind: 'dictionary', asked: false } : undefined;
}

/** The prior rows in a model's own token ids. */
export const internPrior = (
  prior: PriorInput | undefined,
  table: TokenTable,
  features: FeatureOptions,
): PriorDocs | undefined =>
  prior && { docs: prior.texts.map((t) => table.intern(featureTokens(t, features))), labels: prior.labels };

/** The dictionary's current version as prior rows (`classify train` without a taxonomy file). */
export async function storedTaxonomyPrior(db: Executor) {
  const { version, entries } = await dictionaryAt(db);
  return { version, ...dictionaryPrior(entries) };
}
