// 微信信访 in the portal: 微信登录 on the login page and 绑定微信 on 实名信息, shown only inside
// WeChat's browser and only where the platform has an official account configured
// (GET /api/v1/wechat/status). The OAuth flow is a plain navigation to the API, which comes back
// to the portal with ?wechat=<reason>; WechatNotice says what happened.
import { WechatOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WechatStatus } from '../../src/wechat/contract.ts';
import { api, errorMessage } from '../shared/api.ts';

const STATUS_KEY = ['wechat-status'] as const;

export function useWechatStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => api<WechatStatus>('/api/v1/wechat/status') });
}

/** WeChat's built-in browser names itself MicroMessenger. */
export const inWechat = () => typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent);

const startUrl = (intent: 'login' | 'link', next: string) =>
  `/api/v1/wechat/oauth/start?intent=${intent}&next=${encodeURIComponent(`/portal${next}`)}`;

const REASONS: Record<string, { type: 'success' | 'warning' | 'error'; text: string }> = {
  unlinked: {
    type: 'warning',
    text: '该微信尚未绑定信访账号。请先用手机号和短信验证码登录，登录后在“实名信息”页点“绑定微信”，以后即可微信登录。',
  },
  denied: { type: 'warning', text: '您未同意微信授权，请用手机号登录。' },
  expired: { type: 'error', text: '微信授权已过期，请重新点“微信登录”。' },
  login_first: { type: 'warning', text: '请先用手机号登录，再绑定微信。' },
  elsewhere: { type: 'error', text: '该微信已绑定另一个信访账号，请先在那个账号中解除绑定。' },
  linked: { type: 'success', text: '微信已绑定：以后可在微信中直接登录，办理进展将通过公众号消息通知您。' },
};

/** What the WeChat authorisation came back with (?wechat=…), in words. */
export function WechatNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reason = REASONS[params.get('wechat') ?? ''];
  if (!reason) return null;
  return (
    <Alert role="status" type={reason.type} showIcon message={t(reason.text)} style={{ marginBottom: 16 }} />
  );
}

/** 微信登录, inside WeChat where the platform has an official account. */
export function WechatLoginButton({ next }: { next: string }) {
  const { t } = useTranslation();
  const status = useWechatStatus();
  if (!status.data?.enabled || !inWechat()) return null;
  return (
    <Button
      block
      size="large"
      icon={<WechatOutlined aria-hidden />}
      href={startUrl('login', next)}
      style={{ marginBottom: 16 }}
    >
      {t('微信登录')}
    </Button>
  );
}

/** 微信绑定 on 实名信息: the state, 绑定微信 (inside WeChat) and 解除绑定. */
export function WechatLinkSection() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const status = useWechatStatus();
  const link = status.data?.link;
  if (!status.data?.enabled || !link) return null;
  const unlink = () =>
    modal.confirm({
      title: t('解除微信绑定？'),
      content: t('解除后不能再用微信登录，办理进展改为短信通知。'),
      okText: t('解除绑定'),
      cancelText: t('取消'),
      onOk: async () => {
        try {
          await api('/api/v1/wechat/link', { method: 'DELETE' });
          await qc.invalidateQueries({ queryKey: STATUS_KEY });
          message.success(t('已解除微信绑定'));
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  return (
    <section aria-label={t('微信绑定')} style={{ marginTop: 24 }}>
      <h3 style={{ fontSize: 16 }}>
        <WechatOutlined aria-hidden /> {t('微信绑定')}
      </h3>
      {link.linked ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>
            {link.following
              ? t('已绑定微信，办理进展通过公众号消息通知您。')
              : t('已绑定微信；您未关注公众号，办理进展通过短信通知您。')}
          </span>
          <Button onClick={unlink}>{t('解除绑定')}</Button>
        </Space>
      ) : inWechat() ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span className="xf-muted">
            {t('绑定后可在微信中直接登录，关注公众号后办理进展通过公众号消息通知您。')}
          </span>
          <Button type="primary" icon={<WechatOutlined aria-hidden />} href={startUrl('link', '/profile')}>
            {t('绑定微信')}
          </Button>
        </Space>
      ) : (
        <span className="xf-muted">{t('在微信中打开本平台（关注公众号后点菜单），即可绑定微信。')}</span>
      )}
    </section>
  );
}
