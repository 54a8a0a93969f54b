// The header's bell: the unread count as a badge, polled cheaply (GET /inbox/count, an index-only
// count) every 30 s and again on every navigation; a click opens the inbox.
import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../shared/api.ts';
import { COUNT_KEY } from './types.ts';

export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: COUNT_KEY,
    queryFn: () => api<{ unread: number }>('/api/v1/inbox/count'),
    refetchInterval: 30_000,
    retry: false,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch on each navigation
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: COUNT_KEY });
  }, [pathname, qc]);
  const unread = typeof q.data?.unread === 'number' ? q.data.unread : 0;
  return (
    <Badge count={unread} size="small" offset={[-4, 4]} className="xf-inbox-badge">
      <Button
        type="text"
        aria-label={`${t('我的消息')}${unread ? `（${unread}条未读）` : ''}`}
        icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        onClick={() => navigate('/inbox')}
      />
    </Badge>
  );
}
