// Classifier variants on grouped folds (docs/classifier.md, "Experiments"): the model as fitted
// (calibration off: a temperature does not change the argmax) on the same grouped 5 folds as the
// honest estimate, with the macro-F1 per fold, on titled and run-together rows apart, and per label.
// Quality, not speed: the fit seconds only compare lines of one run.
//
//   npx tsx bench/classifier-variants.ts [--input ../shared/data/train.csv]
//     OPTS='{"features":{"headChars":0}}'       training options (src/classify/model.ts)
//     AUG=drop|crop|sentdrop COPIES=2 KEEP=0.7  extra noisy copies of each training row
//     LEXICON=3                                 lexicon hits per category as features (at most N)
//     FRACTION=0.5                              train on a random part of each training fold
//     SEED=2                                    another split into folds (default 1)
//     GROUP=words:4                             also group rows that share a rare word (≥ 3 characters,
//                                               in at most 4 rows): the same place or estate
//     EXTRA=file.csv                            more labelled rows (title,body,label) joining every
//                                               training part (never a test fold); rows near a
//                                               train row (Jaccard ≥ 0.5) are left out
//     TAXONOMY=../shared/data/taxonomy.csv      the official tree's leaves as prior rows
//                                               (src/classify/taxonomy.ts), as `classify train` uses them
//     CLUSTERS=file.json                        word clusters from unlabelled messages
//                                               (bench/word-clusters.ts) as extra features
//     CLUSTER_KEYS=800r0,200r0                  only these clusterings of the file
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsvObjects } from '../src/classify/csv.ts';
import { scoreLabels } from '../src/classify/evaluate.ts';
import { type FeatureOptions, featureTokens, TokenTable } from '../src/classify/features.ts';
import { groupedStratifiedFolds, nearDuplicateGroups } from '../src/classify/groups.ts';
import { argmax } from '../src/classify/honest.ts';
import { LEXICON } from '../src/classify/lexicon.ts';
import { DEFAULT_TRAIN, rng, type TrainOptions, trainFromTokens } from '../src/classify/model.ts';
import { taxonomyPrior } from '../src/classify/taxonomy.ts';
import { readClusterFile, type WordClusterFile } from './clusters-file.ts';

const { values } = parseArgs({ options: { input: { type: 'string', default: '../shared/data/train.csv' } } });
const { rows } = parseCsvObjects(fs.readFileSync(values.input as string, 'utf8'));
/** Subject and body as one text, as `classify train --text title,body` joins them. */
const joined = (r: Record<string, string | undefined>) =>
  [r.title, r.body]
    .map((s) => (s ?? '').trim())
    .filter(Boolean)
    .join('。');
const texts = rows.map(joined);
const labels = rows.map((r) => r.label as string);
// Half the rows have no title: subject and body arrive run together in the body.
const kind = rows.map((r) => (r.title?.trim() ? 'titled' : 'run-together'));

const options: Partial<TrainOptions> = JSON.parse(process.env.OPTS ?? '{}');
const features: FeatureOptions = { ...DEFAULT_TRAIN.features, ...(options.features ?? {}) };
const augment = process.env.AUG ?? 'none';
const copies = Number(process.env.COPIES ?? 2);
const keep = Number(process.env.KEEP ?? 0.7);
const lexiconCap = Number(process.env.LEXICON ?? 0);
const fraction = Number(process.env.FRACTION ?? 1);

/** Lexicon keywords of each category found in the text, as up to `lexiconCap` `L:` features. */
function lexiconTokens(text: string): string[] {
  if (!lexiconCap) return [];
  const n = text.normalize('NFKC').toLowerCase();
  return Object.entries(LEXICON).flatMap(([category, terms]) => {
    const hits = terms.filter((t) => n.includes(t)).length;
    return Array.from({ length: Math.min(hits, lexiconCap) }, () => `L:${category}`);
  });
}
// Word clusters learned from unlabelled messages (CLUSTERS=file.json[.gz] from bench/word-clusters.ts,
// as src/classify/clusters.ts reads it): each word also counts as its cluster, `k<set>:<cluster>`.
// CLUSTER_KEYS=800r0,200r0 keeps only those clusterings of the file.
const clusterKeys = process.env.CLUSTER_KEYS?.split(',');
const clusterFile: WordClusterFile = process.env.CLUSTERS
  ? readClusterFile(process.env.CLUSTERS)
  : { words: [], sets: [] };
