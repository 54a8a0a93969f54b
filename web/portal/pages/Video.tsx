// 视频接访 (citizen): the rooms the bureau arranged with me; in one, my consent to recording and the
// video itself (camera and microphone through the browser, no plug-in).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RoomDetail, RoomItem } from '../../console/video/types.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useCall, VideoPanel } from '../../shared/VideoPanel.tsx';
import { VideoCall } from '../../shared/videoCall.ts';

export function VideoListPage() {
  const q = useQuery({
    queryKey: ['video', 'rooms'],
    queryFn: () => api<{ items: RoomItem[] }>('/api/v1/video/rooms'),
  });
  if (q.isError) return <Alert type="error" message={errorMessage(q.error)} />;
  return (
    <Card title={<h1 className="xf-h1">视频接访</h1>}>
      <List
        loading={q.isPending}
        locale={{ emptyText: <Empty description="暂无视频接访安排" /> }}
        dataSource={q.data?.items ?? []}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Link key="open" to={`/video/${r.id}`}>
                {r.status === 'ended' ? '查看' : '进入'}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {r.title}
                  <Tag>{r.statusName}</Tag>
                </Space>
              }
              description={`${formatDateTime(r.scheduledAt)} · ${r.unit}${r.caseNumber ? ` · 事项 ${r.caseNumber}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function VideoRoomPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['video', 'room', id],
    queryFn: () => api<RoomDetail>(`/api/v1/video/rooms/${id}`),
    // The other side joins, consents or ends: the page follows within a few seconds.
    refetchInterval: 3000,
  });
  const [call, setCall] = useState<VideoCall | null>(null);
  const state = useCall(call);
  useEffect(() => () => call?.hangUp(), [call]);
  if (q.isPending) return <Card loading />;
  if (q.isError) return <Alert type="error" message={errorMessage(q.error)} />;
  const r = q.data;
  const consent = async (value: boolean) => {
    try {
      await api(`/api/v1/video/rooms/${r.id}/consent`, { body: { consent: value } });
      message.success(value ? '已记录：您同意录音录像' : '已记录：您不同意录音录像');
      await qc.invalidateQueries({ queryKey: ['video'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const enter = async () => {
    const c = new VideoCall(r.id);
    setCall(c);
    await c.start();
  };
  const inCall = state?.status === 'in_call' || state?.status === 'connecting';
  return (
    <Card title={<h1 className="xf-h1">视频接访</h1>} extra={<Tag>{r.statusName}</Tag>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {r.title}
        </Typography.Title>
        <Typography.Text>
          预约时间：{formatDateTime(r.scheduledAt)}；接访单位：{r.unit}
        </Typography.Text>
        {r.can.consent ? (
          <Alert
            type="info"
            message={
              r.recordingConsent
                ? `您已同意本次接访录音录像（${formatDateTime(r.consentAt as string)}）`
                : '本次接访是否允许录音录像？录像仅作为信访事项的档案保存。'
            }
            action={
              <Space>
                {r.recordingConsent ? (
                  <Button size="small" onClick={() => consent(false)}>
                    撤回同意
                  </Button>
                ) : (
                  <Button size="small" type="primary" onClick={() => consent(true)}>
                    同意录音录像
                  </Button>
                )}
              </Space>
            }
          />
        ) : null}
        {r.can.join && !inCall ? (
          <Button type="primary" size="large" onClick={enter}>
            进入视频接访
          </Button>
        ) : null}
        {inCall ? <Button onClick={() => call?.hangUp()}>离开</Button> : null}
        {state && state.status !== 'idle' ? <VideoPanel state={state} /> : null}
        {!r.can.join && !state ? (
          <Alert
            type="info"
            message={r.status === 'ended' ? '本次视频接访已结束。' : '本次视频接访已取消。'}
          />
        ) : null}
      </Space>
    </Card>
  );
}
