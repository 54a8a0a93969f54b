// 大屏展示令牌 (GET/POST /api/v1/kiosk/tokens): the hall's big screens of the admin's subtree. A
// new token is shown once, as the address to open on the screen (/screen/?kiosk=…); the list shows
// only its prefix. It keeps the screen open without a 12-hour login; revoking it sends the screen
// back to the login page at once.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { KioskToken } from '../../../src/kiosk/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

export default function KioskTokensPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useStaff();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['kiosk-tokens'],
    queryFn: () => api<{ items: KioskToken[] }>('/api/v1/kiosk/tokens'),
  });

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const body: { name: string; jurisdictionCode?: string } = { name: String(v.name).trim() };
      const code = String(v.jurisdictionCode ?? '').trim();
      if (code) body.jurisdictionCode = code;
      const r = await api<{ path: string }>('/api/v1/kiosk/tokens', { body });
      setOpen(false);
      form.resetFields();
      setCreated(`${window.location.origin}${r.path}`);
      void qc.invalidateQueries({ queryKey: ['kiosk-tokens'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const revoke = async (id: number) => {
    try {
      await api(`/api/v1/kiosk/tokens/${id}/revoke`, { method: 'POST' });
      message.success('已吊销，该大屏将回到登录页');
      void qc.invalidateQueries({ queryKey: ['kiosk-tokens'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <PageContainer
      title={<h1 className="xf-h1">大屏展示令牌</h1>}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          新建令牌
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="接待大厅的大屏用展示令牌打开，不必每12小时重新登录。令牌只能查看大屏上的统计数据，不能查看案件或做任何操作。"
        description="新建后得到一个地址，在大屏的浏览器中打开即可；地址只显示一次。大屏不用或地址外泄时，立即吊销。"
      />
      <Table<KioskToken>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无大屏展示令牌' }}
        pagination={false}
        columns={[
          { title: '大屏位置', dataIndex: 'name' },
          {
            title: '令牌',
            dataIndex: 'prefix',
            render: (p: string) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {p}
              </Typography.Text>
            ),
          },
          { title: '显示区划', render: (_, r) => r.jurisdiction.name },
          { title: '新建于', render: (_, r) => when(r.createdAt) },
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
                <Popconfirm
                  title={`吊销“${r.name}”？吊销后该大屏立即回到登录页。`}
                  onConfirm={() => revoke(r.id)}
                >
                  <Button danger size="small">
                    吊销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        title="新建大屏展示令牌"
        open={open}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label="大屏位置"
            rules={[{ required: true, whitespace: true, message: '请填写大屏位置' }]}
          >
            <Input maxLength={60} placeholder="如：一楼接待大厅" />
          </Form.Item>
          <Form.Item
            name="jurisdictionCode"
            label="显示区划代码"
            extra={`留空为本辖区（${me.jurisdiction?.name ?? ''}）；也可填下级区划代码，如 320106`}
          >
            <Input maxLength={9} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="大屏地址已生成"
        open={created !== null}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已保存"
      >
        <Alert
          type="warning"
          showIcon
          message="地址只显示这一次，关闭后无法再查看。请在大屏的浏览器中打开并设为主页。"
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {created ?? ''}
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
