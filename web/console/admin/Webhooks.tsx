// 事件推送 (GET/POST /api/v1/webhooks): subscriptions of the admin's subtree with their delivery
// counts, a new one (its signing secret shown once), pause/resume, and the deliveries — the
// dead-letter view (死信) by default — with 重新推送 on each.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENTS } from '../../../src/domain/webhooks/events.ts';
import type { DeliveryItem, SubscriptionItem } from '../../../src/webhooks/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useOwnUnits } from './ApiKeys.tsx';

const STATUS: Record<DeliveryItem['status'], { label: string; color: string }> = {
  pending: { label: '排队中', color: 'blue' },
  delivered: { label: '已送达', color: 'green' },
  dead: { label: '死信', color: 'red' },
};
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

export default function WebhooksPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [status, setStatus] = useState<DeliveryItem['status']>('dead');
  const [form] = Form.useForm();
  const units = useOwnUnits();
  const subs = useQuery({
    queryKey: ['webhooks'],
    queryFn: () => api<{ items: SubscriptionItem[] }>('/api/v1/webhooks'),
  });
  const deliveries = useQuery({
    queryKey: ['webhook-deliveries', status],
    queryFn: () => api<{ items: DeliveryItem[] }>(`/api/v1/webhooks/deliveries?status=${status}`),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['webhooks'] });
    void qc.invalidateQueries({ queryKey: ['webhook-deliveries'] });
  };
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await api<{ secret: string }>('/api/v1/webhooks', {
        body: { ...v, name: String(v.name).trim(), url: String(v.url).trim() },
      });
      setOpen(false);
      form.resetFields();
      setSecret(r.secret);
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <PageContainer
      title={<h1 className="xf-h1">事件推送</h1>}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          新建订阅
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="信访事项登记、受理、答复、办结、逾期等事件发生时，平台向订阅地址推送签名消息（不含当事人信息）；推送失败自动重试，多次失败转为死信，可在下方重新推送。"
      />
      <Table<SubscriptionItem>
        rowKey="id"
        size="middle"
        loading={subs.isFetching}
        dataSource={subs.data?.items ?? []}
        locale={{ emptyText: subs.isError ? errorMessage(subs.error) : '暂无订阅' }}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '推送地址',
            dataIndex: 'url',
            render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
          },
          { title: '数据范围', render: (_, r) => r.jurisdiction.name },
          {
            title: '事件',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.eventTypes.map((e) => (
                  <Tag key={e.type}>{e.name.replace(/（.*）/, '')}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '推送情况',
            render: (_, r) => `送达 ${r.counts.delivered} · 排队 ${r.counts.pending} · 死信 ${r.counts.dead}`,
          },
          {
            title: '状态',
            render: (_, r) => (r.active ? <Tag color="green">推送中</Tag> : <Tag>已暂停</Tag>),
          },
          {
            title: '操作',
            render: (_, r) => (
              <Button
                size="small"
                onClick={() =>
                  run(
                    () => api(`/api/v1/webhooks/${r.id}/active`, { body: { active: !r.active } }),
                    r.active ? '已暂停' : '已恢复',
                  )
                }
              >
                {r.active ? '暂停' : '恢复'}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ margin: '24px 0 12px' }}>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          推送记录
        </Typography.Title>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as DeliveryItem['status'])}
          options={(['dead', 'pending', 'delivered'] as const).map((s) => ({
            value: s,
            label: STATUS[s].label,
          }))}
        />
      </Space>
      <Table<DeliveryItem>
        rowKey="id"
        size="middle"
        loading={deliveries.isFetching}
        dataSource={deliveries.data?.items ?? []}
        locale={{ emptyText: deliveries.isError ? errorMessage(deliveries.error) : '暂无记录' }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '时间', render: (_, r) => when(r.createdAt) },
          { title: '订阅', render: (_, r) => r.subscription.name },
          { title: '事件', dataIndex: 'eventName' },
          { title: '信访件编号', dataIndex: 'caseNumber' },
          {
            title: '状态',
            render: (_, r) => <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>,
          },
          { title: '尝试次数', dataIndex: 'attempts' },
          { title: '最近错误', dataIndex: 'lastError', render: (e: string | null) => e ?? '—' },
          {
            title: '操作',
            render: (_, r) =>
              r.status === 'pending' ? null : (
                <Button
                  size="small"
                  onClick={() =>
                    run(
                      () => api(`/api/v1/webhooks/deliveries/${r.id}/replay`, { method: 'POST' }),
                      '已重新排队推送',
                    )
                  }
                >
                  重新推送
                </Button>
              ),
          },
        ]}
      />
      <Modal
        title="新建事件推送订阅"
        open={open}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label="名称"
            rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={units.isFetching}
              options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item
            name="url"
            label="推送地址"
            rules={[
              {
                required: true,
                pattern: /^https?:\/\/\S+$/,
                message: '请填写 http:// 或 https:// 开头的网址',
              },
            ]}
          >
            <Input placeholder="https://example.gov.cn/xinfang/hooks" />
          </Form.Item>
          <Form.Item
            name="eventTypes"
            label="事件类型"
            rules={[{ required: true, message: '请至少选择一种事件' }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={WEBHOOK_EVENTS.map((t) => ({ value: t, label: WEBHOOK_EVENT_NAMES[t] }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="订阅已创建"
        open={secret !== null}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已保存"
      >
        <Alert
          type="warning"
          showIcon
          message="签名密钥只显示这一次，用于校验推送的 X-Xinfang-Signature。"
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {secret ?? ''}
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
