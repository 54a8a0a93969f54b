// The official content classification as prior knowledge (分类体系先验). A bureau's labelled history
// covers the topics it happened to receive; the official three-level tree (一级/二级/三级分类) says
// where every topic belongs, including the ones no labelled matter named — e.g. 地铁城铁 sits under
// 城乡建设, not 交通运输. Each leaf becomes a short labelled text, "level3。level2 level3" with its
// first-level category as the label, that joins every fit (`PriorDocs` in model.ts: never a
// held-out or test row). Measured in docs/classifier.md ("The official tree as prior rows").
import fs from 'node:fs';
import path from 'node:path';
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
 * the grouped folds (docs/classifier.md); two lets a leaf outweigh a stray labelled row.
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
  const texts: string[] = [];
  const labels: string[] = [];
  let leaves = 0;
  for (const r of rows) {
    const [l1, l2, l3] = [r.level1, r.level2, r.level3].map((s) => (s ?? '').trim());
    if (!l1 || !(l2 || l3)) continue;
    const text = l3 && l2 ? `${l3}。${l2} ${l3}` : l3 || l2;
    const label = categoryByCode(l1 as string)?.name ?? (l1 as string);
    leaves++;
    for (let k = 0; k < TAXONOMY_COPIES; k++) {
      texts.push(text as string);
      labels.push(label);
    }
  }
  return { texts, labels, leaves };
}

/**
 * The taxonomy file a training run uses: the one named, none when `false` (`--no-taxonomy`), else
 * `taxonomy.csv` beside the training file if there is one.
 */
export function taxonomyFileFor(flag: string | boolean | undefined, input: string): string | undefined {
  if (flag === false) return undefined;
  if (typeof flag === 'string') return flag;
  const beside = path.join(path.dirname(input), TAXONOMY_FILE);
  return fs.existsSync(beside) ? beside : undefined;
}

/** The prior rows in a model's own token ids. */
export const internPrior = (
  prior: PriorInput | undefined,
  table: TokenTable,
  features: FeatureOptions,
): PriorDocs | undefined =>
  prior && { docs: prior.texts.map((t) => table.intern(featureTokens(t, features))), labels: prior.labels };
