// On a case's page: its video receptions (视频接访), each linked to its room, and — for receiving staff
// of a petition bureau — the button to schedule one on this matter. Asks GET /api/v1/video/rooms?caseId=.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, List, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';
import { ScheduleForm } from './Rooms.tsx';
import { type RoomItem, STATUS_COLORS } from './types.ts';

export function CaseVideo({ caseId }: { caseId: number }) {
  const me = useStaff();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const bureau = me.abilities.videoReception;
  const q = useQuery({
    queryKey: ['video', 'case', caseId],
    queryFn: () => api<{ items: RoomItem[] }>(`/api/v1/video/rooms?caseId=${caseId}`),
    retry: false,
    enabled: bureau,
  });
  // An answer that is not a list (a proxy's page, an older server) shows nothing rather than breaking the case page.
  if (!bureau || !q.data || !Array.isArray(q.data.items)) return null;
  const canSchedule = me.abilities.videoSchedule;
  if (q.data.items.length === 0 && !canSchedule) return null;
  return (
    <Card
      size="small"
      title="视频接访"
      style={{ marginBottom: 16 }}
      extra={
        canSchedule ? (
          <ScheduleForm
            small
            caseId={caseId}
            onDone={async (id) => {
              await qc.invalidateQueries({ queryKey: ['video'] });
              navigate(`/video/${id}`);
            }}
          />
        ) : null
      }
    >
      <List
        size="small"
        locale={{ emptyText: '暂无视频接访' }}
        dataSource={q.data.items}
        renderItem={(r) => (
          <List.Item>
            <Link to={`/video/${r.id}`}>{r.title}</Link> {formatDateTime(r.scheduledAt)}{' '}
            <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
