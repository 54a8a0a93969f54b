// 督查督办: the orders the caller sees (raised by the bureau, or addressed to the unit), filtered by
// status and overdue; counts of the list on top; supervisors and leaders of a bureau raise an order
// on a unit here (on a case: from the case page).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';
import { RaiseForm } from './forms.tsx';
import { type OrderItem, STATUS_COLORS } from './types.ts';

export function OrderTags({ o }: { o: OrderItem }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[o.status]}>{o.statusName}</Tag>
      {o.overdue ? <Tag color="red">逾期</Tag> : null}
      {o.escalationName ? (
        <Tag color={o.escalationLevel > 1 ? 'volcano' : 'gold'}>{o.escalationName}</Tag>
      ) : null}
    </Space>
  );
}

export default function SupervisionListPage() {
  const me = useStaff();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (overdue) params.set('overdue', 'true');
  const q = useQuery({
    queryKey: ['supervision', 'list', status, overdue],
    queryFn: () => api<{ items: OrderItem[] }>(`/api/v1/supervision?${params}`),
  });
  const items = q.data?.items ?? [];
  const canRaise = me.abilities.supervisionRaise;
  return (
    <PageContainer
      title={<h1 className="xf-h1">督查督办</h1>}
      extra={
        canRaise ? (
          <RaiseForm
            jurisdictionCode={me.jurisdiction?.code ?? ''}
            trigger={<Button type="primary">督办单位</Button>}
            onDone={(id) => navigate(`/supervision/${id}`)}
          />
        ) : null
      }
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          ['待反馈', items.filter((o) => o.status === 'issued').length],
          ['逾期未反馈', items.filter((o) => o.status === 'issued' && o.overdue).length],
          ['已反馈待审核', items.filter((o) => o.status === 'feedback_filed').length],
          ['已办结', items.filter((o) => o.status === 'closed').length],
        ].map(([label, n]) => (
          <Col span={6} key={label}>
            <Card size="small">
              <Statistic title={label} value={n} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'issued', label: '待反馈' },
              { value: 'feedback_filed', label: '已反馈待审核' },
              { value: 'closed', label: '已办结' },
            ]}
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            只看逾期未反馈
          </Checkbox>
        </Space>
        {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
        <Table<OrderItem>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '督办事项',
              key: 'target',
              render: (_, o) => (
                <Link to={`/supervision/${o.id}`}>
                  {o.caseNumber ? `${o.caseNumber} ${o.subject ?? ''}` : `${o.unit}（单位督办）`}
                </Link>
              ),
            },
            { title: '督办方式', dataIndex: 'typeName', width: 100 },
            { title: '督办文号', dataIndex: 'number', width: 150, render: (v) => v ?? '—' },
            { title: '督办机关', dataIndex: 'raisingUnit', width: 130 },
            { title: '被督办单位', dataIndex: 'unit', width: 190 },
            { title: '反馈期限', dataIndex: 'deadline', width: 110 },
            { title: '状态', key: 'status', width: 170, render: (_, o) => <OrderTags o={o} /> },
            { title: '督办时间', dataIndex: 'raisedAt', width: 160, render: (v) => formatDateTime(v) },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
