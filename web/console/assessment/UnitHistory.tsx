// 单位档案: a unit's accountability records, the supervision orders addressed to it and its
// jurisdiction's responsibility letters, at a glance.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { RecordDrawer, RecordTable } from './Records.tsx';
import type { History } from './types.ts';

export default function UnitHistoryPage() {
  const { id } = useParams();
  const [open, setOpen] = useState<number | null>(null);
  const q = useQuery({
    queryKey: ['assessment', 'unit', id],
    queryFn: () => api<History>(`/api/v1/assessment/units/${id}/history`),
  });
  const h = q.data;
  return (
    <PageContainer title={<h1 className="xf-h1">{h ? `${h.unit.name} · 责任落实档案` : '单位档案'}</h1>}>
      {q.isError ? <Typography.Paragraph type="danger">{errorMessage(q.error)}</Typography.Paragraph> : null}
      {h ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {[
              ['督办', h.counts.orders],
              ['通报', h.counts.notice],
              ['约谈', h.counts.interview],
              ['重点管理', h.counts.special_management],
              ['问责', h.counts.accountability],
            ].map(([label, n]) => (
              <Col span={4} key={label as string}>
                <Card size="small">
                  <Statistic title={label} value={n ?? 0} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title="通报、约谈、重点管理、问责" style={{ marginBottom: 16 }}>
            <RecordTable items={h.records} onOpen={setOpen} />
          </Card>
          <Card title="督查督办" style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              dataSource={h.orders}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                {
                  title: '督办',
                  key: 'n',
                  render: (_, o) => <Link to={`/supervision/${o.id}`}>{o.number ?? `督办 #${o.id}`}</Link>,
                },
                { title: '方式', dataIndex: 'typeName' },
                { title: '反馈期限', dataIndex: 'deadline' },
                {
                  title: '状态',
                  key: 's',
                  render: (_, o) => (
                    <>
                      {o.statusName}
                      {o.overdue ? (
                        <Tag color="red" style={{ marginLeft: 4 }}>
                          逾期
                        </Tag>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={`${h.unit.jurisdictionName}信访工作责任书`}>
            <Table
              rowKey="id"
              size="small"
              dataSource={h.letters}
              pagination={false}
              columns={[
                { title: '年度', dataIndex: 'year', width: 80 },
                { title: '责任书', dataIndex: 'title' },
                { title: '状态', dataIndex: 'statusName', width: 100 },
                { title: '签订日期', dataIndex: 'signedOn', width: 110, render: (v) => v ?? '—' },
              ]}
            />
          </Card>
        </>
      ) : null}
      <RecordDrawer id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
