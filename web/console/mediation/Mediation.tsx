// 访调对接: the referrals the caller sees (filter by status), the mediation bodies of the
// jurisdiction and above (leaders and administrators add one), and the counts by body for a period
// (移交数、达成协议数、调解成功率). A matter is referred from its own page.
import { ModalForm, PageContainer, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { MEDIATION_KIND_RULES, MEDIATION_KINDS } from '../../../src/domain/mediation/referrals.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';
import { submit } from './forms.tsx';
import { type BodyItem, type CountRow, type ReferralItem, STATUS_COLORS } from './types.ts';

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function Referrals() {
  const [status, setStatus] = useState<string | undefined>();
  const q = useQuery({
    queryKey: ['mediation', 'list', status],
    queryFn: () =>
      api<{ items: ReferralItem[] }>(`/api/v1/mediation/referrals${status ? `?status=${status}` : ''}`),
  });
  return (
    <>
      <Select
        aria-label="状态"
        allowClear
        placeholder="全部状态"
        style={{ width: 160, marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={Object.entries({
          referred: '调解中',
          agreement: '达成协议',
          settled: '已据协议办结',
          no_agreement: '未达成协议',
          withdrawn: '已撤回',
        }).map(([value, label]) => ({ value, label }))}
      />
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      <Table<ReferralItem>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '信访事项',
            key: 'case',
            render: (_, r) => (
              <Link to={`/mediation/referrals/${r.id}`}>
                {r.caseNumber} {r.subject}
              </Link>
            ),
          },
          { title: '调解组织', key: 'body', render: (_, r) => `${r.body}（${r.kindName}）` },
          { title: '范围', dataIndex: 'scopeName', width: 90 },
          { title: '调解期限', dataIndex: 'deadline', width: 110 },
          {
            title: '状态',
            key: 'status',
            width: 170,
            render: (_, r) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>
                {r.overdue ? <Tag color="red">逾期</Tag> : null}
              </Space>
            ),
          },
          { title: '调解协议书', dataIndex: 'agreementNumber', width: 170, render: (v) => v ?? '—' },
          { title: '移交时间', dataIndex: 'referredAt', width: 160, render: (v) => formatDateTime(v) },
        ]}
      />
    </>
  );
}

function Bodies() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['mediation', 'bodies', 'all'],
    queryFn: () => api<{ items: BodyItem[] }>('/api/v1/mediation/bodies?all=true'),
  });
  const canKeep = me.abilities.mediationBodies;
  return (
    <>
      {canKeep ? (
        <ModalForm<{ kind: string; name: string; address?: string; phone?: string }>
          title="新增调解组织"
          width={520}
          layout="vertical"
          modalProps={{ destroyOnHidden: true }}
          trigger={<Button style={{ marginBottom: 12 }}>新增调解组织</Button>}
          initialValues={{ kind: 'people' }}
          onFinish={(v) =>
            submit(
              message,
              () =>
                api('/api/v1/mediation/bodies', {
                  body: {
                    ...v,
                    jurisdictionCode: me.jurisdiction?.code,
                    address: v.address || undefined,
                    phone: v.phone || undefined,
                  },
                }),
              '已新增',
              () => qc.invalidateQueries({ queryKey: ['mediation', 'bodies'] }),
            )
          }
        >
          <ProFormSelect
            name="kind"
            label="调解类型"
            options={MEDIATION_KINDS.map((k) => ({ value: k, label: MEDIATION_KIND_RULES[k].name }))}
          />
          <ProFormText name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]} />
          <ProFormText name="address" label="地址" />
          <ProFormText name="phone" label="办公电话" />
        </ModalForm>
      ) : null}
      <Table<BodyItem>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '调解类型', dataIndex: 'kindName', width: 100 },
          { title: '默认期限', dataIndex: 'deadlineDays', width: 100, render: (v) => `${v}日` },
          { title: '地址', dataIndex: 'address', render: (v) => v ?? '—' },
          { title: '办公电话', dataIndex: 'phone', width: 140, render: (v) => v ?? '—' },
          { title: '状态', dataIndex: 'active', width: 80, render: (v) => (v ? '在用' : '已停用') },
        ]}
      />
    </>
  );
}

function Indicators() {
  const today = shanghaiToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const q = useQuery({
    queryKey: ['mediation', 'indicators', from, to],
    queryFn: () =>
      api<{ total: CountRow; byBody: (CountRow & { bodyId: number; body: string })[] }>(
        `/api/v1/mediation/indicators?from=${from}&to=${to}`,
      ),
    retry: false,
  });
  const rate = (v: number | null) => (v === null ? '—' : `${v}%`);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>统计期间</span>
        <Input type="date" aria-label="开始日期" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Input type="date" aria-label="结束日期" value={to} onChange={(e) => setTo(e.target.value)} />
      </Space>
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      {q.data ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {(
              [
                ['移交调解', q.data.total.referrals],
                ['达成协议', q.data.total.agreements],
                ['调解不成', q.data.total.failed],
                ['调解成功率', rate(q.data.total.agreementRate)],
              ] as const
            ).map(([label, v]) => (
              <Col span={6} key={label}>
                <Card size="small">
                  <Statistic title={label} value={v} />
                </Card>
              </Col>
            ))}
          </Row>
          <Table
            rowKey="bodyId"
            size="small"
            pagination={false}
            dataSource={q.data.byBody}
            columns={[
              { title: '调解组织', dataIndex: 'body' },
              { title: '移交', dataIndex: 'referrals', width: 80 },
              { title: '调解中', dataIndex: 'ongoing', width: 80 },
              { title: '达成协议', dataIndex: 'agreements', width: 90 },
              { title: '调解不成', dataIndex: 'failed', width: 90 },
              { title: '据协议办结', dataIndex: 'settled', width: 100 },
              { title: '调解成功率', dataIndex: 'agreementRate', width: 100, render: rate },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

export default function MediationPage() {
  const me = useStaff();
  const bureau = me.abilities.mediationCounts;
  return (
    <PageContainer title={<h1 className="xf-h1">访调对接</h1>}>
      <Card>
        <Tabs
          items={[
            { key: 'referrals', label: '调解移交', children: <Referrals /> },
            { key: 'bodies', label: '调解组织', children: <Bodies /> },
            ...(bureau ? [{ key: 'counts', label: '调解统计', children: <Indicators /> }] : []),
          ]}
        />
      </Card>
    </PageContainer>
  );
}
