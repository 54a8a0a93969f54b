// 部门联动: the referrals to joint-conference members the caller sees (filters: type, status,
// overdue), the 跨省协作 records with their letters, the conference's member bodies with their
// liaisons, and the counts by type and body. Referring and opening a cooperation start from a case.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  MEMBER_BODY_DEFS,
  type MemberBody,
  REFERRAL_RULES,
  type ReferralType,
} from '../../../src/domain/linkage/referrals.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';
import { CooperationStepForm, TYPE_OPTIONS } from './forms.tsx';
import {
  type Cooperation,
  type CountRow,
  type Member,
  type MembersAnswer,
  REFERRAL_STATUS_COLORS,
  type ReferralCounts,
  type ReferralItem,
} from './types.ts';

export function ReferralTags({ r }: { r: ReferralItem }) {
  return (
    <Space size={4} wrap>
      <Tag color={REFERRAL_STATUS_COLORS[r.status]}>{r.statusName}</Tag>
      {r.overdue ? <Tag color="red">逾期未反馈</Tag> : null}
    </Space>
  );
}

function Referrals() {
  const [type, setType] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const params = new URLSearchParams();
  if (type) params.set('type', type);
  if (status) params.set('status', status);
  if (overdue) params.set('overdue', 'true');
  const q = useQuery({
    queryKey: ['linkage', 'referrals', type, status, overdue],
    queryFn: () => api<{ items: ReferralItem[] }>(`/api/v1/linkage/referrals?${params}`),
  });
  return (
    <Card>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label="事项类型"
          allowClear
          placeholder="全部类型"
          style={{ width: 280 }}
          value={type}
          onChange={setType}
          options={TYPE_OPTIONS}
        />
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'referred', label: '已移交待反馈' },
            { value: 'fed_back', label: '已反馈待办结' },
            { value: 'closed', label: '已办结' },
          ]}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          只看逾期未反馈
        </Checkbox>
      </Space>
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
            render: (_, r) => <Link to={`/linkage/referrals/${r.id}`}>{`${r.caseNumber} ${r.subject}`}</Link>,
          },
          { title: '类型', dataIndex: 'typeName', width: 160 },
          { title: '成员单位', dataIndex: 'member' },
          { title: '反馈期限', dataIndex: 'deadline', width: 110 },
          { title: '状态', key: 'status', width: 200, render: (_, r) => <ReferralTags r={r} /> },
          { title: '移交时间', dataIndex: 'referredAt', width: 160, render: (v) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}

export function CooperationTable(props: { caseId?: number }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['linkage', 'cooperations', props.caseId ?? null],
    queryFn: () =>
      api<{ items: Cooperation[] }>(
        `/api/v1/linkage/cooperations${props.caseId ? `?caseId=${props.caseId}` : ''}`,
      ),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['linkage'] });
  return (
    <Table<Cooperation>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={q.data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        ...(props.caseId
          ? []
          : [
              {
                title: '信访事项',
                key: 'case',
                render: (_: unknown, c: Cooperation) => (
                  <Link to={`/cases/${c.caseId}`}>{`${c.caseNumber} ${c.subject}`}</Link>
                ),
              },
            ]),
        { title: '协作省份', dataIndex: 'counterpartProvinceName', width: 110 },
        { title: '对方单位', dataIndex: 'counterpartBureau' },
        { title: '协作事项', dataIndex: 'matter' },
        {
          title: '函件往来与结果',
          key: 'letters',
          render: (_, c) => (
            <div>
              {c.letters.map((l) => (
                <div key={`${l.date}-${l.summary}`}>
                  <Tag color={l.direction === 'out' ? 'blue' : 'green'}>{l.directionName}</Tag>
                  {l.date} {l.reference ? `${l.reference} ` : ''}
                  {l.summary}
                </div>
              ))}
              {c.outcomeName ? (
                <div style={{ marginTop: 4 }}>
                  <Typography.Text strong>结果：{c.outcomeName}</Typography.Text> {c.outcomeNote}
                </div>
              ) : null}
            </div>
          ),
        },
        {
          title: '状态',
          key: 'status',
          width: 100,
          render: (_, c) => <Tag color={c.status === 'open' ? 'processing' : 'green'}>{c.statusName}</Tag>,
        },
        {
          title: '操作',
          key: 'act',
          width: 170,
          render: (_, c) =>
            c.canAct ? (
              <Space size={4}>
                <CooperationStepForm
                  id={c.id}
                  action="letter"
                  trigger={<Button size="small">登记函件</Button>}
                  onDone={refresh}
                />
                <CooperationStepForm
                  id={c.id}
                  action="close"
                  trigger={<Button size="small">结束</Button>}
                  onDone={refresh}
                />
              </Space>
            ) : null,
        },
      ]}
    />
  );
}

