// 积案化解: the ledger (台账) of the caller's jurisdiction — totals and 化解率 by the jurisdictions
// below (click one to drill down), every identified matter with level, unit, leaders, plan, days
// open and deadline, and the Excel export — and a tab of the matters waiting on someone
// (候选、待认定、待审核销号、待审批撤销). Bureau staff only for the ledger (policies/backlog.ts); a
// department sees the matters its unit is responsible for (本单位积案).
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ACTIVE_STATUSES } from '../../../src/domain/backlog/states.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';
import { ComplianceView } from './Packages.tsx';
import { type Ledger, type LedgerRow, type MatterItem, pct, type RateRow } from './types.ts';

const STATUS_COLORS: Record<string, string> = {
  candidate: 'default',
  proposed: 'gold',
  identified: 'blue',
  closing: 'purple',
  unflagging: 'orange',
  resolved: 'green',
};

/** 化解期限, in red with （逾期） when an active matter is past it. */
const deadlineCell = (r: { deadline: string | null; overdue: boolean }) =>
  r.deadline ? (
    <Typography.Text type={r.overdue ? 'danger' : undefined}>
      {r.deadline}
      {r.overdue ? '（逾期）' : ''}
    </Typography.Text>
  ) : (
    '—'
  );

export function LedgerView({ initialScope }: { initialScope?: string }) {
  const { message } = App.useApp();
  const [scope, setScope] = useState<string | undefined>(initialScope);
  const qs = scope ? `?jurisdiction=${scope}` : '';
  const ledger = useQuery({
    queryKey: ['backlog-ledger', scope ?? ''],
    queryFn: () => api<Ledger>(`/api/v1/backlog/ledger${qs}`),
  });
  const l = ledger.data;
  const [exporting, setExporting] = useState(false);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<h2 className="xf-h2">{l ? `${l.scope.name}积案化解情况` : '积案化解情况'}</h2>}
        extra={
          <Space>
            {scope ? <Button onClick={() => setScope(undefined)}>返回本辖区</Button> : null}
            <Button
              type="primary"
              loading={exporting}
              onClick={async () => {
                setExporting(true);
                try {
                  await downloadFile(`/api/v1/backlog/ledger.xlsx${qs}`, 'backlog-ledger.xlsx');
                } catch (e) {
                  message.error(errorMessage(e));
                } finally {
                  setExporting(false);
                }
              }}
            >
              导出台账
            </Button>
          </Space>
        }
      >
        {ledger.isError ? (
          <Typography.Text type="danger">{errorMessage(ledger.error)}</Typography.Text>
        ) : (
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title="认定积案" value={l?.total.identified ?? 0} suffix="件" loading={!l} />
            </Col>
            <Col span={6}>
              <Statistic title="已化解" value={l?.total.resolved ?? 0} suffix="件" loading={!l} />
            </Col>
            <Col span={6}>
              <Statistic title="未化解" value={l?.total.open ?? 0} suffix="件" loading={!l} />
            </Col>
            <Col span={6}>
              <Statistic title="化解率" value={l ? pct(l.total.rate) : '—'} loading={!l} />
            </Col>
          </Row>
        )}
        <Table<RateRow>
          style={{ marginTop: 16 }}
          size="small"
          rowKey="code"
          pagination={false}
          aria-label="各地化解率"
          dataSource={l?.byJurisdiction ?? []}
          locale={{ emptyText: '暂无认定的积案' }}
          columns={[
            {
              title: '地区',
              dataIndex: 'name',
              render: (name: string, r) =>
                r.code !== l?.scope.code ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setScope(r.code)}>
                    {name}
                  </Button>
                ) : (
                  name
                ),
            },
            { title: '认定积案', dataIndex: 'identified', align: 'right' },
            { title: '已化解', dataIndex: 'resolved', align: 'right' },
            { title: '未化解', dataIndex: 'open', align: 'right' },
            { title: '化解率', dataIndex: 'rate', align: 'right', render: (r: number | null) => pct(r) },
          ]}
        />
      </Card>
      <ProTable<LedgerRow>
        rowKey="id"
        search={false}
        options={false}
        headerTitle="积案化解台账"
        loading={ledger.isFetching}
        dataSource={l?.rows ?? []}
        locale={{ emptyText: ledger.isError ? errorMessage(ledger.error) : '暂无认定的积案' }}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 1500 }}
        columns={[
          {
            title: '信访件编号',
            dataIndex: 'caseNumber',
            width: 170,
            render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>,
          },
          { title: '问题属地', dataIndex: 'place', width: 90 },
          {
            title: '反映问题',
            dataIndex: 'subject',
            width: 240,
            ellipsis: true,
            render: (_, r) => <Link to={`/backlog/${r.id}`}>{r.subject}</Link>,
          },
          { title: '级别', dataIndex: 'levelName', width: 64 },
          { title: '责任单位', dataIndex: 'responsibleUnit', width: 180, ellipsis: true },
          {
            title: '包案领导',
            dataIndex: 'leaders',
            width: 110,
            render: (_, r) => (r.leaders.length ? r.leaders.join('、') : '—'),
          },
          {
            title: '化解方案',
            dataIndex: 'plan',
            width: 110,
            render: (_, r) => (
              <Tag color={r.plan.overdue ? 'red' : r.plan.label === '已完成' ? 'green' : 'default'}>
                {r.plan.total ? `${r.plan.label} ${r.plan.done}/${r.plan.total}` : r.plan.label}
              </Tag>
            ),
          },
          {
            title: '七条标准',
            dataIndex: 'standardsMet',
            width: 80,
            render: (_, r) => `${r.standardsMet}/7`,
          },
          { title: '积案天数', dataIndex: 'daysOpen', width: 80, align: 'right' },
          {
            title: '化解期限',
            dataIndex: 'deadline',
            width: 150,
            render: (_, r) => deadlineCell(r),
          },
          {
            title: '状态',
            dataIndex: 'statusName',
            width: 100,
            render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>,
          },
          {
            title: '化解日期',
            dataIndex: 'resolvedAt',
            width: 100,
            render: (_, r) => (r.resolvedAt ? formatDate(r.resolvedAt) : '—'),
          },
        ]}
      />
    </Space>
  );
}

