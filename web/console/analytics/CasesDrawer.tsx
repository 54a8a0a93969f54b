// The cases behind a number (GET /api/v1/analytics/cases): opened from a KPI card, a ranking row
// with no lower level, or a unit's overdue count; each case links to its detail page.
import { Alert, Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Filters, type Metric, useDrillCases } from '../../shared/analytics/api.ts';
import { errorMessage } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';

export interface DrillTarget {
  title: string;
  filters: Filters;
  metric: Metric;
  unit?: number;
}

export const METRIC_NAMES: Record<Metric, string> = {
  total: '全部',
  online: '网上信访',
  overdue: '超期',
  repeat: '重复信访',
  skippedLevel: '越级上访',
  group: '集体访',
  unsatisfied: '不满意',
};

export function CasesDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      width={920}
      title={target ? `${target.title} · ${METRIC_NAMES[target.metric]}案件` : ''}
      destroyOnHidden
    >
      {target ? <CaseList target={target} /> : null}
    </Drawer>
  );
}

function CaseList({ target }: { target: DrillTarget }) {
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const q = useDrillCases({ ...target.filters, metric: target.metric, unit: target.unit, page, pageSize });
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  if (q.data === null) return <Alert type="info" showIcon message="案件明细接口尚未启用" />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      pagination={{
        current: page,
        pageSize,
        total: q.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (n) => `共 ${n} 件`,
        onChange: setPage,
      }}
      columns={[
        {
          title: '信访件编号',
          dataIndex: 'caseNumber',
          render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link>,
        },
        { title: '标题', dataIndex: 'subject', ellipsis: true },
        { title: '问题属地', dataIndex: 'jurisdictionName', width: 110 },
        { title: '形式', dataIndex: 'formName', width: 90 },
        { title: '状态', dataIndex: 'stateName', width: 100, render: (v: string) => <Tag>{v}</Tag> },
        { title: '登记日期', dataIndex: 'receivedAt', width: 110, render: (v: string) => formatDate(v) },
      ]}
    />
  );
}