function Members() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['linkage', 'members'],
    queryFn: () => api<MembersAnswer>('/api/v1/linkage/members'),
  });
  const canEdit = me.abilities.linkageEdit;
  const save = async (m: Member, liaison: string) => {
    try {
      await api(`/api/v1/linkage/members/${m.id}`, { method: 'PATCH', body: { liaison: liaison || null } });
      message.success('已保存联络员');
      await qc.invalidateQueries({ queryKey: ['linkage', 'members'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const handles = (body: string) =>
    Object.values(REFERRAL_RULES)
      .filter((r) => (r.bodies as readonly string[]).includes(body))
      .map((r) => r.name)
      .join('、');
  return (
    <Card>
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      <Table<Member>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '成员单位', dataIndex: 'name' },
          { title: '类别', dataIndex: 'bodyName', width: 100 },
          { title: '承接事项', key: 'types', render: (_, m) => handles(m.body) },
          {
            title: '平台账号',
            key: 'unit',
            width: 110,
            render: (_, m) => (m.unitId ? <Tag color="blue">可在线反馈</Tag> : <Tag>由信访部门代录</Tag>),
          },
          {
            title: '联络员',
            key: 'liaison',
            width: 280,
            render: (_, m) =>
              canEdit ? (
                <Input.Search
                  aria-label={`${m.name}联络员`}
                  defaultValue={m.liaison ?? ''}
                  enterButton="保存"
                  size="small"
                  maxLength={200}
                  onSearch={(v) => save(m, v)}
                />
              ) : (
                (m.liaison ?? '—')
              ),
          },
        ]}
      />
    </Card>
  );
}

function Counts() {
  const q = useQuery({
    queryKey: ['linkage', 'counts'],
    queryFn: () => api<ReferralCounts>('/api/v1/linkage/referrals/counts'),
    retry: false,
  });
  if (q.isError) return <Typography.Text type="secondary">{errorMessage(q.error)}</Typography.Text>;
  return (
    <Card>
      <Table<CountRow>
        rowKey={(r) => `${r.type}-${r.body}`}
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: '类型',
            key: 'type',
            render: (_, r) => REFERRAL_RULES[r.type as ReferralType]?.name ?? r.type,
          },
          {
            title: '成员单位',
            key: 'body',
            render: (_, r) => MEMBER_BODY_DEFS[r.body as MemberBody]?.short ?? r.body,
          },
          { title: '移交', dataIndex: 'referred' },
          { title: '已反馈', dataIndex: 'fedBack' },
          { title: '已办结', dataIndex: 'closed' },
          { title: '逾期未反馈', dataIndex: 'overdue', render: (v) => (v ? <Tag color="red">{v}</Tag> : 0) },
        ]}
      />
    </Card>
  );
}

export default function LinkagePage() {
  const me = useStaff();
  return (
    <PageContainer
      title={<h1 className="xf-h1">部门联动</h1>}
      content={
        <Typography.Text type="secondary">
          信访工作联席会议成员单位对接：检举揭发移交纪委监委，涉法涉诉移交政法委（法院、检察院），信访救助对接财政、民政，治安风险警信联动；跨省信访事项协作化解。移交和协作从信访事项页面发起。
        </Typography.Text>
      }
    >
      <Tabs
        items={[
          { key: 'referrals', label: '移交事项', children: <Referrals /> },
          {
            key: 'cooperations',
            label: '跨省协作',
            children: (
              <Card>
                <CooperationTable />
              </Card>
            ),
          },
          { key: 'members', label: '成员单位', children: <Members /> },
          ...(me.abilities.linkageDesk ? [{ key: 'counts', label: '统计', children: <Counts /> }] : []),
        ]}
      />
    </PageContainer>
  );
}
