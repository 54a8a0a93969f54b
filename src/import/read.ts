// Reads the source spreadsheet (.xlsx, or .csv in UTF-8) with exceljs into header → text rows. Every
// cell becomes text as the person typed it: a CSV cell is never turned into a number (an 18-digit ID
// number would lose its last digits) or a date; an xlsx date cell becomes "YYYY-MM-DD[ HH:mm:ss]"
// (its wall-clock time: Excel dates have no time zone).
import { extname } from 'node:path';
import ExcelJS from 'exceljs';

export interface SourceSheet {
  headers: string[];
  /** Data rows, with their spreadsheet row number (the header is row 1). Blank rows are left out. */
  rows: { rowNo: number; cells: Record<string, string> }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of a cell value of any kind exceljs gives. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const time = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
    return time === '00:00:00' ? date : `${date} ${time}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

export async function readSourceFile(file: string, opts: { sheet?: string } = {}): Promise<SourceSheet> {
  const wb = new ExcelJS.Workbook();
  const ext = extname(file).toLowerCase();
  let ws: ExcelJS.Worksheet | undefined;
  if (ext === '.csv') {
    // map: keep the text (the default turns digits into numbers and some strings into dates).
    ws = await wb.csv.readFile(file, { map: (v: string) => v, parserOptions: { trim: true } } as never);
  } else if (ext === '.xlsx') {
    await wb.xlsx.readFile(file);
    ws = opts.sheet ? wb.getWorksheet(opts.sheet) : wb.worksheets[0];
    if (!ws) throw new Error(`工作表“${opts.sheet ?? '(第一个)'}”不存在 / worksheet not found`);
  } else {
    throw new Error(`只能导入 .xlsx 或 .csv 文件 / only .xlsx or .csv files: ${file}`);
  }
  return sheetOf(ws);
}

function sheetOf(ws: ExcelJS.Worksheet): SourceSheet {
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    // A UTF-8 byte-order mark (Excel's "CSV UTF-8") is not part of the first header.
    headers[col - 1] = cellText(cell.value)
      .replace(/^\uFEFF/, '')
      .trim();
  });
  const rows: SourceSheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    if (rowNo === 1) return;
    const cells: Record<string, string> = {};
    let any = false;
    headers.forEach((h, i) => {
      if (!h) return;
      const text = cellText(row.getCell(i + 1).value).trim();
      cells[h] = text;
      if (text) any = true;
    });
    if (any) rows.push({ rowNo, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}
