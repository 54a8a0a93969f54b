// Who is logged in (GET /api/v1/auth/session; user null means nobody) and logging out — shared by the
// portal and the console; each app adds its own guard for private pages.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, type Me, SESSION_ENDED } from './api.ts';

export const ME_KEY = ['me'] as const;

export function useMe() {
  const qc = useQueryClient();
  // Any request answered 401: nobody is logged in any more (the guard shows the login page).
  useEffect(() => {
    const ended = () => {
      if (qc.getQueryData(ME_KEY)) qc.setQueryData(ME_KEY, null);
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [qc]);
  return useQuery({
    queryKey: ME_KEY,
    // Nobody logged in is a 200 with user null: no failed request logged on anonymous pages.
    queryFn: async (): Promise<Me | null> => (await api<{ user: Me | null }>('/api/v1/auth/session')).user,
    staleTime: 60_000,
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    await api('/api/v1/auth/logout', { body: {} }).catch(() => undefined);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  };
}
