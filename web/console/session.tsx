// Who is logged in to the console (GET /api/v1/auth/session; user null means nobody), logout, and the guard
// that sends strangers to 登录 and citizens to the portal.
import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage, type Me } from '../shared/api.ts';
import { useMe } from '../shared/session.ts';
import ChangePasswordPage from './admin/ChangePassword.tsx';

export { ME_KEY, useLogout, useMe } from '../shared/session.ts';

/** The logged-in staff member; only call below <RequireStaff>. */
export function useStaff(): Me {
  const me = useMe();
  if (!me.data) throw new Error('useStaff outside RequireStaff');
  return me.data;
}

export function Loading() {
  return (
    // The name sits on a role=status wrapper: aria-label is not allowed on the Spin's plain div.
    <div role="status" aria-label="加载中" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

export function RequireStaff({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <Alert type="error" showIcon message={errorMessage(me.error)} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.role === 'citizen') {
    window.location.replace('/portal/');
    return <Loading />;
  }
  // After an administrator's reset the server answers nothing else until the password is changed.
  if (me.data.mustChangePassword) return <ChangePasswordPage me={me.data} forced />;
  return <>{children}</>;
}
