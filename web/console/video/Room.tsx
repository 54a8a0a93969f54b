// 视频接访室 (staff): the video beside the case file. Enter the call (camera, microphone, the
// platform's signalling), record the petitioner's consent to recording, record the remote side
// and store it on the case, and end the session with notes — its record goes on the case timeline.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import type { CaseDetail } from '../../shared/types.ts';
import { useCall, VideoPanel } from '../../shared/VideoPanel.tsx';
import { startRecording, uploadRecording, VideoCall } from '../../shared/videoCall.ts';
import { downloadFile } from '../download.ts';
import { Loading } from '../session.tsx';
import { type RoomDetail, STATUS_COLORS } from './types.ts';

function CaseFile({ caseId }: { caseId: number }) {
  const q = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => api<CaseDetail>(`/api/v1/cases/${caseId}`),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const c = q.data;
  return (
    <Card
      title={
        <span>
          案卷：<Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>
        </span>
      }
      size="small"
      data-testid="case-file"
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label="事项">{c.subject}</Descriptions.Item>
        <Descriptions.Item label="状态">{c.stateName}</Descriptions.Item>
        <Descriptions.Item label="形式">{c.formName}</Descriptions.Item>
        <Descriptions.Item label="问题属地">{c.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label="登记时间">{formatDateTime(c.receivedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 200, overflow: 'auto' }}>
        {c.content}
      </Typography.Paragraph>
      <Typography.Title level={5}>办理过程</Typography.Title>
      <Timeline
        items={c.timeline
          .slice(-8)
          .reverse()
          .map((e) => ({ children: `${formatDateTime(e.at)} ${e.label}` }))}
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
  const recorder = useRef<ReturnType<typeof startRecording> | null>(null);
  const [recording, setRecording] = useState(false);
  const [ending, setEnding] = useState(false);
  const [notes, setNotes] = useState('');
  useEffect(() => () => call?.hangUp(), [call]);
  if (q.isPending) return <Loading />;
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const r = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['video'] });
  const run = (fn: () => Promise<unknown>, ok: string) => async () => {
    try {
      await fn();
      message.success(ok);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const enter = async () => {
    const c = new VideoCall(r.id);
    setCall(c);
    await c.start();
    await refresh();
  };
  const toggleRecording = async () => {
    if (!recording) {
      const stream = call?.remoteStream();
      if (!stream) return message.warning('对方尚未进入，无法录像');
      recorder.current = startRecording(stream);
      setRecording(true);
      return;
    }
    const blob = await recorder.current?.stop();
    setRecording(false);
    if (blob) await run(() => uploadRecording(r.id, blob), '录像已存档到信访事项')();
  };
  const inCall = state?.status === 'in_call' || state?.status === 'connecting';
  return (
    <PageContainer
      title={<h1 className="xf-h1">视频接访：{r.title}</h1>}
      subTitle={<Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>}
      extra={
        <Space wrap>
          {r.can.join && !inCall ? (
            <Button type="primary" onClick={enter}>
              进入视频接访
            </Button>
          ) : null}
          {inCall ? <Button onClick={() => call?.hangUp()}>离开</Button> : null}
          {r.can.consent && !r.recordingConsent ? (
            <Button
              onClick={run(
                () => api(`/api/v1/video/rooms/${r.id}/consent`, { body: { consent: true } }),
                '已记录信访人同意录音录像',
              )}
            >
              记录信访人同意录像
            </Button>
          ) : null}
          {r.can.record && inCall ? (
            <Button danger={recording} onClick={toggleRecording}>
              {recording ? '停止录像并存档' : '开始录像'}
            </Button>
          ) : null}
          {r.can.end ? (
            <Button type="primary" danger onClick={() => setEnding(true)}>
              结束接访
            </Button>
          ) : null}
          {r.can.cancel ? (
            <Button
              onClick={run(() => api(`/api/v1/video/rooms/${r.id}/cancel`, { method: 'POST' }), '已取消')}
            >
              取消接访
            </Button>
          ) : null}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title="视频" data-testid="video-card">
            {state && state.status !== 'idle' ? (
              <VideoPanel state={state} />
            ) : (
              <Empty description={r.can.join ? '点击“进入视频接访”开始' : '视频接访未在进行'} />
            )}
          </Card>
          <Card size="small" title="接访信息" style={{ marginTop: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="预约时间">{formatDateTime(r.scheduledAt)}</Descriptions.Item>
              <Descriptions.Item label="接访单位">
                {r.unit} · {r.host}
              </Descriptions.Item>
              <Descriptions.Item label="参加">
                {[
                  r.withCitizen ? '信访人（网上）' : null,
                  r.hall ? `县级接待大厅：${r.hall.unit ?? ''} ${r.hall.name}` : null,
                ]
                  .filter(Boolean)
                  .join('；')}
              </Descriptions.Item>
              <Descriptions.Item label="录音录像">
                {r.recordingConsent
                  ? `信访人已同意（${formatDateTime(r.consentAt as string)}）`
                  : '未取得信访人同意，不录像'}
              </Descriptions.Item>
              {r.startedAt ? (
                <Descriptions.Item label="开始">{formatDateTime(r.startedAt)}</Descriptions.Item>
              ) : null}
              {r.endedAt ? (
                <Descriptions.Item label="结束">{formatDateTime(r.endedAt)}</Descriptions.Item>
              ) : null}
              {r.notes ? <Descriptions.Item label="接访记录">{r.notes}</Descriptions.Item> : null}
              <Descriptions.Item label="进出记录">
                {r.attendance.length === 0
                  ? '—'
                  : r.attendance
                      .map(
                        (a) =>
                          `${a.partName} ${a.part === 'citizen' ? '' : a.name} ${formatDateTime(a.joinedAt)}${a.leftAt ? `–${formatDateTime(a.leftAt)}` : ''}`,
                      )
                      .join('；')}
              </Descriptions.Item>
              {r.recordings.length ? (
                <Descriptions.Item label="录像">
                  <Space wrap>
                    {r.recordings.map((x) => (
                      <Button
                        key={x.id}
                        size="small"
                        onClick={() =>
                          downloadFile(
                            `/api/v1/video/rooms/${r.id}/recordings/${x.id}`,
                            `视频接访-${r.id}-${x.id}.webm`,
                          )
                        }
                      >
                        下载录像 {(x.size / 1024).toFixed(0)} KB
                      </Button>
                    ))}
                  </Space>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {r.caseId ? (
            <CaseFile caseId={r.caseId} />
          ) : (
            <Card size="small">
              <Empty description="未关联信访事项" />
            </Card>
          )}
        </Col>
      </Row>
      <Modal
        title="结束视频接访"
        open={ending}
        okText="结束并记入办理过程"
        onCancel={() => setEnding(false)}
        onOk={async () => {
          try {
            if (recording) await toggleRecording();
            await api(`/api/v1/video/rooms/${r.id}/end`, { body: { notes } });
            setEnding(false);
            message.success('接访已结束，记录已记入信访事项');
            await refresh();
            await qc.invalidateQueries({ queryKey: ['case'] });
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Input.TextArea
          rows={5}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          placeholder="接访记录：信访人诉求、答复意见、后续安排"
          aria-label="接访记录"
        />
      </Modal>
    </PageContainer>
  );
}
