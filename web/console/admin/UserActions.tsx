// The actions on one account of the 用户 page: 编辑 (name, phone, unit), 角色, 停用/启用 (its
// sessions end at once), 重置密码 (a temporary password shown once). Each calls one route of
// src/users/accountRoutes.ts and refreshes the list.
import { ModalForm } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { ROLE_NAMES, STAFF_ROLES } from '../../../src/domain/roles.ts';
import type { UserView } from '../../../src/users/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { normalisePhone, phoneRule } from '../../shared/validation.ts';
import { UnitPicker } from '../widgets.tsx';

/** The account acted on: a row of the users' list. */
export type Account = Pick<UserView, 'id' | 'username' | 'role' | 'displayName' | 'unitId' | 'disabled'>;

export function UserActions({ user, self }: { user: Account; self: boolean }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const run = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
      message.success(what);
      void qc.invalidateQueries({ queryKey: ['users'] });
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const reset = async () => {
    try {
      const r = await api<{ temporaryPassword: string }>(`/api/v1/users/${user.id}/password-reset`, {
        body: {},
      });
      modal.info({
        title: `${user.displayName}的临时密码`,
        content: (
          <>
            <Typography.Paragraph copyable={{ text: r.temporaryPassword }}>
              <Typography.Text code strong style={{ fontSize: 18 }} data-testid="temporary-password">
                {r.temporaryPassword}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              仅显示这一次，请当面或电话告知本人。其登录已全部退出，用临时密码登录后须先修改密码。
            </Typography.Paragraph>
          </>
        ),
      });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space size={0} wrap>
      <ModalForm
        title={`编辑账号：${user.username ?? user.displayName}`}
        width={520}
        layout="vertical"
        modalProps={{ destroyOnHidden: true }}
        initialValues={{ displayName: user.displayName }}
        trigger={<Button type="link">编辑</Button>}
        onFinish={async (v: { displayName?: string; phone?: string; unitId?: number }) =>
          run('已保存', () =>
            api(`/api/v1/users/${user.id}`, {
              method: 'PATCH',
              body: {
                displayName: v.displayName?.trim(),
                ...(v.phone?.trim() ? { phone: normalisePhone(v.phone) } : {}),
                ...(v.unitId ? { unitId: v.unitId } : {}),
              },
            }),
          )
        }
      >
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" extra="不填则不修改" rules={[phoneRule(false)]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label="调整单位" extra="不选则不修改">
          <UnitPicker />
        </Form.Item>
      </ModalForm>
      {self ? null : (
        <>
          <ModalForm
            title={`变更角色：${user.username ?? user.displayName}`}
            width={400}
            modalProps={{ destroyOnHidden: true }}
            initialValues={{ role: user.role }}
            trigger={<Button type="link">角色</Button>}
            onFinish={async (v: { role: string }) =>
              run('角色已变更', () => api(`/api/v1/users/${user.id}/role`, { method: 'PUT', body: v }))
            }
          >
            <Form.Item name="role" label="角色" rules={[{ required: true }]}>
              <Select
                aria-label="角色"
                options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))}
              />
            </Form.Item>
          </ModalForm>
          <Popconfirm
            title={user.disabled ? '启用该账号？' : '停用该账号？其所有登录将立即退出。'}
            okText={user.disabled ? '启用' : '停用'}
            cancelText="取消"
            onConfirm={() =>
              run(user.disabled ? '账号已启用' : '账号已停用', () =>
                api(`/api/v1/users/${user.id}/${user.disabled ? 'enable' : 'disable'}`, { body: {} }),
              )
            }
          >
            <Button type="link" danger={!user.disabled}>
              {user.disabled ? '启用' : '停用'}
            </Button>
          </Popconfirm>
          <Popconfirm
            title="重置该账号的密码？"
            description="将生成一次性临时密码，本人登录后须修改。"
            okText="重置"
            cancelText="取消"
            onConfirm={reset}
          >
            <Button type="link">重置密码</Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
}