const clusterMaps = clusterFile.sets
  .filter((s) => !clusterKeys || clusterKeys.includes(s.name))
  .map((s) => [s.name, new Map(clusterFile.words.map((w, i) => [w, s.cluster[i] as number]))] as const);
function clusterTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (!t.startsWith('w:')) continue;
    for (const [k, m] of clusterMaps) {
      const c = m.get(t.slice(2));
      if (c !== undefined) out.push(`k${k}:${c}`);
    }
  }
  return out;
}
const tokensOf = (text: string) => {
  const f = featureTokens(text, features);
  return [...f, ...clusterTokens(f), ...lexiconTokens(text)];
};

const table = new TokenTable();
const docs = texts.map((t) => table.intern(tokensOf(t)));

// Extra labelled rows (e.g. distant labels) for every training part, minus near-copies of train rows.
const extraDocs: Int32Array[] = [];
const extraLabels: string[] = [];
if (process.env.EXTRA) {
  const extra = parseCsvObjects(fs.readFileSync(process.env.EXTRA, 'utf8')).rows;
  const extraTexts = extra.map(joined);
  const g = nearDuplicateGroups([...texts, ...extraTexts], 0.5);
  const nearTrain = new Set(texts.map((_, i) => g[i]));
  let dropped = 0;
  extraTexts.forEach((t, k) => {
    if (nearTrain.has(g[texts.length + k] as number)) {
      dropped++;
      return;
    }
    extraDocs.push(table.intern(tokensOf(t)));
    extraLabels.push(extra[k]?.label as string);
  });
  const per: Record<string, number> = {};
  for (const l of extraLabels) per[l] = (per[l] ?? 0) + 1;
  console.log(`extra rows: ${extraDocs.length} (${dropped} near a train row left out)`, per);
}
// The official tree as prior rows, exactly as `classify train` adds them (never a test row).
const prior = process.env.TAXONOMY
  ? (() => {
      const p = taxonomyPrior(fs.readFileSync(process.env.TAXONOMY, 'utf8'));
      return { docs: p.texts.map((t) => table.intern(tokensOf(t))), labels: p.labels };
    })()
  : undefined;
const sentences = texts.map((t) => t.split(/(?<=[。！？!?\n；;])/u).filter((s) => s.trim()));
const fold = groupedStratifiedFolds(labels, foldGroups(), 5, Number(process.env.SEED ?? 1));

/**
 * Near-duplicates (Jaccard ≥ 0.8), and with GROUP=words:N also rows sharing a rare long word — an
 * estate, a road, a school named in at most N rows — so that a fold's test rows are about places
 * its training rows never named, as new messages mostly are.
 */
function foldGroups(): Int32Array {
  const groups = nearDuplicateGroups(texts, 0.8);
  const spec = /^words:(\d+)$/.exec(process.env.GROUP ?? '');
  if (!spec) return groups;
  const maxDf = Number(spec[1]);
  const parent = Int32Array.from(groups);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const rowsOf = new Map<string, number[]>();
  texts.forEach((t, i) => {
    for (const tok of new Set(featureTokens(t, { ...features, headChars: 0 }))) {
      if (!tok.startsWith('w:') || [...tok].length < 5) continue; // 'w:' + ≥ 3 characters
      const list = rowsOf.get(tok);
      if (list) list.push(i);
      else rowsOf.set(tok, [i]);
    }
  });
  // Rarest words first, and no group past 12 rows: a chain of shared words would otherwise join
  // half the file into one group (one fold).
  const size = new Int32Array(texts.length);
  for (const g of groups) size[g] = (size[g] as number) + 1;
  const lists = [...rowsOf.values()]
    .filter((l) => l.length >= 2 && l.length <= maxDf)
    .sort((a, b) => a.length - b.length);
  for (const list of lists) {
    for (const i of list.slice(1)) {
      const a = find(list[0] as number);
      const b = find(i);
      if (a === b || (size[a] as number) + (size[b] as number) > 12) continue;
      parent[b] = a;
      size[a] = (size[a] as number) + (size[b] as number);
    }
  }
  const out = Int32Array.from(texts, (_, i) => find(i));
  const sizes = new Map<number, number>();
  for (const g of out) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const multi = [...sizes.values()].filter((n) => n > 1);
  console.log(
    `groups (GROUP=${process.env.GROUP}): ${multi.length} holding ${multi.reduce((a, b) => a + b, 0)} rows, largest ${Math.max(...multi)}`,
  );
  return out;
}
const random = rng(7);

