// 实名信息: name and ID number, asked once (before the first petition) and kept; editable later.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Profile } from '../../../src/users/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { idNumberRule, nameRule } from '../../shared/validation.ts';
import { Loading } from '../session.tsx';
import { WechatLinkSection, WechatNotice } from '../Wechat.tsx';

export type { Profile };
export const PROFILE_KEY = ['profile'] as const;
export const profileComplete = (p: Profile | undefined) => Boolean(p?.name && p.idNumber);

export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: () => api<Profile>('/api/v1/me/profile') });
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const qc = useQueryClient();
  const profile = useProfile();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <Alert type="error" showIcon message={errorMessage(profile.error)} />;

  async function save(v: { name: string; idNumber: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api<Profile>('/api/v1/me/profile', {
        method: 'PUT',
        body: { name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase() },
      });
      qc.setQueryData(PROFILE_KEY, saved);
      message.success(t('实名信息已保存'));
      if (next?.startsWith('/')) navigate(next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="xf-card" title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('实名信息')}</h2>}>
      <WechatNotice />
      {next && !profileComplete(profile.data) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('提交信访事项前，请先填写实名信息')}
          description={t('实名信息只需填写一次，仅用于办理您的信访事项，加密保存。')}
        />
      ) : null}
      <Form
        layout="vertical"
        requiredMark={false}
        initialValues={{ name: profile.data.name ?? '', idNumber: profile.data.idNumber ?? '' }}
        onFinish={save}
      >
        <Form.Item label={t('手机号码')}>
          <Input value={profile.data.phone ?? ''} disabled aria-label={t('手机号码')} />
        </Form.Item>
        <Form.Item label={t('姓名')} name="name" rules={[nameRule()]}>
          <Input autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item label={t('身份证号码')} name="idNumber" rules={[idNumberRule()]}>
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        {error ? (
          <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {next ? t('保存并继续') : t('保存')}
        </Button>
      </Form>
      <WechatLinkSection />
    </Card>
  );
}
