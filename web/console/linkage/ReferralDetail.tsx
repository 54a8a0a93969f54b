// 移交事项详情: the matter, the member body, the reason and request, the deadline, the body's
// feedback, the history (移交, 跟踪, 反馈, 要求补充, 办结), and the buttons of the steps the server says
// the caller may take.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { Loading } from '../session.tsx';
import { ReferralStepForm } from './forms.tsx';
import { ReferralTags } from './Linkage.tsx';
import type { ReferralDetail } from './types.ts';

export default function ReferralDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['linkage', 'referral', id],
    queryFn: () => api<ReferralDetail>(`/api/v1/linkage/referrals/${id}`),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const r = q.data;
  const can = new Set(r.availableActions.map((a) => a.action));
  const refresh = () => qc.invalidateQueries({ queryKey: ['linkage'] });
  const close = async () => {
    try {
      await api(`/api/v1/linkage/referrals/${r.id}/actions`, { body: { action: 'close' } });
      message.success('已办结');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <PageContainer
      title={<h1 className="xf-h1">移交：{r.subject}</h1>}
      extra={
        <Space wrap>
          {can.has('feedback') ? (
            <ReferralStepForm
              id={r.id}
              action="feedback"
              trigger={<Button type="primary">登记反馈</Button>}
              onDone={refresh}
            />
          ) : null}
          {can.has('track') ? (
            <ReferralStepForm id={r.id} action="track" trigger={<Button>跟踪记录</Button>} onDone={refresh} />
          ) : null}
          {can.has('close') ? (
            <Popconfirm title="确认办结该移交事项？" onConfirm={close}>
              <Button type="primary">办结</Button>
            </Popconfirm>
          ) : null}
          {can.has('return') ? (
            <ReferralStepForm
              id={r.id}
              action="return"
              trigger={<Button danger>要求补充反馈</Button>}
              onDone={refresh}
            />
          ) : null}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={16}>
          <Card title={<h2 className="xf-h2">移交内容</h2>} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="信访事项">
                <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <ReferralTags r={r} />
              </Descriptions.Item>
              <Descriptions.Item label="事项类型">{r.typeName}</Descriptions.Item>
              <Descriptions.Item label="成员单位">{r.member}</Descriptions.Item>
              <Descriptions.Item label="移交时间">{formatDateTime(r.referredAt)}</Descriptions.Item>
              <Descriptions.Item label="反馈期限">{r.deadline}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>移交事由</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</Typography.Paragraph>
            <Typography.Title level={5}>工作要求</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.request}</Typography.Paragraph>
          </Card>
          <Card title={<h2 className="xf-h2">成员单位反馈</h2>}>
            {r.feedback ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.feedback}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">尚未反馈</Typography.Text>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title={<h2 className="xf-h2">跟踪过程</h2>}>
            <Timeline
              items={r.history.map((h) => ({
                key: `${h.step}-${h.at}`,
                color: h.step === 'return' ? 'red' : h.step === 'close' ? 'green' : 'blue',
                children: (
                  <>
                    <Typography.Text strong>{h.label}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {formatDateTime(h.at)} {h.by ?? ''}
                    </Typography.Text>
                    <div>{h.text}</div>
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
