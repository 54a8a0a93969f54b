// 登录: mobile number + SMS code (获取验证码 with a 60 s countdown); in demo mode also the demo
// citizen's password, with the hint from GET /api/v1/auth/demo-accounts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { DemoAccounts } from '../../../src/auth/contract.ts';
import { ApiError, api, errorMessage, type Me } from '../../shared/api.ts';
import { normalisePhone, phoneRule } from '../../shared/validation.ts';
import { ME_KEY } from '../session.tsx';
import { WechatLoginButton, WechatNotice } from '../Wechat.tsx';

const COUNTDOWN = 60;

function useCountdown(): [number, () => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, () => setLeft(COUNTDOWN)];
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const [tab, setTab] = useState('sms');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [smsForm] = Form.useForm<{ phone: string; code: string }>();
  const [pwForm] = Form.useForm<{ phone: string; password: string }>();
  const [left, startCountdown] = useCountdown();
  // Straight to the login page: land on 我的信访 (the portal's home), where a citizen sees their matters.
  const from = (location.state as { from?: string } | null)?.from ?? '/cases';

  const demo = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: async () => {
      try {
        return await api<DemoAccounts>('/api/v1/auth/demo-accounts');
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null; // not a demo installation
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const demoCitizen = demo.data?.accounts.find((a) => a.loginWith === 'phone');

  async function login(body: Record<string, string>) {
    setError(undefined);
    setBusy(true);
    try {
      const r = await api<{ user: Me }>('/api/v1/auth/login', { body });
      qc.setQueryData(ME_KEY, r.user);
      message.success(t('登录成功'));
      navigate(from, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function sendCode() {
    setError(undefined);
    try {
      const { phone } = await smsForm.validateFields(['phone']);
      await api('/api/v1/auth/sms-code', { body: { phone: normalisePhone(phone) } });
      startCountdown();
      message.success(t('验证码已发送，请查收短信'));
    } catch (e) {
      if (e instanceof Error) setError(errorMessage(e)); // a form validation error shows under the field
    }
  }

  const smsTab = (
    <Form
      name="sms"
      form={smsForm}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => login({ phone: normalisePhone(v.phone), code: v.code.trim() })}
    >
      <Form.Item label={t('手机号码')} name="phone" rules={[phoneRule()]}>
        <Input inputMode="numeric" autoComplete="tel" maxLength={20} placeholder="138xxxxxxxx" />
      </Form.Item>
      <Form.Item label={t('短信验证码')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('验证码为6位数字') }]}
          >
            <Input
              id="sms-code"
              aria-label={t('短信验证码')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
            />
          </Form.Item>
          <Button onClick={sendCode} disabled={left > 0} style={{ minWidth: 120 }}>
            {left > 0 ? t('{{n}} 秒后重发', { n: left }) : t('获取验证码')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('登录')}
      </Button>
    </Form>
  );

  const passwordTab = (
    <Form
      name="pw"
      form={pwForm}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => login({ phone: normalisePhone(v.phone), password: v.password })}
    >
      <Form.Item label={t('手机号码')} name="phone" rules={[phoneRule()]}>
        <Input inputMode="numeric" autoComplete="username" maxLength={20} />
      </Form.Item>
      <Form.Item label={t('密码')} name="password" rules={[{ required: true, message: t('请填写密码') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('登录')}
      </Button>
    </Form>
  );

  return (
    <Card className="xf-card" title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('信访人登录')}</h2>}>
      <WechatNotice />
      <WechatLoginButton next={from} />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setError(undefined);
        }}
        items={[
          { key: 'sms', label: t('短信验证码登录'), children: smsTab },
          { key: 'password', label: t('密码登录'), children: passwordTab },
        ]}
      />
      {error ? <Alert role="alert" type="error" showIcon message={error} style={{ marginTop: 12 }} /> : null}
      {demo.data && demoCitizen ? (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message={t('演示账号')}
          description={
            <Space direction="vertical" size={4}>
              <span>
                {t('演示信访人')} {demoCitizen.username}，{t('密码')} <code>{demo.data.password}</code>
              </span>
              <Button
                size="small"
                onClick={() => {
                  setTab('password');
                  setError(undefined);
                  pwForm.setFieldsValue({ phone: demoCitizen.username, password: demo.data?.password });
                }}
              >
                {t('填入演示账号')}
              </Button>
            </Space>
          }
        />
      ) : null}
      <p className="xf-muted" style={{ marginTop: 16 }}>
        {t('未登录也可以')} <Link to="/query">{t('凭信访件编号和查询码查询进度')}</Link>
      </p>
    </Card>
  );
}
