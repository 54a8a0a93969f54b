// The console's 指标明细 table as an Excel workbook (GET /analytics/indicators.xlsx): the same
// columns (TABLE_COLUMNS) and rows as GET /analytics/indicators answers, a title and the period
// above them, a bold 合计 row. Rates are real numbers with a percent format, counts with thousands
// separators, so the sheet can be summed and charted in Excel. Made on the server: exceljs is
// ~1 MB, which the browser no longer loads.

import { TABLE_COLUMNS, TABLE_GROUP_NAMES, type TableGroupBy } from '../domain/indicators/table.ts';
import { attachmentHeader, toXlsx, type XlsxCell, type XlsxColumn } from '../exports/xlsx.ts';
import type { IndicatorRow, Indicators, IndicatorsAnswer } from './contract.ts';

const NUM_FMT = { rate: '0.0%', count: '#,##0' } as const;

const columns: XlsxColumn[] = TABLE_COLUMNS.map((c) => ({
  header: c.title,
  key: c.key,
  width: c.kind === 'text' ? 22 : 14,
  numFmt: c.kind === 'text' ? undefined : NUM_FMT[c.kind],
}));

const line = (r: Partial<IndicatorRow>): Record<string, XlsxCell> =>
  Object.fromEntries(TABLE_COLUMNS.map((c) => [c.key, r[c.key as keyof IndicatorRow] ?? null]));

/** The workbook and the headers that name it (a Chinese name, with an ASCII fallback). */
export async function indicatorsWorkbook(
  a: Pick<IndicatorsAnswer, 'from' | 'to' | 'scope' | 'rows'> & { totals: Indicators },
  groupBy: TableGroupBy,
): Promise<{ body: Buffer; disposition: string }> {
  const by = TABLE_GROUP_NAMES[groupBy];
  const body = await toXlsx({
    sheetName: '指标',
    title: `${a.scope.name}信访工作指标（${by}）`,
    subtitle: `统计期间：${a.from} 至 ${a.to}`,
    columns,
    rows: a.rows.map(line),
    totals: line({ ...a.totals, label: '合计' }),
  });
  const disposition = attachmentHeader(
    `信访指标-${a.scope.name}-${by}-${a.from}至${a.to}.xlsx`,
    `indicators-${a.scope.code}-${groupBy}-${a.from}-${a.to}.xlsx`,
  );
  return { body, disposition };
}
