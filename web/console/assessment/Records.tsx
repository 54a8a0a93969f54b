// 通报、约谈、重点管理、问责: the records in the caller's scope, filtered by kind; a record opens with
// the matters and supervision orders behind it, its follow-up (约谈回访, 解除重点管理) and the 通报
// as Word; supervisors and leaders of a bureau record a new one on a unit, linked to its orders.
import {
  ModalForm,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import type { OrderItem } from '../../../src/supervision/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';
import { type AccRecord, KIND_COLORS, type RecordDetail } from './types.ts';

const KINDS = [
  { value: 'notice', label: '通报' },
  { value: 'interview', label: '约谈' },
  { value: 'special_management', label: '重点管理' },
  { value: 'accountability', label: '问责' },
];
const day = (v: unknown) =>
  typeof v === 'string' ? v : (v as { format?: (f: string) => string })?.format?.('YYYY-MM-DD');

export function RecordDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['assessment', 'record', id],
    enabled: id !== null,
    queryFn: () => api<RecordDetail>(`/api/v1/assessment/records/${id}`),
  });
  const r = q.data;
  const [result, setResult] = useState('');
  const follow = async () => {
    if (!r?.followUp) return;
    try {
      await api(`/api/v1/assessment/records/${r.id}/follow-up`, {
        body:
          r.followUp.action === 'follow_up'
            ? { action: 'follow_up', result }
            : { action: 'lift', note: result || undefined },
      });
      message.success(`已${r.followUp.name}`);
      setResult('');
      await qc.invalidateQueries({ queryKey: ['assessment'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={r ? `${r.kindName}：${r.title}` : '记录'}>
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      {r ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="类型">
              <Tag color={KIND_COLORS[r.kind]}>{r.kindName}</Tag> {r.statusName}
            </Descriptions.Item>
            {r.number ? <Descriptions.Item label="文号">{r.number}</Descriptions.Item> : null}
            <Descriptions.Item label="单位">
              <Link to={`/assessment/units/${r.unitId}`}>{r.unit}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="决定机关">{r.issuer}</Descriptions.Item>
            <Descriptions.Item label="决定日期">{r.decidedOn}</Descriptions.Item>
            <Descriptions.Item label="事由">{r.facts}</Descriptions.Item>
            {r.person ? <Descriptions.Item label="对象">{r.person}</Descriptions.Item> : null}
            {r.interviewer ? <Descriptions.Item label="约谈人">{r.interviewer}</Descriptions.Item> : null}
            {r.commitments ? <Descriptions.Item label="整改承诺">{r.commitments}</Descriptions.Item> : null}
            {r.followUpOn ? <Descriptions.Item label="回访日期">{r.followUpOn}</Descriptions.Item> : null}
            {r.followUpResult ? (
              <Descriptions.Item label="回访结果">{r.followUpResult}</Descriptions.Item>
            ) : null}
            {r.periodFrom ? (
              <Descriptions.Item label="管理期间">
                {r.periodFrom} 至 {r.periodTo}
              </Descriptions.Item>
            ) : null}
            {r.measures ? <Descriptions.Item label="管理措施">{r.measures}</Descriptions.Item> : null}
            {r.form ? <Descriptions.Item label="问责方式">{r.form}</Descriptions.Item> : null}
            {r.decision ? <Descriptions.Item label="问责决定">{r.decision}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={5}>关联督办</Typography.Title>
          {r.orders.length ? (
            <ul>
              {r.orders.map((o) => (
                <li key={o.id}>
                  <Link to={`/supervision/${o.id}`}>{o.number ?? `督办 #${o.id}`}</Link> {o.typeName} ·{' '}
                  {o.unit} · {o.statusName}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">无</Typography.Text>
          )}
          <Typography.Title level={5}>关联信访事项</Typography.Title>
          {r.cases.length ? (
            <ul>
              {r.cases.map((c) => (
                <li key={c.id}>
                  <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link> {c.subject}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">无</Typography.Text>
          )}
          {r.kind === 'notice' ? (
            <Button
              onClick={() =>
                downloadFile(`/api/v1/assessment/records/${r.id}/notice.docx`, 'notice.docx').catch((e) =>
                  message.error(errorMessage(e)),
                )
              }
            >
              下载通报（Word）
            </Button>
          ) : null}
          {r.followUp && me.abilities.assessmentDecide ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label={r.followUp.action === 'follow_up' ? '回访结果' : '解除说明'}
                placeholder={r.followUp.action === 'follow_up' ? '回访结果' : '解除说明（可选）'}
                value={result}
                onChange={(e) => setResult(e.target.value)}
              />
              <Button type="primary" onClick={follow}>
                {r.followUp.name}
              </Button>
            </Space.Compact>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

function NewRecord({ onDone }: { onDone: (id: number) => void }) {
  const me = useStaff();
  const { message } = App.useApp();
  const [code, setCode] = useState(me.jurisdiction?.code ?? '');
  const [unitId, setUnitId] = useState<number | undefined>();
  const [kind, setKind] = useState('interview');
  const units = useQuery({
    queryKey: ['jurisdiction-units', code],
    enabled: /^\d{6}(\d{3})?$/.test(code),
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${code}`),
  });
  const orders = useQuery({
    queryKey: ['supervision', 'unit', unitId],
    enabled: unitId !== undefined,
    queryFn: () => api<{ items: OrderItem[] }>(`/api/v1/supervision?unitId=${unitId}`),
  });
  return (
    <ModalForm<Record<string, unknown>>
      title="新增问责记录"
      width={680}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button type="primary">新增记录</Button>}
      onFinish={async (v) => {
        const orderIds = (v.orderIds as number[] | undefined) ?? [];
        const caseIds = [
          ...new Set(
            (orders.data?.items ?? [])
              .filter((o) => orderIds.includes(o.id) && o.caseId)
              .map((o) => o.caseId as number),
          ),
        ];
        try {
          const r = await api<{ id: number }>('/api/v1/assessment/records', {
            body: {
              ...v,
              kind,
              unitId,
              decidedOn: day(v.decidedOn),
              followUpOn: day(v.followUpOn),
              periodFrom: day(v.periodFrom),
              periodTo: day(v.periodTo),
              orderIds,
              caseIds,
            },
          });
          message.success('已记录');
          onDone(r.id);
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="记录类型"
          style={{ width: 140 }}
          value={kind}
          onChange={setKind}
          options={KINDS}
        />
        <Input
          aria-label="单位所在区划代码"
          style={{ width: 160 }}
          value={code}
          onChange={(e) => setCode(e.target.value.trim())}
        />
        <Select
          aria-label="单位"
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          placeholder="选择单位"
          value={unitId}
          onChange={setUnitId}
          options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Space>
      <ProFormText name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]} />
      <ProFormTextArea name="facts" label="事由" rules={[{ required: true, message: '请填写事由' }]} />
      <ProFormDatePicker
        name="decidedOn"
        label="决定日期"
        rules={[{ required: true, message: '请选择日期' }]}
      />
      {kind === 'interview' || kind === 'accountability' ? (
        <ProFormText name="person" label="对象（姓名、职务）" />
      ) : null}
      {kind === 'interview' ? (
        <>
          <ProFormText name="interviewer" label="约谈人" />
          <ProFormTextArea name="commitments" label="整改承诺" />
          <ProFormDatePicker name="followUpOn" label="回访日期" />
        </>
      ) : null}
      {kind === 'special_management' ? (
        <>
          <ProFormDatePicker name="periodFrom" label="管理起始日期" />
          <ProFormDatePicker name="periodTo" label="管理截止日期" />
          <ProFormTextArea name="measures" label="管理措施" />
        </>
      ) : null}
      {kind === 'accountability' ? (
        <>
          <ProFormSelect
            name="form"
            label="问责方式"
            options={['通报批评', '诫勉谈话', '责令检查', '组织调整', '党纪政务处分'].map((v) => ({
              value: v,
              label: v,
            }))}
          />
          <ProFormTextArea name="decision" label="问责决定" />
        </>
      ) : null}
      {kind === 'notice' ? <ProFormTextArea name="decision" label="处理意见（可选）" /> : null}
      <ProFormSelect
        name="orderIds"
        label="关联督办（其信访事项一并关联）"
        mode="multiple"
        options={(orders.data?.items ?? []).map((o) => ({
          value: o.id,
          label: `${o.number ?? `督办 #${o.id}`} ${o.typeName}（${o.statusName}）`,
        }))}
      />
    </ModalForm>
  );
}

export default function RecordsTab() {
  const me = useStaff();
  const [kind, setKind] = useState<string | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['assessment', 'records', kind],
    queryFn: () => api<{ items: AccRecord[] }>(`/api/v1/assessment/records${kind ? `?kind=${kind}` : ''}`),
  });
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="类型"
          allowClear
          placeholder="全部类型"
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={KINDS}
        />
        {me.abilities.assessmentDecide ? (
          <NewRecord
            onDone={(id) => {
              void qc.invalidateQueries({ queryKey: ['assessment'] });
              setOpen(id);
            }}
          />
        ) : null}
      </Space>
      {q.isError ? <Typography.Paragraph type="danger">{errorMessage(q.error)}</Typography.Paragraph> : null}
      <RecordTable items={q.data?.items ?? []} loading={q.isPending} onOpen={setOpen} />
      <RecordDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

export function RecordTable(props: { items: AccRecord[]; loading?: boolean; onOpen: (id: number) => void }) {
  return (
    <Table<AccRecord>
      rowKey="id"
      loading={props.loading}
      dataSource={props.items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '类型',
          dataIndex: 'kindName',
          width: 100,
          render: (v, r) => <Tag color={KIND_COLORS[r.kind]}>{v}</Tag>,
        },
        {
          title: '标题',
          dataIndex: 'title',
          render: (v, r) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => props.onOpen(r.id)}>
              {v}
            </Button>
          ),
        },
        {
          title: '单位',
          dataIndex: 'unit',
          render: (v, r) => <Link to={`/assessment/units/${r.unitId}`}>{v}</Link>,
        },
        { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
        { title: '状态', dataIndex: 'statusName', width: 110 },
      ]}
    />
  );
}
