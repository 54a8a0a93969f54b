// A small RFC 4180 CSV reader: quoted fields with commas, newlines and doubled quotes, CRLF or LF,
// a UTF-8 byte-order mark. No dependency: the classifier's training files and the category tree
// (src/categories/import.ts) are the only CSV input.

/** Every record as an array of fields (the header is the first record). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

/** Every record with the line of the file it starts on (1 = the first), for messages about it. */
export function parseCsvRecords(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1; // the line the scan is on
  let start = 1; // the line the current record started on
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
      } else {
        // A newline inside quotes is part of the field, and still a line of the file.
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      records.push({ fields: row, line: start });
      row = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) throw new Error('CSV: 引号未闭合 / unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    records.push({ fields: row, line: start });
  }
  // Blank lines are not records.
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
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

/** One CSV line (RFC 4180): fields with a comma, quote or line break quoted, quotes doubled. */
export function csvLine(fields: readonly (string | number)[]): string {
  return fields
    .map((f) => {
      const s = String(f);
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');
}
