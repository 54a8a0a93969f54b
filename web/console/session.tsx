// Who is logged in to the console (GET /api/v1/auth/me; 401 means nobody), logout, and the guard
// that sends strangers to 登录 and citizens to the portal.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api, errorMessage, type Me } from '../shared/api.ts';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return (await api<{ user: Me }>('/api/v1/auth/me')).user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** The logged-in staff member; only call below <RequireStaff>. */
export function useStaff(): Me {
  const me = useMe();
  if (!me.data) throw new Error('useStaff outside RequireStaff');
  return me.data;
}

export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    await api('/api/v1/auth/logout', { body: {} }).catch(() => undefined);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  };
}

export function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin aria-label="加载中" />
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
  return <>{children}</>;
}
