// Excel (.xlsx) of an indicator table, made in the browser with exceljs — loaded only when someone
// clicks 导出Excel (it is ~1 MB), so the analytics page itself stays light. Rates are real numbers
// with a percent format, so the sheet can be summed and charted in Excel.
import { safeCell } from '../../../src/exports/cells.ts';
import type { IndicatorRow, Indicators } from '../../shared/analytics/api.ts';

export interface SheetColumn {
  key: keyof Indicators | 'label';
  title: string;
  kind: 'text' | 'count' | 'rate';
}

export async function exportIndicatorTable(opts: {
  title: string;
  subtitle: string;
  columns: SheetColumn[];
  rows: IndicatorRow[];
  totals?: Indicators;
  filename: string;
}): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光信访';
  wb.created = new Date();
  const ws = wb.addWorksheet('指标', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([safeCell(opts.title)]).font = { bold: true, size: 14 };
  ws.addRow([safeCell(opts.subtitle)]).font = { color: { argb: 'FF666666' } };
  const header = ws.addRow(opts.columns.map((c) => c.title));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };
  });
  const line = (r: Partial<IndicatorRow>) =>
    opts.columns.map((c) => {
      const v = r[c.key as keyof IndicatorRow];
      return v === null || v === undefined ? '' : safeCell(v);
    });
  for (const r of opts.rows) ws.addRow(line(r));
  if (opts.totals) ws.addRow(line({ ...opts.totals, label: '合计' })).font = { bold: true };
  opts.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.kind === 'text' ? 22 : 14;
    if (c.kind === 'rate') col.numFmt = '0.0%';
    if (c.kind === 'count') col.numFmt = '#,##0';
  });
  const buffer = await wb.xlsx.writeBuffer();
  const url = URL.createObjectURL(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = opts.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