/** A noisy copy of row i: features dropped, a contiguous run of sentences, or sentences dropped. */
function noisyCopy(i: number): Int32Array | null {
  if (augment === 'drop') return (docs[i] as Int32Array).filter(() => random() < keep);
  const s = sentences[i] as string[];
  if (augment === 'crop') {
    if (s.length < 2) return null;
    const n = Math.max(1, Math.round(s.length * keep));
    const start = Math.floor(random() * (s.length - n + 1));
    return table.intern(tokensOf(s.slice(start, start + n).join('')));
  }
  const kept = s.filter(() => random() < keep);
  return kept.length ? table.intern(tokensOf(kept.join(''))) : null;
}

const predicted = new Array<string>(labels.length);
const f1s: number[] = [];
let seconds = 0;
for (let f = 0; f < 5; f++) {
  const train = [...labels.keys()].filter((i) => fold[i] !== f && (fraction >= 1 || random() < fraction));
  const test = [...labels.keys()].filter((i) => fold[i] === f);
  const trainDocs = train.map((i) => docs[i] as Int32Array);
  const trainLabels = train.map((i) => labels[i] as string);
  if (augment !== 'none') {
    for (let c = 0; c < copies; c++) {
      for (const i of train) {
        const copy = noisyCopy(i);
        if (!copy) continue;
        trainDocs.push(copy);
        trainLabels.push(labels[i] as string);
      }
    }
  }
  trainDocs.push(...extraDocs);
  trainLabels.push(...extraLabels);
  const started = performance.now();
  const { model } = trainFromTokens(
    trainDocs,
    table,
    trainLabels,
    { calibrationFolds: 0, ...options, features },
    undefined,
    prior,
  );
  seconds += (performance.now() - started) / 1000;
  for (const i of test) {
    predicted[i] = model.labels[
      argmax(model.probabilities(model.vectorOfTokens(tokensOf(texts[i] as string))))
    ] as string;
  }
  f1s.push(
    scoreLabels(
      test.map((i) => labels[i] as string),
      test.map((i) => predicted[i] as string),
    ).macroF1,
  );
}

const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
const std = Math.sqrt(f1s.reduce((a, b) => a + (b - mean) ** 2, 0) / (f1s.length - 1));
const variant = {
  options,
  augment,
  copies,
  keep,
  lexiconCap,
  fraction,
  extra: process.env.EXTRA,
  taxonomy: process.env.TAXONOMY,
  clusters: process.env.CLUSTERS,
};
console.log(
  `${JSON.stringify(variant)}\n  macro-F1 ${mean.toFixed(4)} ± ${std.toFixed(4)} ` +
    `[${Math.min(...f1s).toFixed(3)}–${Math.max(...f1s).toFixed(3)}] folds ${f1s.map((x) => x.toFixed(3)).join(' ')}; ` +
    `fit ${(seconds / 5).toFixed(1)} s per fold`,
);
for (const k of ['titled', 'run-together']) {
  const ix = [...labels.keys()].filter((i) => kind[i] === k);
  const s = scoreLabels(
    ix.map((i) => labels[i] as string),
    ix.map((i) => predicted[i] as string),
  );
  console.log(`  ${k} rows (${ix.length}): macro-F1 ${s.macroF1}`);
}
const pooled = scoreLabels(labels, predicted);
console.log(
  `  per label F1: ${Object.entries(pooled.perLabel)
    .map(([l, v]) => `${l} ${v.f1}`)
    .join(', ')}`,
);
