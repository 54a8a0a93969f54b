// 接口密钥 (GET/POST /api/v1/api-keys): machine clients of the admin's subtree. A new key is shown
// once, in a dialog, with how to send it (X-Api-Key); the list shows only its prefix. Revoking one
// stops it at once.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { KeyItem } from '../../../src/apikeys/contract.ts';
import {
  API_SCOPE_NAMES,
  API_SCOPES,
  DEFAULT_KEY_RATE,
  KEY_ROLES,
} from '../../../src/domain/apikeys/scopes.ts';
import { ROLE_NAMES } from '../../../src/domain/roles.ts';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/** The units of the admin's own jurisdiction, for the pickers of keys and subscriptions. */
export function useOwnUnits() {
  const code = useStaff().jurisdiction?.code;
  return useQuery({
    queryKey: ['units-of', code],
    enabled: Boolean(code),
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${code}`),
  });
}

export default function ApiKeysPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm();
  const units = useOwnUnits();
  const list = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => api<{ items: KeyItem[] }>('/api/v1/api-keys'),
  });

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await api<{ key: string }>('/api/v1/api-keys', {
        body: { ...v, name: String(v.name).trim(), rateLimit: v.rateLimit ?? undefined },
      });
      setOpen(false);
      form.resetFields();
      setCreated(r.key);
      void qc.invalidateQueries({ queryKey: ['api-keys'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const revoke = async (id: number) => {
    try {
      await api(`/api/v1/api-keys/${id}/revoke`, { method: 'POST' });
      message.success('已吊销');
      void qc.invalidateQueries({ queryKey: ['api-keys'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <PageContainer
      title={<h1 className="xf-h1">接口密钥</h1>}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          新建密钥
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="接口密钥供其他系统（如12345热线、Open311 客户端）调用本平台接口，按权限范围和数据范围限制，当事人信息一律脱敏。"
        description="请求时放在 X-Api-Key 请求头。密钥只在新建时显示一次，请妥善转交；泄露时立即吊销。"
      />
      <Table<KeyItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无接口密钥' }}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '密钥',
            dataIndex: 'prefix',
            render: (p: string) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {p}
              </Typography.Text>
            ),
          },
          { title: '单位', render: (_, r) => r.unit.name },
          { title: '数据范围', render: (_, r) => r.jurisdiction.name },
          { title: '身份角色', dataIndex: 'roleName' },
          {
            title: '权限范围',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.scopes.map((s) => (
                  <Tag key={s.scope}>{s.name}</Tag>
                ))}
              </Space>
            ),
          },
          { title: '每分钟', dataIndex: 'rateLimit' },
          { title: '最近使用', render: (_, r) => when(r.lastUsedAt) },
          {
            title: '状态',
            render: (_, r) =>
              r.revokedAt ? (
                <Tag color="default">已吊销 {when(r.revokedAt)}</Tag>
              ) : (
                <Tag color="green">有效</Tag>
              ),
          },
          {
            title: '操作',
            render: (_, r) =>
              r.revokedAt ? null : (
                <Popconfirm title={`吊销“${r.name}”？吊销后立即失效。`} onConfirm={() => revoke(r.id)}>
                  <Button danger size="small">
                    吊销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal title="新建接口密钥" open={open} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ scopes: ['read'] }}>
          <Form.Item
            name="name"
            label="名称"
            rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
          >
            <Input maxLength={60} placeholder="如：12345热线对接" />
          </Form.Item>
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={units.isFetching}
              options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="role" label="身份角色" extra="默认：信访局为登记员，职能部门为承办人">
            <Select allowClear options={KEY_ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
          </Form.Item>
          <Form.Item
            name="scopes"
            label="权限范围"
            rules={[{ required: true, message: '请至少选择一项权限范围' }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={API_SCOPES.map((s) => ({ value: s, label: `${API_SCOPE_NAMES[s].name}（${s}）` }))}
            />
          </Form.Item>
          <Form.Item name="rateLimit" label="每分钟请求数上限" extra={`默认 ${DEFAULT_KEY_RATE}`}>
            <InputNumber min={1} max={6000} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="密钥已生成"
        open={created !== null}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已保存"
      >
        <Alert
          type="warning"
          showIcon
          message="密钥只显示这一次，关闭后无法再查看。"
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {created ?? ''}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          调用示例：curl -H "X-Api-Key: 密钥" https://平台地址/api/v1/cases
        </Typography.Text>
      </Modal>
    </PageContainer>
  );
}
