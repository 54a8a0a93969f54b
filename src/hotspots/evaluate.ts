// Agreement of hotspots with a hand-made grouping of some of the messages into problems (a
// "truth": message id → problem), as an analyst would check it:
//   coverage  — for each problem, the share of its messages in the one hotspot holding most of
//               them (a problem spread over two hotspots, or left mostly outside, scores low);
//   purity    — of the messages in hotspots that hold labelled messages, the share belonging to
//               their hotspot's main problem; unlabelled members count against it, because the
//               grouping lists every message of each of its problems (an unlabelled member of a
//               hotspot is a message of another matter pulled in);
//   adjusted Rand — over the labelled messages, hotspot (or "alone") against problem.
// Plus the checks of issue 21: no problem twice among the top ten, the top five's coverage.
import { adjustedRandIndex } from './metrics.ts';

export interface TruthRow {
  problem: string;
  /** Optional subset name ("tune" / "eval"): tuning and evaluation use different problems. */
  split?: string;
}

export interface EvaluatedCluster {
  ids: readonly (string | number)[];
  label: string;
}

export interface ProblemReport {
  problem: string;
  split?: string;
  messages: number;
  /** Share of the problem's messages in the hotspot holding most of them. */
  coverage: number;
  /** Hotspots holding at least two of its messages. */
  hotspots: number;
  /** Rank (1-based) and label of the hotspot holding most of them, if any. */
  rank: number | null;
  label: string | null;
}

export interface TruthReport {
  labelled: number;
  problems: number;
  purity: number;
  /** Mean coverage over problems (each problem counts once). */
  coverage: number;
  /** Coverage over messages (big problems weigh more). */
  coverageMessages: number;
  adjustedRand: number;
  /** Problems that are the main problem of two or more of the top ten hotspots. */
  duplicatedInTop10: string[];
  /**
   * For each of the top five hotspots: its main problem and the share of that problem's messages
   * it holds (null: no labelled message in it).
   */
  top5: { rank: number; label: string; problem: string | null; coverage: number | null }[];
  perProblem: ProblemReport[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * `clusters` ranked as shown (best first); messages not in any are alone. Only truth rows whose
 * split is `split` count, when given; ids are compared as strings.
 */
export function evaluateAgainstTruth(
  clusters: readonly EvaluatedCluster[],
  truth: ReadonlyMap<string, TruthRow>,
  split?: string,
): TruthReport {
  const problemOf = new Map<string, string>();
  const splitOf = new Map<string, string | undefined>();
  for (const [id, row] of truth) {
    if (split && row.split !== split) continue;
    problemOf.set(id, row.problem);
    splitOf.set(row.problem, row.split);
  }
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, k) => {
    for (const id of c.ids) clusterOf.set(String(id), k);
  });
  // problem → cluster → count
  const table = new Map<string, Map<number, number>>();
  const sizes = new Map<string, number>();
  for (const [id, p] of problemOf) {
    sizes.set(p, (sizes.get(p) ?? 0) + 1);
    const k = clusterOf.get(id);
    if (k === undefined) continue;
    const row = table.get(p) ?? new Map<number, number>();
    row.set(k, (row.get(k) ?? 0) + 1);
    table.set(p, row);
  }
  const best = (p: string): [number, number] => {
    let out: [number, number] = [-1, sizes.get(p) ? 1 : 0];
    for (const [k, n] of table.get(p) ?? []) if (n > out[1] || (n === out[1] && out[0] < 0)) out = [k, n];
    return out;
  };
  const perProblem: ProblemReport[] = [...sizes]
    .map(([p, n]) => {
      const [k, hit] = best(p);
      return {
        problem: p,
        split: splitOf.get(p),
        messages: n,
        coverage: r3(hit / n),
        hotspots: [...(table.get(p)?.values() ?? [])].filter((x) => x >= 2).length,
        rank: k >= 0 ? k + 1 : null,
        label: k >= 0 ? (clusters[k]?.label ?? null) : null,
      };
    })
    .sort((a, b) => b.messages - a.messages || (a.problem < b.problem ? -1 : 1));

  // Main problem of each cluster (by labelled members), and purity over those clusters.
  const main = clusters.map((c) => {
    const counts = new Map<string, number>();
    for (const id of c.ids) {
      const p = problemOf.get(String(id));
      if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    let top: [string | null, number] = [null, 0];
    for (const [p, n] of counts) if (n > top[1]) top = [p, n];
    return { problem: top[0], hits: top[1], size: c.ids.length };
  });
  const touched = main.filter((m) => m.problem !== null);
  const inTouched = touched.reduce((s, m) => s + m.size, 0);
  const purity = inTouched === 0 ? 1 : touched.reduce((s, m) => s + m.hits, 0) / inTouched;

  const ids = [...problemOf.keys()];
  const predicted = ids.map((id) => {
    const k = clusterOf.get(id);
    return k === undefined ? `alone:${id}` : `c${k}`;
  });
  const seen = new Map<string, number>();
  for (const m of main.slice(0, 10)) if (m.problem) seen.set(m.problem, (seen.get(m.problem) ?? 0) + 1);
  const labelled = ids.length;
  return {
    labelled,
    problems: perProblem.length,
    purity: r3(purity),
    coverage: r3(perProblem.reduce((s, p) => s + p.coverage, 0) / Math.max(1, perProblem.length)),
    coverageMessages: r3(perProblem.reduce((s, p) => s + p.coverage * p.messages, 0) / Math.max(1, labelled)),
    adjustedRand: adjustedRandIndex(
      predicted,
      ids.map((id) => problemOf.get(id) as string),
    ),
    duplicatedInTop10: [...seen].filter(([, n]) => n > 1).map(([p]) => p),
    top5: main.slice(0, 5).map((m, k) => ({
      rank: k + 1,
      label: clusters[k]?.label ?? '',
      problem: m.problem,
      coverage: m.problem ? r3(m.hits / (sizes.get(m.problem) as number)) : null,
    })),
    perProblem,
  };
}
