// 用户: the staff of the administrator's subtree (GET /api/v1/users), new accounts (POST), and the
// actions on each account (./UserActions.tsx).
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { passwordProblem } from '../../../src/domain/passwords.ts';
import { ROLE_NAMES, STAFF_ROLES } from '../../../src/domain/roles.ts';
import type { UserPage, UserView } from '../../../src/users/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { normalisePhone, phoneRule } from '../../shared/validation.ts';
import { useStaff } from '../session.tsx';
import { UnitPicker } from '../widgets.tsx';
import { UserActions } from './UserActions.tsx';

export default function UsersPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useStaff();
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const list = useQuery({
    queryKey: ['users', page],
    queryFn: () => api<UserPage>(`/api/v1/users?page=${page.current}&pageSize=${page.pageSize}`),
  });
  return (
    <PageContainer title={<h1 className="xf-h1">用户</h1>}>
      <ProTable<UserView>
        rowKey="id"
        search={false}
        options={false}
        headerTitle="本辖区工作人员"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无' }}
        pagination={{
          ...page,
          total: list.data?.total ?? 0,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        toolBarRender={() => [
          <ModalForm
            key="new"
            title="新建工作人员账号"
            width={560}
            layout="vertical"
            modalProps={{ destroyOnHidden: true }}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新建账号
              </Button>
            }
            onFinish={async (v: Record<string, string | number | undefined>) => {
              try {
                await api('/api/v1/users', {
                  body: {
                    username: String(v.username).trim(),
                    password: v.password,
                    role: v.role,
                    unitId: v.unitId,
                    displayName: String(v.displayName).trim(),
                    ...(typeof v.phone === 'string' && v.phone.trim()
                      ? { phone: normalisePhone(v.phone) }
                      : {}),
                  },
                });
                message.success('账号已创建');
                void qc.invalidateQueries({ queryKey: ['users'] });
                return true;
              } catch (e) {
                message.error(errorMessage(e));
                return false;
              }
            }}
          >
            <Form.Item
              name="username"
              label="用户名"
              rules={[
                {
                  required: true,
                  pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
                  message: '用户名为3到32位字母、数字、下划线，以字母开头',
                },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="displayName"
              label="姓名"
              rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="password"
              label="初始密码"
              extra="至少10位，不能是常见密码，不能与用户名或手机号相同"
              rules={[
                { required: true, message: '请填写初始密码' },
                ({ getFieldValue }) => ({
                  // The server's rule (src/domain/passwords.ts), checked before sending.
                  validator: async (_: unknown, v?: string) => {
                    const p = v
                      ? passwordProblem(v, {
                          username: getFieldValue('username'),
                          phone: getFieldValue('phone'),
                        })
                      : null;
                    if (p) throw new Error(p.message);
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
            </Form.Item>
            <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
              <UnitPicker />
            </Form.Item>
            <Form.Item name="phone" label="手机号码" rules={[phoneRule(false)]}>
              <Input />
            </Form.Item>
          </ModalForm>,
        ]}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleName', render: (_, u) => <Tag>{u.roleName}</Tag> },
          { title: '单位', dataIndex: 'unitName' },
          { title: '行政区划', dataIndex: 'jurisdictionCode' },
          { title: '手机号码', dataIndex: 'phone', render: (_, u) => u.phone ?? '—' },
          {
            title: '状态',
            dataIndex: 'disabled',
            render: (_, u) => (u.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>),
          },
          {
            title: '操作',
            valueType: 'option',
            render: (_, u) => <UserActions user={u} self={u.id === me.id} />,
          },
        ]}
      />
    </PageContainer>
  );
}
