// Aligned text tables for the terminal (and, copied, for docs/performance.md).

export interface Row {
  benchmark: string;
  value: number;
  unit: string;
  /** value ÷ the baseline INSERT TPS of the same database in the same run. */
  ratio: number;
  /** Latency percentiles in ms, for HTTP runs. */
  p50?: number;
  p95?: number;
  p99?: number;
  /** Requests or rows behind the figure. */
  count: number;
}

const fmtNumber = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

/** A Markdown-compatible pipe table with aligned columns. */
export function formatTable(rows: Row[]): string {
  const head = ['benchmark', 'value', 'unit', 'ratio vs baseline', 'p50 ms', 'p95 ms', 'p99 ms', 'n'];
  const rightAligned = [false, true, false, true, true, true, true, true];
  const ms = (v: number | undefined) => (v === undefined ? '—' : String(v));
  const body = rows.map((r) => [
    r.benchmark,
    fmtNumber(r.value),
    r.unit,
    r.ratio.toFixed(3),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    String(r.count),
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((cells) => width(cells[i] ?? ''))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => pad(c, widths[i] ?? 0, rightAligned[i] ?? false)).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...body.map(line)].join('\n');
}
