// 指标明细表: the indicators by the lower jurisdictions (the ranking, with drill-down: a city → its
// counties → the cases), or by category, form, purpose, unit or month; sortable, exportable to Excel.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { isRateKey, sampleOf } from '../../../src/domain/indicators/samples.ts';
import { type Filters, type GroupBy, type IndicatorRow, useIndicators } from '../../shared/analytics/api.ts';
import { int, pct } from '../../shared/analytics/format.ts';
import { errorMessage } from '../../shared/api.ts';
import type { SheetColumn } from './excel.ts';

const GROUPS: { value: GroupBy; label: string }[] = [
  { value: 'jurisdiction', label: '按地区' },
  { value: 'category', label: '按类别' },
  { value: 'form', label: '按形式' },
  { value: 'purpose', label: '按目的' },
  { value: 'unit', label: '按单位' },
  { value: 'month', label: '按月' },
];

const COLUMNS: SheetColumn[] = [
  { key: 'label', title: '名称', kind: 'text' },
  { key: 'total', title: '信访总量', kind: 'count' },
  { key: 'yoy', title: '同比', kind: 'rate' },
  { key: 'mom', title: '环比', kind: 'rate' },
  { key: 'onlineShare', title: '网上信访占比', kind: 'rate' },
  { key: 'timelyAcceptanceRate', title: '及时受理率', kind: 'rate' },
  { key: 'onTimeCompletionRate', title: '按期办结率', kind: 'rate' },
  { key: 'participationRate', title: '群众参评率', kind: 'rate' },
  { key: 'satisfactionRate', title: '满意率', kind: 'rate' },
  { key: 'skipLevelRate', title: '越级上访率', kind: 'rate' },
  { key: 'repeatRate', title: '重复信访率', kind: 'rate' },
  { key: 'backlogResolutionRate', title: '积案化解率', kind: 'rate' },
  { key: 'groupBatches', title: '集体访批次', kind: 'count' },
  { key: 'groupPersons', title: '集体访人次', kind: 'count' },
];

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
  const [groupBy, setGroupBy] = useState<GroupBy>('jurisdiction');
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const q = useIndicators(filters, groupBy);
  const rows = q.data?.rows ?? [];

  const columns: ColumnsType<IndicatorRow> = COLUMNS.map((c, i) => ({
    title: c.title,
    dataIndex: c.key,
    key: c.key,
    fixed: i === 0 ? 'left' : undefined,
    width: i === 0 ? 150 : 96,
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
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(row)}>
                {label}
              </Button>
            ) : (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onCases(row, groupBy)}>
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

  async function exportExcel() {
    setExporting(true);
    try {
      const { exportIndicatorTable } = await import('./excel.ts');
      const by = GROUPS.find((g) => g.value === groupBy)?.label ?? '';
      await exportIndicatorTable({
        title: `${scopeName}信访工作指标（${by}）`,
        subtitle: `统计期间：${filters.from} 至 ${filters.to}${filters.category ? `；类别：${filters.category}` : ''}`,
        columns: COLUMNS,
        rows,
        totals: q.data?.totals,
        filename: `信访指标-${scopeName}-${by}-${filters.from}至${filters.to}.xlsx`,
      });
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
        onChange={(v) => setGroupBy(v as GroupBy)}
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
