// 日监测: what needs attention today in the caller's jurisdiction (GET /api/v1/monitoring/daily) —
// one card per monitoring source with its count, then each source's items with a one-click action
// (open the case, the backlog matter, the warning) — and the morning digests (晨报) of the bureaus.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { ThresholdsButton } from './Thresholds.tsx';
import { type Daily, type Digest, type MonitoringItem, type MonitoringSource, SEVERITY } from './types.ts';

function SourceTable({ s }: { s: MonitoringSource }) {
  const sev = SEVERITY[s.severity] ?? { color: 'default', label: s.severity };
  return (
    <Card
      id={`source-${s.id}`}
      size="small"
      title={
        <Space>
          <Tag color={sev.color}>{sev.label}</Tag>
          <span>{s.title}</span>
          <Typography.Text type="secondary">共 {s.total} 项</Typography.Text>
        </Space>
      }
      extra={
        s.total > s.items.length ? (
          <Typography.Text type="secondary">仅列出前 {s.items.length} 项</Typography.Text>
        ) : null
      }
    >
      <Table<MonitoringItem>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={s.items}
        locale={{ emptyText: '暂无' }}
        columns={[
          {
            title: '信访件编号',
            dataIndex: 'caseNumber',
            width: 200,
            render: (_, r) =>
              r.caseId && r.caseNumber ? (
                <Link to={`/cases/${r.caseId}`} className="xf-code">
                  {r.caseNumber}
                </Link>
              ) : (
                '—'
              ),
          },
          { title: '事项', dataIndex: 'title', ellipsis: true },
          { title: '单位', dataIndex: 'unit', width: 220, render: (v) => v ?? '—' },
          {
            title: '天数',
            dataIndex: 'days',
            width: 120,
            render: (_, r) => (r.days === null ? '—' : `${r.daysLabel} ${r.days}`),
          },
          {
            title: '操作',
            key: 'action',
            width: 110,
            render: (_, r) => <Link to={r.action.path}>{r.action.label}</Link>,
          },
        ]}
      />
    </Card>
  );
}

export default function DailyMonitoringPage() {
  const me = useStaff();
  const daily = useQuery({
    queryKey: ['monitoring-daily'],
    queryFn: () => api<Daily>('/api/v1/monitoring/daily'),
  });
  const digests = useQuery({
    queryKey: ['monitoring-digests'],
    queryFn: () => api<{ items: Digest[] }>('/api/v1/monitoring/digests'),
  });
  const d = daily.data;
  return (
    <PageContainer
      title={d ? `日监测 · ${d.scope.name}` : '日监测'}
      subTitle={d ? `${d.date} 今日需关注事项` : undefined}
      extra={
        me.abilities.monitoringThresholds && me.jurisdiction ? (
          <ThresholdsButton code={me.jurisdiction.code} onSaved={() => daily.refetch()} />
        ) : undefined
      }
    >
      {daily.isError ? (
        <Typography.Text type="danger">{errorMessage(daily.error)}</Typography.Text>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            {(d?.sources ?? []).map((s) => {
              const sev = SEVERITY[s.severity] ?? { color: 'default', label: '' };
              return (
                <Col key={s.id} xs={12} md={8} xl={Math.max(4, Math.floor(24 / (d?.sources.length ?? 1)))}>
                  <Card
                    size="small"
                    hoverable
                    onClick={() => document.getElementById(`source-${s.id}`)?.scrollIntoView()}
                  >
                    <Statistic
                      title={
                        <Space size={4}>
                          <Badge color={sev.color} />
                          {s.title}
                        </Space>
                      }
                      value={s.total}
                      suffix="项"
                      valueStyle={s.total > 0 && s.severity === 'high' ? { color: '#cf1322' } : undefined}
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.description}
                    </Typography.Text>
                  </Card>
                </Col>
              );
            })}
            {!d ? (
              <Col span={24}>
                <Card loading />
              </Col>
            ) : null}
          </Row>
          {(d?.sources ?? []).map((s) => (
            <SourceTable key={s.id} s={s} />
          ))}
          <Card size="small" title="日监测晨报（每日自动生成）">
            {digests.data?.items.length ? (
              <List
                size="small"
                dataSource={digests.data.items.slice(0, 10)}
                renderItem={(g) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>
                        {g.date} · {g.unit}
                      </Typography.Text>
                      <Typography.Text>{g.body}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description="暂无晨报：每日定时任务运行后生成" />
            )}
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
