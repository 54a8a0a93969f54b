// 登录: username + password; in demo mode the demo staff accounts to click. Citizens go to the portal.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { DemoAccounts } from '../../../src/auth/contract.ts';
import { api, errorMessage, type Me } from '../../shared/api.ts';
import { LANGS, type Lang, setLang } from '../../shared/i18n.ts';
import { ME_KEY, useMe } from '../session.tsx';

export default function LoginPage() {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const { t, i18n } = useTranslation();
  const demo = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => api<DemoAccounts>('/api/v1/auth/demo-accounts').catch(() => null),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  // ?next=/screen/: the big screen (another app) sends strangers here; only its own paths are
  // accepted, so the login page cannot be used to redirect anywhere else.
  const next = new URLSearchParams(location.search).get('next');
  const screen = next && /^\/screen(\/[\w\-/]*)?$/.test(next) ? next : null;

  if (me.data && me.data.role !== 'citizen') {
    if (screen) {
      window.location.replace(screen);
      return null;
    }
    return <Navigate to={from} replace />;
  }

  async function login(v: { username: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ user: Me }>('/api/v1/auth/login', {
        // A citizen typing a phone number is logged in too, then sent to the portal.
        body: /^1\d{10}$/.test(v.username.trim())
          ? { phone: v.username.trim(), password: v.password }
          : { username: v.username.trim(), password: v.password },
      });
      if (r.user.role === 'citizen') {
        window.location.assign('/portal/');
        return;
      }
      if (screen) {
        window.location.assign(screen);
        return;
      }
      qc.setQueryData(ME_KEY, r.user);
      navigate(from, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const staff = demo.data?.accounts.filter((a) => a.loginWith === 'username') ?? [];
  return (
    <main style={{ maxWidth: 960, margin: '48px auto', padding: '0 16px' }}>
      <Card
        extra={
          <Select
            aria-label={t('语言')}
            size="small"
            variant="borderless"
            value={i18n.language as Lang}
            options={LANGS}
            onChange={(v) => void setLang(v)}
            style={{ width: 92 }}
            popupMatchSelectWidth={false}
          />
        }
      >
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('工作人员登录')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('阳光信访 · 工作台。信访人请前往')}
          {/* Underlined: in a sentence a link must not rely on colour alone (WCAG 1.4.1). */}
          <a href="/portal/" style={{ textDecoration: 'underline' }}>
            {t('信访人门户')}
          </a>
          。
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={login} style={{ maxWidth: 360 }} requiredMark={false}>
          <Form.Item
            label={t('用户名')}
            name="username"
            rules={[{ required: true, message: t('请填写用户名') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('密码')} name="password" rules={[{ required: true, message: t('请填写密码') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('登录')}
          </Button>
        </Form>
      </Card>
      {staff.length ? (
        <Card style={{ marginTop: 16 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('演示账号')}</h2>}>
          <Typography.Paragraph>
            {t('演示模式：所有账号的密码均为')} <Typography.Text code>{demo.data?.password}</Typography.Text>
            {t('，点击用户名即可填入。')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="username"
            pagination={false}
            dataSource={staff}
            columns={[
              {
                title: t('用户名'),
                dataIndex: 'username',
                render: (u: string) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => form.setFieldsValue({ username: u, password: demo.data?.password ?? '' })}
                  >
                    {u}
                  </Button>
                ),
              },
              { title: t('角色'), dataIndex: 'roleName', render: (r: string) => t(r) },
              { title: t('单位'), dataIndex: 'unit' },
              { title: t('辖区'), dataIndex: 'jurisdictionName' },
            ]}
          />
        </Card>
      ) : null}
    </main>
  );
}
