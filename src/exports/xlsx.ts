// Excel workbooks (.xlsx) for list exports: case lists and indicator tables (analytics).
// One sheet, an optional title and subtitle above a bold frozen header row, column widths and
// number formats, an optional bold totals row, and every cell written as a typed value:
// strings stay strings, so long digit codes (case numbers, ID-like codes) keep every digit, and
// text that could start a formula (= + - @ …) gets an apostrophe in front (src/exports/cells.ts):
// exceljs writes it as a plain string, but a copy-paste or a save as CSV would not keep it one.
import ExcelJS from 'exceljs';
import { safeCell } from './cells.ts';

export type XlsxCell = string | number | boolean | Date | null | undefined;

export interface XlsxColumn<K extends string = string> {
  header: string;
  key: K;
  /** Width in characters (a CJK character counts about 2). */
  width?: number;
  /** Excel number format, e.g. 'yyyy-mm-dd hh:mm' for dates. */
  numFmt?: string;
}

export interface XlsxSheet<K extends string = string> {
  sheetName: string;
  columns: readonly XlsxColumn<K>[];
  rows: readonly Partial<Record<K, XlsxCell>>[];
  /** Rows above the header: a bold title, and a grey subtitle (period, filters). */
  title?: string;
  subtitle?: string;
  /** A last row in bold (合计). */
  totals?: Partial<Record<K, XlsxCell>>;
  /** Optional note written in a row under the table (e.g. "只导出了前 10,000 条"). */
  footnote?: string;
}

/** Sheet names: at most 31 characters and none of : \ / ? * [ ] (Excel's rules). */
export const safeSheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

export async function toXlsx<K extends string>(sheet: XlsxSheet<K>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光信访';
  wb.created = new Date();
  const above = [sheet.title, sheet.subtitle].filter((t) => t !== undefined).length;
  const ws = wb.addWorksheet(safeSheetName(sheet.sheetName), {
    views: [{ state: 'frozen', ySplit: above + 1 }],
  });
  ws.columns = sheet.columns.map((c) => ({
    key: c.key,
    width: c.width ?? 14,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  if (sheet.title !== undefined) ws.addRow([safeCell(sheet.title)]).font = { bold: true, size: 14 };
  if (sheet.subtitle !== undefined)
    ws.addRow([safeCell(sheet.subtitle)]).font = { color: { argb: 'FF666666' } };
  ws.addRow(sheet.columns.map((c) => safeCell(c.header))).font = { bold: true };
  const typed = (r: Partial<Record<K, XlsxCell>>) => {
    const row: Partial<Record<K, XlsxCell>> = {};
    for (const [k, v] of Object.entries(r) as [K, XlsxCell][]) row[k] = safeCell(v);
    return row;
  };
  for (const r of sheet.rows) ws.addRow(typed(r));
  if (sheet.totals) ws.addRow(typed(sheet.totals)).font = { bold: true };
  if (sheet.footnote) {
    ws.addRow([]);
    ws.addRow([sheet.footnote]).font = { italic: true, color: { argb: 'FF8C8C8C' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition for a Chinese file name: ASCII fallback plus RFC 5987 `filename*`. */
export function attachmentHeader(filename: string, fallback = 'export.xlsx'): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
