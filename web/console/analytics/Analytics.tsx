// 数据分析 (/console/analytics): filters, KPI cards, map and ranking with drill-down (province →
// city → county → the cases), trend against last year, breakdowns, forecast with its 80/95 % band,
// hotspots, overdue heat by unit and the open warnings. Opens on the last 30 days (a period that
// carries meaning on any day of the month, unlike month-to-date on the 4th). A lazily loaded route: ECharts and the
// Jiangsu boundaries are fetched only by people who open it.
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Filters, GroupBy, IndicatorRow, Metric } from '../../shared/analytics/api.ts';
import { FORM_NAMES, useIndicators } from '../../shared/analytics/api.ts';
import { last30Days, lastDayOfMonth } from '../../shared/analytics/format.ts';
import { useStaff } from '../session.tsx';
import { CasesDrawer, type DrillTarget } from './CasesDrawer.tsx';
import { FilterBar, type PageFilters, type Place } from './Filters.tsx';
import { HotspotPanel } from './HotspotPanel.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { Kpis } from './Kpis.tsx';
import {
  BreakdownPanels,
  ForecastPanel,
  MapPanel,
  OverduePanel,
  TrendPanel,
  WarningsCard,
} from './Panels.tsx';

export default function AnalyticsPage() {
  const me = useStaff();
  const root: Place = me.jurisdiction
    ? { code: me.jurisdiction.code, name: me.jurisdiction.name }
    : { code: '320000', name: '江苏省' };
  const [page, setPage] = useState<PageFilters>({ ...last30Days(), path: [root] });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const scope = page.path[page.path.length - 1] ?? root;
  const filters: Filters = {
    from: page.from,
    to: page.to,
    scope: scope.code,
    category: page.category,
    form: page.form,
  };
  const byPlace = useIndicators(filters, 'jurisdiction');

  const drillInto = (row: IndicatorRow) =>
    setPage((p) => ({ ...p, path: [...p.path, { code: row.key, name: row.label }] }));

  const openCases = (row: IndicatorRow, groupBy: GroupBy) => {
    const f: Filters = { ...filters };
    if (groupBy === 'jurisdiction') f.scope = row.key;
    else if (groupBy === 'category' || groupBy === 'subcategory') f.category = row.key;
    else if (groupBy === 'form') f.form = row.key;
    else if (groupBy === 'purpose') f.purpose = row.key;
    else if (groupBy === 'month') {
      f.from = row.key.length === 7 ? `${row.key}-01` : row.key;
      f.to = row.key.length === 7 ? lastDayOfMonth(row.key) : row.key;
    }
    setDrill({
      title: `${scope.name} · ${row.label}`,
      filters: f,
      metric: 'total',
      unit: groupBy === 'unit' ? Number(row.key) : undefined,
    });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          数据分析
        </Typography.Title>
        <Button icon={<FundProjectionScreenOutlined />} href="/screen/" target="_blank">
          打开大屏
        </Button>
      </Space>
      <FilterBar root={root} value={page} onChange={setPage} />
      <Breadcrumb
        aria-label="统计范围层级"
        items={page.path.map((p, i) => ({
          key: p.code,
          title:
            i === page.path.length - 1 ? (
              <strong>{p.name}</strong>
            ) : (
              <Typography.Link onClick={() => setPage((s) => ({ ...s, path: s.path.slice(0, i + 1) }))}>
                {p.name}
              </Typography.Link>
            ),
        }))}
      />
      <Row gutter={12} align="middle">
        <Col flex="auto">
          <Typography.Text type="secondary">
            {scope.name} · {page.from} 至 {page.to}
            {page.form ? ` · ${FORM_NAMES[page.form] ?? page.form}` : ''}
          </Typography.Text>
          {page.category || page.form ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              （类别、形式筛选作用于指标卡、趋势、预测和案件明细；地区分布与指标明细为全部类别）
            </Typography.Text>
          ) : null}
        </Col>
      </Row>
      <Kpis
        filters={filters}
        onOpen={(metric: Metric, label: string) =>
          setDrill({ title: `${scope.name} · ${label}`, filters, metric })
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <MapPanel
            scopeCode={scope.code}
            rows={{ ...byPlace, data: byPlace.data?.rows }}
            onDrill={drillInto}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <WarningsCard scope={scope.code} />
            <TrendPanel filters={filters} />
          </Space>
        </Col>
      </Row>
      <IndicatorTable filters={filters} scopeName={scope.name} onDrill={drillInto} onCases={openCases} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <BreakdownPanels filters={filters} />
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <ForecastPanel filters={filters} />
            <HotspotPanel filters={filters} />
          </Space>
        </Col>
      </Row>
      <OverduePanel
        scope={scope.code}
        onCases={(r) =>
          setDrill({ title: `${r.unitName}`, filters: { ...filters }, metric: 'overdue', unit: r.unitId })
        }
      />
      <CasesDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
