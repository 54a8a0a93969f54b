// The chart panels of 数据分析: map, trend, breakdowns, forecast, overdue heat by unit and the open
// warnings (hotspots: HotspotPanel.tsx). Each panel fetches its own endpoint and shows an empty state when it has no
// data or the endpoint is not deployed (null), so one missing piece never blanks the page.
import { AlertOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  type Filters,
  type IndicatorRow,
  type OverdueRow,
  useForecast,
  useIndicators,
  useOpenWarnings,
  useOverdueByUnit,
  useTrend,
} from '../../shared/analytics/api.ts';
import { Chart, codeOfRegion, useMap } from '../../shared/analytics/echarts.tsx';
import {
  barOption,
  forecastOption,
  mapOption,
  pieOption,
  trendOption,
} from '../../shared/analytics/options.ts';
import { errorMessage } from '../../shared/api.ts';

interface Q {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** Spinner, error, "not deployed" or "no data" — else the panel's content. */
export function State({
  q,
  empty,
  children,
}: {
  q: Q & { data: unknown };
  empty: boolean;
  children: ReactNode;
}) {
  if (q.isPending) return <div style={{ height: 200 }} aria-busy="true" />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  if (q.data === null) return <Empty description="该统计接口尚未启用" />;
  if (empty) return <Empty description="所选期间暂无数据" />;
  return <>{children}</>;
}

/** 12 months ending with the month of `to`. */
export function lastYearOf(to: string): { from: string; to: string } {
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  const start = new Date(Date.UTC(y, m - 12, 1));
  return { from: start.toISOString().slice(0, 10), to };
}

export function MapPanel({
  scopeCode,
  rows,
  onDrill,
}: {
  scopeCode: string;
  rows: { data: IndicatorRow[] | undefined } & Q & { data: unknown };
  onDrill: (row: IndicatorRow) => void;
}) {
  const { map, error } = useMap(scopeCode);
  const data = (rows.data as IndicatorRow[] | undefined) ?? [];
  return (
    <Card
      size="small"
      title="地区分布"
      extra={<Typography.Text type="secondary">点击地区下钻</Typography.Text>}
    >
      {map === undefined ? (
        error ? (
          <Alert type="error" showIcon message={errorMessage(error)} />
        ) : (
          <div style={{ height: 420 }} aria-busy="true" />
        )
      ) : map ? (
        <State q={rows} empty={false}>
          <Chart
            aria-label="江苏省信访量地图"
            style={{ height: 420 }}
            option={mapOption(
              map,
              data.map((r) => ({ name: r.label, value: r.total })),
            )}
            onEvents={{
              click: (p: { name: string }) => {
                const code = codeOfRegion(map, p.name);
                const row = data.find((r) => r.key === code || r.label === p.name);
                if (row?.drill) onDrill(row);
              },
            }}
          />
        </State>
      ) : (
        <Empty description="县（市、区）以下不分图显示，请看指标明细" />
      )}
    </Card>
  );
}

export function TrendPanel({ filters }: { filters: Filters }) {
  const q = useTrend({ ...filters, ...lastYearOf(filters.to) });
  return (
    <Card
      size="small"
      title="近12个月趋势（与去年同期对比）"
      extra={
        q.data?.points.at(-1)?.through ? (
          <Typography.Text type="secondary">
            末月未满，虚线空心点为截至今日，去年同期按同日数比较
          </Typography.Text>
        ) : null
      }
    >
      <State q={q} empty={!q.data?.points.length}>
        <Chart aria-label="信访量趋势图" option={trendOption(q.data?.points ?? [])} />
      </State>
    </Card>
  );
}

export function BreakdownPanels({ filters }: { filters: Filters }) {
  const byCategory = useIndicators(filters, 'category');
  const byForm = useIndicators(filters, 'form');
  const cats = (byCategory.data?.rows ?? [])
    .filter((r) => r.total > 0)
    .map((r) => ({ label: r.label, value: r.total }));
  const forms = (byForm.data?.rows ?? [])
    .filter((r) => r.total > 0)
    .map((r) => ({ label: r.label, value: r.total }));
  return (
    <>
      <Card size="small" title="问题类别排行">
        <State q={byCategory} empty={!cats.length}>
          <Chart
            aria-label="问题类别排行图"
            style={{ height: Math.max(240, cats.length * 26) }}
            option={barOption(cats)}
          />
        </State>
      </Card>
      <Card size="small" title="信访形式构成">
        <State q={byForm} empty={!forms.length}>
          <Chart aria-label="信访形式构成图" style={{ height: 260 }} option={pieOption(forms)} />
        </State>
      </Card>
    </>
  );
}

/**
 * How far to trust the forecast, in a leader's words: the backtest's MASE (< 1: better than simply
 * taking the same month last year) said without its name.
 */
export function forecastTrust(mase: number | null | undefined): string {
  if (mase === null || mase === undefined) return '按近年季节规律估算';
  return mase < 1
    ? '按近年季节规律估算；用近3个月检验，比照搬去年同月更准'
    : '按近年季节规律估算；用近3个月检验，并不比照搬去年同月更准，仅供参考';
}

export function ForecastPanel({ filters }: { filters: Filters }) {
  const q = useForecast(filters, 3);
  const f = q.data;
  return (
    <Card
      size="small"
      title="信访量预测（未来3个月，阴影为可能范围）"
      extra={
        f && !f.insufficient ? (
          <Typography.Text type="secondary">{forecastTrust(f.mase)}</Typography.Text>
        ) : null
      }
    >
      {f?.insufficient ? (
        <Empty description={f.note ?? '历史数据不足，暂不预测'} />
      ) : (
        <State q={q} empty={!f?.forecast.length}>
          {f ? <Chart aria-label="信访量预测图" option={forecastOption(f)} /> : null}
        </State>
      )}
    </Card>
  );
}

export function CaseLinks({ ids }: { ids: number[] }) {
  return (
    <Space wrap size={4} style={{ maxWidth: 320 }}>
      {ids.slice(0, 30).map((id) => (
        <Link key={id} to={`/cases/${id}`}>
          #{id}
        </Link>
      ))}
      {ids.length > 30 ? <span>等{ids.length}件</span> : null}
    </Space>
  );
}

/** Cell colour for an overdue count: white → deep red as it nears the largest. */
function heat(v: number, max: number): string {
  if (v <= 0 || max <= 0) return 'transparent';
  const a = 0.15 + 0.75 * (v / max);
  return `rgba(207, 19, 34, ${a.toFixed(2)})`;
}

export function OverduePanel({ scope, onCases }: { scope?: string; onCases: (row: OverdueRow) => void }) {
  const q = useOverdueByUnit(scope);
  const rows = [...(q.data?.rows ?? [])].sort((a, b) => b.overdue - a.overdue || b.near - a.near);
  const maxOver = Math.max(0, ...rows.map((r) => r.overdue));
  const maxNear = Math.max(0, ...rows.map((r) => r.near));
  const cell = (v: number, max: number) => ({
    style: { background: heat(v, max), color: v / max > 0.5 ? '#fff' : undefined },
  });
  return (
    <Card size="small" title="单位超期热力">
      <State q={q} empty={!rows.length}>
        <Table<OverdueRow>
          aria-label="单位超期热力表"
          rowKey="unitId"
          size="small"
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            {
              title: '单位',
              dataIndex: 'unitName',
              render: (v: string, r) => <Typography.Link onClick={() => onCases(r)}>{v}</Typography.Link>,
            },
            { title: '属地', dataIndex: 'jurisdictionName', width: 100 },
            { title: '在办', dataIndex: 'open', width: 70, align: 'right' },
            {
              title: '临期',
              dataIndex: 'near',
              width: 70,
              align: 'right',
              onCell: (r) => cell(r.near, maxNear),
            },
            {
              title: '超期',
              dataIndex: 'overdue',
              width: 70,
              align: 'right',
              onCell: (r) => cell(r.overdue, maxOver),
            },
          ]}
        />
      </State>
    </Card>
  );
}

export function WarningsCard({ scope }: { scope?: string }) {
  const q = useOpenWarnings(scope);
  const items = q.data?.items ?? [];
  const high = items.filter((w) => w.level === 'high').length;
  return (
    <Card size="small" className="xf-warnings-card">
      <Space size={16} align="center">
        <AlertOutlined style={{ fontSize: 28, color: items.length ? '#cf1322' : '#6b6b6b' }} />
        <div>
          <Typography.Text type="secondary">待处置预警</Typography.Text>
          <div style={{ fontSize: 26, fontWeight: 600 }} role="status" aria-label="待处置预警数">
            {q.data === null ? '—' : q.isPending ? '…' : items.length}
            {high ? (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                高风险{high}
              </Tag>
            ) : null}
          </div>
        </div>
        <Link to="/warnings">查看预警</Link>
      </Space>
    </Card>
  );
}
