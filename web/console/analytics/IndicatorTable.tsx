// 指标明细表: the indicators by the lower jurisdictions (the ranking, with drill-down: a city → its
// counties → the cases), or by category, form, purpose, unit or month; sortable, exportable to Excel
// (made by the server).
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { isRateKey, sampleOf } from '../../../src/domain/indicators/samples.ts';
import { TABLE_COLUMNS, TABLE_GROUP_NAMES, type TableGroupBy } from '../../../src/domain/indicators/table.ts';
import {
  type Filters,
  type GroupBy,
  type IndicatorRow,
  query,
  useIndicators,
} from '../../shared/analytics/api.ts';
import { int, pct } from '../../shared/analytics/format.ts';
import { errorMessage } from '../../shared/api.ts';
import { downloadFile } from '../download.ts';

const GROUPS = (Object.entries(TABLE_GROUP_NAMES) as [TableGroupBy, string][]).map(([value, label]) => ({
  value,
  label,
}));

/** A name that is longer than its column wraps inside it instead of running over the next one. */
const NAME_LINK = { padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' } as const;

const num = (v: unknown) => (typeof v === 'number' ? v : -1);

export function IndicatorTable({
  filters,
  scopeName,
  onDrill,
  onCases,
}: {
  filters: Filters;
  scopeName: string;
  /** A row with lower levels was clicked (groupBy=jurisdiction). */
  onDrill: (row: IndicatorRow) => void;
  /** A row without lower levels: its cases. */
  onCases: (row: IndicatorRow, groupBy: GroupBy) => void;
}) {
  const [groupBy, setGroupBy] = useState<TableGroupBy>('jurisdiction');
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const q = useIndicators(filters, groupBy);
  const rows = q.data?.rows ?? [];

  const columns: ColumnsType<IndicatorRow> = TABLE_COLUMNS.map((c, i) => ({
    title: c.title,
    dataIndex: c.key,
    key: c.key,
    fixed: i === 0 ? 'left' : undefined,
    // 细分类 names are paths (劳动和社会保障 / 劳动关系 / 工伤认定): a wider first column.
    width: i === 0 ? (groupBy === 'subcategory' ? 280 : 150) : 96,
    align: i === 0 ? undefined : 'right',
    sorter:
      i === 0
        ? undefined
        : (a, b) => num(a[c.key as keyof IndicatorRow]) - num(b[c.key as keyof IndicatorRow]),
    defaultSortOrder: c.key === 'total' && groupBy !== 'month' ? 'descend' : undefined,
    render:
      i === 0
        ? (label: string, row: IndicatorRow) =>
            groupBy === 'jurisdiction' && row.drill ? (
              <Button type="link" size="small" style={NAME_LINK} onClick={() => onDrill(row)}>
                {label}
              </Button>
            ) : (
              <Button type="link" size="small" style={NAME_LINK} onClick={() => onCases(row, groupBy)}>
                {label}
              </Button>
            )
        : (v: number | null, row: IndicatorRow) =>
            c.kind === 'rate' && isRateKey(c.key) ? (
              // Each rate with the matters it stands on (样本量), in grey under it.
              <>
                {pct(v)}
                <div style={{ color: '#6b6b6b', fontSize: 11 }}>{int(sampleOf(c.key, row))}件</div>
              </>
            ) : c.kind === 'rate' ? (
              pct(v)
            ) : (
              int(v)
            ),
  }));

  // The workbook is made on the server (GET /analytics/indicators.xlsx): same parameters and scope
  // as the table, the file named by the server.
  async function exportExcel() {
    setExporting(true);
    try {
      const { from, to, scope } = filters;
      await downloadFile(
        `/api/v1/analytics/indicators.xlsx${query({ from, to, scope, groupBy })}`,
        `信访指标-${scopeName}.xlsx`,
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Card
      size="small"
      title="指标明细"
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} disabled={!rows.length} onClick={exportExcel}>
          导出Excel
        </Button>
      }
    >
      <Segmented
        aria-label="分组方式"
        value={groupBy}
        onChange={(v) => setGroupBy(v as TableGroupBy)}
        options={GROUPS}
        style={{ marginBottom: 8 }}
      />
      <Table<IndicatorRow>
        aria-label="指标明细表"
        rowKey="key"
        size="small"
        loading={q.isFetching}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 1400 }}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText: q.isError ? errorMessage(q.error) : q.data === null ? '指标接口尚未启用' : '暂无数据',
        }}
      />
    </Card>
  );
}
