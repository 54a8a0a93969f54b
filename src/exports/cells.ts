// Spreadsheet cells that a spreadsheet program could take for a formula (CSV/formula injection):
// text starting with = + - @, or with a tab or carriage return (which some programs strip before
// reading on). Every export writes text through `neutraliseFormula` (src/exports/xlsx.ts and the
// workbooks built beside it). Pure, no dependencies.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text with an apostrophe in front when it could start a formula; other text unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value: text neutralised, numbers, dates and booleans as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}
