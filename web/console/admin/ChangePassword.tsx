// 修改密码: any staff member changes their own password (PUT /api/v1/me/password, the current one
// required). After an administrator's reset it is the only page the console shows (`forced`).
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { passwordProblem } from '../../../src/domain/passwords.ts';
import { api, errorMessage, type Me } from '../../shared/api.ts';
import { ME_KEY } from '../../shared/session.ts';

export default function ChangePasswordPage({ me, forced = false }: { me: Me; forced?: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  async function save(v: { currentPassword: string; newPassword: string }) {
    setSaving(true);
    try {
      await api('/api/v1/me/password', { method: 'PUT', body: v });
      message.success('密码已修改，其他设备上的登录已退出');
      form.resetFields();
      if (forced) await qc.invalidateQueries({ queryKey: ME_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Card style={{ maxWidth: 520, margin: forced ? '64px auto' : 24 }}>
      <h1 className="xf-h1">修改密码</h1>
      {forced ? (
        <Typography.Paragraph type="warning">
          管理员已为您重置密码。请输入临时密码并设置新密码后继续使用。
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={forced ? '临时密码' : '当前密码'}
          rules={[{ required: true, message: '请填写当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少10位，不能是常见密码，不能与用户名相同"
          rules={[
            { required: true, message: '请填写新密码' },
            {
              validator: async (_: unknown, v?: string) => {
                const p = v ? passwordProblem(v, { username: me.displayName }) : null;
                if (p) throw new Error(p.message);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次填写新密码' },
            ({ getFieldValue }) => ({
              validator: async (_: unknown, v?: string) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error('两次填写的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存新密码
        </Button>
      </Form>
    </Card>
  );
}
