// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF, quoted fields.
// Cells that start like a formula are prefixed with ' so Excel shows them as text; long digit
// strings (case numbers, codes) are written as ="…" so Excel keeps every digit.

export type Cell = string | { digits: string };

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const cell = (c: Cell) => {
  if (typeof c !== 'string') return quote(`="${c.digits.replace(/\D/g, '')}"`);
  return quote(/^[=+\-@\t\r]/.test(c) ? `'${c}` : c);
};

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadCsv(filename: string, header: string[], rows: Cell[][]): void {
  const blob = new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
