// 信访救助: the applications the caller sees (filter by status), each linked to its page, and the
// totals of the caller's jurisdiction for a year by the next level down (amounts in 元).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { RELIEF_STATUS_NAMES, RELIEF_STATUSES, yuan } from '../../../src/domain/linkage/relief.ts';
import type { ReliefTotals, TotalsRow } from '../../../src/relief/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { RELIEF_STATUS_COLORS, type ReliefApplication } from '../linkage/types.ts';
import { useStaff } from '../session.tsx';

function Applications() {
  const [status, setStatus] = useState<string | undefined>();
  const q = useQuery({
    queryKey: ['relief', 'list', status],
    queryFn: () => api<{ items: ReliefApplication[] }>(`/api/v1/relief${status ? `?status=${status}` : ''}`),
  });
  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={RELIEF_STATUSES.map((s) => ({ value: s, label: RELIEF_STATUS_NAMES[s] }))}
        />
      </Space>
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      <Table<ReliefApplication>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '信访事项',
            key: 'case',
            render: (_, a) => <Link to={`/relief/${a.id}`}>{`${a.caseNumber} ${a.subject}`}</Link>,
          },
          { title: '申请人', dataIndex: 'applicantName', width: 90 },
          {
            title: '申请金额（元）',
            key: 'req',
            width: 130,
            align: 'right',
            render: (_, a) => yuan(a.requestedFen),
          },
          {
            title: '批准金额（元）',
            key: 'ok',
            width: 130,
            align: 'right',
            render: (_, a) => (a.approvedFen === null ? '—' : yuan(a.approvedFen)),
          },
          {
            title: '已发放（元）',
            key: 'paid',
            width: 120,
            align: 'right',
            render: (_, a) => yuan(a.paidFen),
          },
          {
            title: '状态',
            key: 'status',
            width: 190,
            render: (_, a) => (
              <Space size={4}>
                <Tag color={RELIEF_STATUS_COLORS[a.status]}>{a.statusName}</Tag>
                {a.pendingLevelName ? <Tag>待{a.pendingLevelName}审批</Tag> : null}
              </Space>
            ),
          },
          { title: '申请时间', dataIndex: 'appliedAt', width: 160, render: (v) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}

function Totals() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({
    queryKey: ['relief', 'totals', year],
    queryFn: () => api<ReliefTotals>(`/api/v1/relief/totals?year=${year}`),
    retry: false,
  });
  const rows = q.data ? [...q.data.items, { ...q.data.total, jurisdictionCode: 'total', name: '合计' }] : [];
  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label="年度"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Space>
      {q.isError ? <Typography.Text type="secondary">{errorMessage(q.error)}</Typography.Text> : null}
      <Table<TotalsRow>
        rowKey="jurisdictionCode"
        size="middle"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '辖区', dataIndex: 'name' },
          { title: '申请', dataIndex: 'applications', align: 'right' },
          { title: '批准', dataIndex: 'approved', align: 'right' },
          { title: '不予救助', dataIndex: 'rejected', align: 'right' },
          { title: '审批中', dataIndex: 'pending', align: 'right' },
          {
            title: '批准金额（元）',
            dataIndex: 'approvedFen',
            align: 'right',
            render: (v: number) => yuan(v),
          },
          { title: '已发放（元）', dataIndex: 'paidFen', align: 'right', render: (v: number) => yuan(v) },
          { title: '已结案', dataIndex: 'closed', align: 'right' },
        ]}
      />
    </Card>
  );
}

export default function ReliefPage() {
  const me = useStaff();
  return (
    <PageContainer
      title={<h1 className="xf-h1">信访救助</h1>}
      content={
        <Typography.Text type="secondary">
          对生活确有困难的信访人，经申请、逐级审批（县级3万元以内，设区市级10万元以内，以上报省级）、财政或民政部门发放，信访人签署息诉罢访承诺书后结案。救助申请从信访事项页面登记。
        </Typography.Text>
      }
    >
      <Tabs
        items={[
          { key: 'list', label: '救助申请', children: <Applications /> },
          ...(me.abilities.linkageDesk ? [{ key: 'totals', label: '统计', children: <Totals /> }] : []),
        ]}
      />
    </PageContainer>
  );
}
