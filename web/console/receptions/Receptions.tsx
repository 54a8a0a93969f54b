// 领导接访: the calendar of the caller's jurisdiction (past and coming receptions, by kind and
// status), planning a reception (registrars, supervisors, leaders of a bureau), and the indicators
// of a period — batches (批次), persons (人次), solved on the spot (当场解决) by leader and level.
import {
  ModalForm,
  PageContainer,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RECEPTION_KIND_RULES, RECEPTION_KINDS } from '../../../src/domain/receptions/kinds.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import {
  type IndicatorRow,
  type LeadersAnswer,
  type ReceptionIndicators,
  type Slot,
  STATUS_COLORS,
} from './types.ts';

const KIND_OPTIONS = RECEPTION_KINDS.map((k) => ({ value: k, label: RECEPTION_KIND_RULES[k].name }));

function PlanForm({ onDone }: { onDone: (id: number) => void }) {
  const { message } = App.useApp();
  const leaders = useQuery({
    queryKey: ['reception-leaders'],
    queryFn: () => api<LeadersAnswer>('/api/v1/receptions/leaders'),
  });
  return (
    <ModalForm<{
      kind: string;
      leaderUserId: number;
      leaderTitle: string;
      startsAt: string;
      endsAt: string;
      place: string;
      topics: string;
      capacity: number;
    }>
      title="安排领导接访"
      width={620}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button type="primary">安排接访</Button>}
      initialValues={{ kind: 'receive', capacity: 10 }}
      onFinish={async (v) => {
        try {
          const r = await api<{ id: number }>('/api/v1/receptions', {
            body: {
              ...v,
              startsAt: dayjs(v.startsAt).format('YYYY-MM-DDTHH:mm:ssZ'),
              endsAt: dayjs(v.endsAt).format('YYYY-MM-DDTHH:mm:ssZ'),
            },
          });
          message.success('已安排接访，并在门户网站公布');
          onDone(r.id);
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormSelect name="kind" label="接访方式" options={KIND_OPTIONS} rules={[{ required: true }]} />
      <ProFormSelect
        name="leaderUserId"
        label="接访领导"
        showSearch
        options={(leaders.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.unit}）` }))}
        rules={[{ required: true, message: '请选择接访领导' }]}
      />
      <ProFormText
        name="leaderTitle"
        label="领导职务（公布用）"
        placeholder="如：区长、副区长"
        rules={[{ required: true, message: '请填写领导职务' }]}
      />
      <Space>
        <ProFormDateTimePicker
          name="startsAt"
          label="开始时间"
          rules={[{ required: true, message: '请选择开始时间' }]}
        />
        <ProFormDateTimePicker
          name="endsAt"
          label="结束时间"
          rules={[{ required: true, message: '请选择结束时间' }]}
        />
      </Space>
      <ProFormText name="place" label="接访地点" rules={[{ required: true, message: '请填写接访地点' }]} />
      <ProFormTextArea
        name="topics"
        label="接访主题"
        rules={[{ required: true, message: '请填写接访主题' }]}
      />
      <ProFormDigit name="capacity" label="预约名额" min={1} max={200} rules={[{ required: true }]} />
    </ModalForm>
  );
}

function Calendar() {
  const me = useStaff();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const params = new URLSearchParams();
  if (kind) params.set('kind', kind);
  if (status) params.set('status', status);
  const q = useQuery({
    queryKey: ['receptions', kind, status],
    queryFn: () => api<{ items: Slot[] }>(`/api/v1/receptions?${params}`),
  });
  const canPlan = me.abilities.receptionPlan;
  return (
    <Card>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label="接访方式"
          allowClear
          placeholder="全部方式"
          style={{ width: 140 }}
          value={kind}
          onChange={setKind}
          options={KIND_OPTIONS}
        />
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: '待接访' },
            { value: 'held', label: '已接访' },
            { value: 'cancelled', label: '已取消' },
          ]}
        />
        {canPlan ? <PlanForm onDone={(id) => navigate(`/receptions/${id}`)} /> : null}
      </Space>
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      <Table<Slot>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '时间', dataIndex: 'time', width: 110 },
          {
            title: '方式',
            dataIndex: 'kindName',
            width: 90,
            render: (v, s) => <Tag color={s.kind === 'video' ? 'purple' : 'red'}>{v}</Tag>,
          },
          {
            title: '接访领导',
            dataIndex: 'leader',
            render: (v, s) => <Link to={`/receptions/${s.id}`}>{v}</Link>,
          },
          { title: '地点', dataIndex: 'place' },
          { title: '主题', dataIndex: 'topics', ellipsis: true },
          {
            title: '名额',
            key: 'seats',
            width: 90,
            render: (_, s) => `${s.capacity - s.seatsLeft}/${s.capacity}`,
          },
          {
            title: '状态',
            dataIndex: 'statusName',
            width: 90,
            render: (v, s) => <Tag color={STATUS_COLORS[s.status]}>{v}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

type IndicatorLine = IndicatorRow & { leader?: string; levelName?: string };

function Indicators() {
  const me = useStaff();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ['reception-indicators', from, to],
    queryFn: () => api<ReceptionIndicators>(`/api/v1/receptions/indicators?from=${from}&to=${to}`),
  });
  const t = q.data?.total;
  const cols = (first: { title: string; key: 'leader' | 'levelName' }) => [
    { title: first.title, dataIndex: first.key },
    { title: '接访场次', dataIndex: 'receptions', width: 100 },
    { title: '接待批次', dataIndex: 'batches', width: 100 },
    { title: '接待人次', dataIndex: 'persons', width: 100 },
    { title: '反映事项', dataIndex: 'matters', width: 100 },
    { title: '当场解决', dataIndex: 'solvedOnSpot', width: 100 },
  ];
  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <span>{me.jurisdiction?.name}</span>
        <DatePicker.RangePicker
          aria-label="统计期间"
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
      </Space>
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          ['接待批次', t?.batches],
          ['接待人次', t?.persons],
          ['当场解决（件）', t?.solvedOnSpot],
          ['接访场次', t?.receptions],
        ].map(([label, n]) => (
          <Col span={6} key={String(label)}>
            <Card size="small">
              <Statistic title={label} value={n ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>按领导</Typography.Title>
      <Table<IndicatorLine>
        rowKey="leader"
        size="small"
        pagination={false}
        dataSource={q.data?.byLeader ?? []}
        columns={cols({ title: '接访领导', key: 'leader' })}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        按层级
      </Typography.Title>
      <Table<IndicatorLine>
        rowKey="levelName"
        size="small"
        pagination={false}
        dataSource={q.data?.byLevel ?? []}
        columns={cols({ title: '层级', key: 'levelName' })}
      />
    </Card>
  );
}

export default function ReceptionsPage() {
  return (
    <PageContainer title={<h1 className="xf-h1">领导接访</h1>}>
      <Tabs
        items={[
          { key: 'calendar', label: '接访日程', children: <Calendar /> },
          { key: 'indicators', label: '接访统计', children: <Indicators /> },
        ]}
      />
    </PageContainer>
  );
}
