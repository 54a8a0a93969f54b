// A small RFC 4180 CSV reader: quoted fields with commas, newlines and doubled quotes, CRLF or LF,
// a UTF-8 byte-order mark. No dependency: the classifier's training files and the category tree
// (src/categories/import.ts) are the only CSV input.

/** Every record as an array of fields (the header is the first record). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (; i < n; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV: 引号未闭合 / unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines are not records.
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Records as objects keyed by the header's column names. */
export function parseCsvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...body] = parseCsv(text);
  const names = header.map((h) => h.trim());
  return {
    header: names,
    rows: body.map((r) => Object.fromEntries(names.map((h, k) => [h, r[k] ?? '']))),
  };
}
