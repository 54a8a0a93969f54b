// One campaign: what it is, its numbers (排查、化解、化解率、三跨三分离化解稳定率 and the targets), the
// numbers by the jurisdictions below (click to narrow the register), the register (排查台账) with
// filters, the add-entry and status forms, the Excel download, closing and reopening.
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ENTRY_STATUS_NAMES } from '../../../src/domain/campaigns/vocabulary.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';
import { TargetTag } from './Campaigns.tsx';
import { AddEntryForm, EntryStatusForm } from './EntryForms.tsx';
import { type CampaignDetail, type Entry, type JurisdictionNumbers, pct } from './types.ts';

const STATUS_COLORS: Record<string, string> = {
  registered: 'default',
  resolving: 'blue',
  resolved: 'green',
  unresolved: 'orange',
};

export default function CampaignDetailPage() {
  const id = Number(useParams().id);
  const me = useStaff();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>();
  const [cross, setCross] = useState<string | undefined>();
  const [place, setPlace] = useState<string | undefined>();
  const qs = new URLSearchParams({
    ...(status ? { status } : {}),
    ...(cross ? { cross } : {}),
    ...(place ? { jurisdiction: place } : {}),
  }).toString();
  const q = useQuery({
    queryKey: ['campaign', id, qs],
    queryFn: () => api<CampaignDetail>(`/api/v1/campaigns/${id}${qs ? `?${qs}` : ''}`),
  });
  const c = q.data;
  const n = c?.numbers;
  const act = async (action: string) => {
    try {
      await api(`/api/v1/campaigns/${id}/actions`, { body: { action } });
      message.success(action === 'close' ? '已结束' : '已重新开启');
      await q.refetch();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (q.isError)
    return (
      <PageContainer title="专项行动">
        <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>
      </PageContainer>
    );
  return (
    <PageContainer title={<h1 className="xf-h1">{c?.name ?? '专项行动'}</h1>} loading={!c}>
      {c && n ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={4}>
              <Descriptions.Item label="类型">{c.kindName}</Descriptions.Item>
              <Descriptions.Item label="范围">{c.scopeName}</Descriptions.Item>
              <Descriptions.Item label="时间">{`${c.startDate} 至 ${c.endDate}`}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={c.status === 'active' ? 'blue' : 'default'}>{c.statusName}</Tag>
              </Descriptions.Item>
              {c.description ? (
                <Descriptions.Item label="工作要求" span={4}>
                  {c.description}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card
            title={<h2 className="xf-h2">{c.partial ? `${c.base.name}排查化解情况` : '排查化解情况'}</h2>}
            extra={
              <Space>
                <TargetTag met={c.targetMet} />
                <Button
                  onClick={() =>
                    downloadFile(
                      `/api/v1/campaigns/${id}/register.xlsx${qs ? `?${qs}` : ''}`,
                      'register.xlsx',
                    ).catch((e) => message.error(errorMessage(e)))
                  }
                >
                  导出台账
                </Button>
                {c.availableActions.includes('close') ? (
                  <Button onClick={() => act('close')}>结束专项行动</Button>
                ) : null}
                {c.availableActions.includes('reopen') ? (
                  <Button onClick={() => act('reopen')}>重新开启</Button>
                ) : null}
              </Space>
            }
          >
            <Row gutter={16}>
              <Col span={4}>
                <Statistic title="排查" value={n.investigated} suffix="件" />
              </Col>
              <Col span={4}>
                <Statistic title="化解" value={n.resolved} suffix="件" />
              </Col>
              <Col span={4}>
                <Statistic title="化解率" value={pct(n.rate)} />
              </Col>
              <Col span={4}>
                <Statistic title="未化解（稳控）" value={n.unresolved} suffix="件" />
              </Col>
              <Col span={4}>
                <Statistic title="三跨三分离" value={n.cross} suffix="件" />
              </Col>
              <Col span={4}>
                <Statistic title="三跨三分离化解稳定率" value={pct(n.stabilityRate)} />
              </Col>
            </Row>
            {c.targets.length ? (
              <Space style={{ marginTop: 12 }} wrap>
                {c.targets.map((t) => (
                  <Tag key={t.key} color={t.met ? 'green' : 'orange'}>
                    {`${t.label}：目标 ${t.target}${t.key === 'investigated' ? ' 件' : '%'}，实际 ${t.actual ?? '—'}${t.key === 'investigated' ? ' 件' : '%'}（${t.met ? '已完成' : '未完成'}）`}
                  </Tag>
                ))}
              </Space>
            ) : null}
            <Table<JurisdictionNumbers>
              style={{ marginTop: 16 }}
              size="small"
              rowKey="code"
              pagination={false}
              aria-label="各地排查化解情况"
              dataSource={c.byJurisdiction}
              locale={{ emptyText: '暂无排查登记' }}
              columns={[
                {
                  title: '地区',
                  dataIndex: 'name',
                  render: (name: string, r) => (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      onClick={() => setPlace(r.code === place ? undefined : r.code)}
                    >
                      {name}
                    </Button>
                  ),
                },
                { title: '排查', dataIndex: 'investigated', align: 'right' },
                { title: '化解', dataIndex: 'resolved', align: 'right' },
                { title: '化解率', dataIndex: 'rate', align: 'right', render: (r: number | null) => pct(r) },
                { title: '三跨三分离', dataIndex: 'cross', align: 'right' },
                {
                  title: '化解稳定率',
                  dataIndex: 'stabilityRate',
                  align: 'right',
                  render: (r: number | null) => pct(r),
                },
              ]}
            />
          </Card>
          <ProTable<Entry>
            rowKey="id"
            search={false}
            options={false}
            headerTitle={
              place
                ? `排查台账（${c.byJurisdiction.find((r) => r.code === place)?.name ?? place}）`
                : '排查台账'
            }
            toolBarRender={() => [
              <Select
                key="status"
                aria-label="按化解状态筛选"
                allowClear
                placeholder="化解状态"
                style={{ width: 140 }}
                value={status}
                onChange={setStatus}
                options={Object.entries(ENTRY_STATUS_NAMES).map(([value, label]) => ({ value, label }))}
              />,
              <Select
                key="cross"
                aria-label="按三跨三分离筛选"
                allowClear
                placeholder="三跨三分离"
                style={{ width: 140 }}
                value={cross}
                onChange={setCross}
                options={[
                  { value: 'true', label: '三跨三分离' },
                  { value: 'false', label: '其他' },
                ]}
              />,
              ...(c.availableActions.includes('add_entry')
                ? [
                    <AddEntryForm
                      key="add"
                      campaignId={id}
                      defaultPlace={me.jurisdiction?.code ?? c.scopeCode}
                      onDone={() => q.refetch()}
                    />,
                  ]
                : []),
            ]}
            loading={q.isFetching}
            dataSource={c.entries}
            pagination={{ pageSize: 20 }}
            scroll={{ x: 1300 }}
            locale={{ emptyText: '暂无排查登记' }}
            columns={[
              { title: '矛盾纠纷概况', dataIndex: 'description', width: 220, ellipsis: true },
              {
                title: '状态',
                dataIndex: 'statusName',
                width: 116,
                render: (_, e) => <Tag color={STATUS_COLORS[e.status]}>{e.statusName}</Tag>,
              },
              {
                title: '信访件编号',
                dataIndex: 'caseNumber',
                width: 170,
                render: (_, e) =>
                  e.caseId ? (
                    <Link to={`/cases/${e.caseId}`}>{e.caseNumber}</Link>
                  ) : (
                    <Typography.Text type="secondary">未信访</Typography.Text>
                  ),
              },
              { title: '发生地', dataIndex: 'place', width: 110 },
              { title: '类别', dataIndex: 'category', width: 90 },
              { title: '人数', dataIndex: 'partiesCount', width: 60, align: 'right' },
              {
                title: '风险',
                dataIndex: 'riskName',
                width: 60,
                render: (_, e) => <Tag color={e.riskLevel === 'high' ? 'red' : undefined}>{e.riskName}</Tag>,
              },
              { title: '责任单位', dataIndex: 'responsibleUnit', width: 170, ellipsis: true },
              {
                title: '三跨三分离',
                dataIndex: 'crossNames',
                width: 150,
                render: (_, e) =>
                  e.crossNames.length ? (
                    <Space size={2} wrap>
                      {e.crossNames.map((k) => (
                        <Tag key={k} color="purple">
                          {k}
                        </Tag>
                      ))}
                      {e.stable === true || e.status === 'resolved' ? (
                        <Tag color="green">稳定</Tag>
                      ) : e.stable === false ? (
                        <Tag color="red">不稳定</Tag>
                      ) : null}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '登记日期',
                dataIndex: 'createdAt',
                width: 100,
                render: (_, e) => formatDate(e.createdAt),
              },
              {
                title: '操作',
                key: 'op',
                width: 70,
                fixed: 'right',
                render: (_, e) =>
                  c.status === 'active' ? (
                    <EntryStatusForm campaignId={id} entry={e} onDone={() => q.refetch()} />
                  ) : null,
              },
            ]}
          />
        </Space>
      ) : null}
    </PageContainer>
  );
}
