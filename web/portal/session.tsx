// Who is logged in (GET /api/v1/auth/session; user null means nobody) and the guard for private pages.
import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../shared/api.ts';
import { useMe } from '../shared/session.ts';

export { ME_KEY, useLogout, useMe } from '../shared/session.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    // The name sits on a role=status wrapper: aria-label is not allowed on the Spin's plain div.
    <div role="status" aria-label={t('加载中')} style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

/** Renders the page for a logged-in citizen; sends anyone else to 登录 and back afterwards. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <Alert type="error" showIcon message={errorMessage(me.error)} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.role !== 'citizen') {
    return (
      <Alert
        type="info"
        showIcon
        message={t('本门户供信访人使用')}
        description={
          <span>
            {t('您以工作人员身份登录，请前往')} <a href="/console/">{t('工作台')}</a>
          </span>
        }
      />
    );
  }
  return <>{children}</>;
}
