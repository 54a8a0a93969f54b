// Agreement of a clustering with a reference grouping: purity and the adjusted Rand index
// (Hubert & Arabie 1985: 0 = chance, 1 = identical). Items are aligned by position.

function contingency(a: readonly string[], b: readonly string[]) {
  const table = new Map<string, Map<string, number>>();
  for (let i = 0; i < a.length; i++) {
    const row = table.get(a[i] as string) ?? new Map<string, number>();
    row.set(b[i] as string, (row.get(b[i] as string) ?? 0) + 1);
    table.set(a[i] as string, row);
  }
  return table;
}

/** Share of items whose cluster's majority reference group is their own. */
export function purity(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length === 0) return 1;
  let hit = 0;
  for (const row of contingency(predicted, truth).values()) hit += Math.max(...row.values());
  return Math.round((hit / predicted.length) * 1000) / 1000;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function adjustedRandIndex(predicted: readonly string[], truth: readonly string[]): number {
  const table = contingency(predicted, truth);
  let index = 0;
  const colSums = new Map<string, number>();
  let rows = 0;
  for (const row of table.values()) {
    let rowSum = 0;
    for (const [col, n] of row) {
      index += pairs(n);
      rowSum += n;
      colSums.set(col, (colSums.get(col) ?? 0) + n);
    }
    rows += pairs(rowSum);
  }
  let cols = 0;
  for (const n of colSums.values()) cols += pairs(n);
  const expected = (rows * cols) / pairs(predicted.length || 1);
  const max = (rows + cols) / 2;
  const ari = max === expected ? 1 : (index - expected) / (max - expected);
  return Math.round(ari * 1000) / 1000;
}
