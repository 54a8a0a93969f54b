// 审计日志: the audit log of the caller's jurisdiction (GET /api/v1/audit), for administrators and
// auditors: who did or read what, on which object, when; filters by person, action, object and
// time range. Reads of personal data appear as 查阅个人信息 / 下载文书.
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditPage, AuditRow } from '../../../src/audit/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';

interface Filters {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The actions staff look for most; any other can be typed (a prefix ending in "." matches all). */
const ACTIONS: { value: string; label: string }[] = [
  { value: 'case.read_personal', label: '查阅个人信息（案件详情）' },
  { value: 'case.document_download', label: '下载文书' },
  { value: 'auth.', label: '登录与退出（auth.*）' },
  { value: 'case.', label: '案件操作（case.*）' },
  { value: 'user.', label: '用户管理（user.*）' },
  { value: 'settings.', label: '设置（settings.*）' },
];

/** Names of the actions staff meet most; others show as their code. */
const ACTION_NAMES: Record<string, string> = {
  'case.read_personal': '查阅个人信息',
  'case.document_download': '下载文书',
  'auth.login': '登录',
  'auth.logout': '退出',
  'user.create': '新建账号',
  'user.register': '信访人注册',
};

const ENTITIES = [
  { value: 'case', label: '信访事项' },
  { value: 'user', label: '用户' },
  { value: 'installation', label: '平台' },
];

function query(f: Filters, page: { current: number; pageSize: number }): string {
  const p = new URLSearchParams({ page: String(page.current), pageSize: String(page.pageSize) });
  if (f.actor?.trim()) p.set('actor', f.actor.trim());
  if (f.action?.trim()) p.set('action', f.action.trim());
  if (f.entity) p.set('entity', f.entity);
  if (f.entityId?.trim()) p.set('entityId', f.entityId.trim());
  const [from, to] = f.range ?? [];
  if (from) p.set('from', from.startOf('day').toISOString());
  if (to) p.set('to', to.add(1, 'day').startOf('day').toISOString());
  return p.toString();
}

function Summary({ value }: { value: Record<string, unknown> }) {
  const text = JSON.stringify(value);
  return text === '{}' ? null : (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: text }}>
      {text}
    </Typography.Text>
  );
}

export default function AuditLogPage() {
  const me = useStaff();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const list = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api<AuditPage>(`/api/v1/audit?${query(filters, page)}`),
  });
  const apply = (v: Filters) => {
    setFilters(v);
    setPage((p) => ({ ...p, current: 1 }));
  };
  return (
    <PageContainer title={<h1 className="xf-h1">审计日志</h1>}>
      <Form
        form={form}
        layout="inline"
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
        aria-label="审计日志筛选"
      >
        <Form.Item name="actor" label="操作人">
          <Input placeholder="用户名或用户编号" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select
            showSearch
            allowClear
            placeholder="全部"
            options={ACTIONS}
            style={{ width: 230 }}
            aria-label="操作"
          />
        </Form.Item>
        <Form.Item name="entity" label="对象">
          <Select allowClear placeholder="全部" options={ENTITIES} style={{ width: 120 }} aria-label="对象" />
        </Form.Item>
        <Form.Item name="entityId" label="对象编号">
          <Input allowClear style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ProTable<AuditRow>
        rowKey="seq"
        search={false}
        options={false}
        headerTitle={`${me.jurisdiction?.name ?? ''}审计日志`}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '没有符合条件的记录' }}
        pagination={{
          ...page,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n.toLocaleString('en-US')}${list.data?.totalCapped ? '+' : ''} 条`,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (_, r) => formatDateTime(r.at) },
          {
            title: '操作人',
            dataIndex: 'actor',
            width: 220,
            render: (_, r) =>
              r.actor ? (
                <Space size={4} align="start">
                  <Tag>{r.actor.roleName}</Tag>
                  <span>
                    {r.actor.displayName}
                    {r.actor.username ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {r.actor.username}
                      </Typography.Text>
                    ) : null}
                  </span>
                </Space>
              ) : (
                <Typography.Text type="secondary">系统</Typography.Text>
              ),
          },
          {
            title: '操作',
            dataIndex: 'action',
            width: 230,
            render: (_, r) => (
              <Tag
                color={
                  r.action === 'case.read_personal' || r.action === 'case.document_download'
                    ? 'orange'
                    : 'default'
                }
              >
                {ACTION_NAMES[r.action] ? `${ACTION_NAMES[r.action]} · ${r.action}` : r.action}
              </Tag>
            ),
          },
          {
            title: '对象',
            dataIndex: 'entity',
            width: 140,
            render: (_, r) =>
              r.entity === 'case' && r.entityId ? (
                <Link to={`/cases/${r.entityId}`}>信访事项 #{r.entityId}</Link>
              ) : (
                `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}`
              ),
          },
          { title: '摘要', dataIndex: 'summary', render: (_, r) => <Summary value={r.summary} /> },
          {
            title: '链上位置',
            dataIndex: 'chainPos',
            width: 90,
            render: (_, r) => r.chainPos ?? <Typography.Text type="secondary">待封链</Typography.Text>,
          },
        ]}
      />
    </PageContainer>
  );
}