const WAITING = 'candidate,proposed,closing,unflagging';
// A department sees the matters its unit is responsible for (policies/backlog.ts), and its work is
// the ones being resolved (化解中: plan, progress, evidence), so those are listed too.
const OWN = ACTIVE_STATUSES.join(',');

/**
 * Bureau staff: the matters waiting on a decision (候选与待办). A department (`own`): every active
 * matter its unit is responsible for, with its deadline.
 */
export function WaitingView({ own = false }: { own?: boolean }) {
  const list = useQuery({
    queryKey: ['backlog-waiting', own],
    queryFn: () => api<{ items: MatterItem[] }>(`/api/v1/backlog?status=${own ? OWN : WAITING}`),
  });
  return (
    <ProTable<MatterItem>
      rowKey="id"
      search={false}
      options={false}
      headerTitle={own ? '本单位承办的积案' : '候选与待办积案'}
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{
        emptyText: list.isError
          ? errorMessage(list.error)
          : own
            ? '本单位暂无承办的积案'
            : '暂无待处理的积案',
      }}
      pagination={{ pageSize: 20 }}
      columns={[
        {
          title: '信访件编号',
          dataIndex: 'caseNumber',
          width: 170,
          render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>,
        },
        {
          title: '反映问题',
          dataIndex: 'subject',
          ellipsis: true,
          render: (_, r) => <Link to={`/backlog/${r.id}`}>{r.subject}</Link>,
        },
        {
          title: '化解期限',
          dataIndex: 'deadline',
          width: 150,
          hideInTable: !own,
          render: (_, r) => deadlineCell(r),
        },
        {
          title: '候选依据',
          dataIndex: 'ruleHits',
          hideInTable: own,
          render: (_, r) =>
            r.ruleHits.length
              ? r.ruleHits.map((h) => <Tag key={h.rule}>{h.label}</Tag>)
              : r.source === 'manual'
                ? '人工提请'
                : '—',
        },
        {
          title: '状态',
          dataIndex: 'statusName',
          width: 110,
          render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>,
        },
        {
          title: '更新时间',
          dataIndex: 'updatedAt',
          width: 150,
          render: (_, r) => formatDateTime(r.updatedAt),
        },
      ]}
    />
  );
}

export default function BacklogPage() {
  const me = useStaff();
  const bureau = me.abilities.backlogLedger;
  return (
    <PageContainer title={<h1 className="xf-h1">积案化解</h1>}>
      <Tabs
        items={[
          ...(bureau ? [{ key: 'ledger', label: '台账', children: <LedgerView /> }] : []),
          ...(bureau ? [{ key: 'packages', label: '领导包案', children: <ComplianceView /> }] : []),
          bureau
            ? { key: 'waiting', label: '候选与待办', children: <WaitingView /> }
            : { key: 'own', label: '本单位积案', children: <WaitingView own /> },
        ]}
      />
    </PageContainer>
  );
}
