// 督办详情: what was ordered (type, number, matter or unit, facts, requirements, deadline), the
// unit's feedback, the history (督办, 反馈, 退回, 催办, 升级, 办结), the 督办函 download, and the
// buttons of the actions the server says the caller may take.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { downloadFile } from '../download.ts';
import { Loading } from '../session.tsx';
import { ActionForm } from './forms.tsx';
import { OrderTags } from './List.tsx';
import type { OrderDetail } from './types.ts';

export default function SupervisionDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['supervision', id],
    queryFn: () => api<OrderDetail>(`/api/v1/supervision/${id}`),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const o = q.data;
  const can = new Set(o.availableActions.map((a) => a.action));
  const refresh = () => qc.invalidateQueries({ queryKey: ['supervision'] });
  const accept = async () => {
    try {
      await api(`/api/v1/supervision/${o.id}/actions`, { body: { action: 'accept' } });
      message.success('已审核通过，督办办结');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const download = async () => {
    try {
      await downloadFile(o.letterUrl as string, `督办函-${o.id}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <PageContainer
      title={<h1 className="xf-h1">督办：{o.caseNumber ? o.subject : o.unit}</h1>}
      extra={
        <Space wrap>
          {o.letterUrl ? <Button onClick={download}>下载督办函</Button> : null}
          {can.has('file_feedback') ? (
            <ActionForm
              orderId={o.id}
              action="file_feedback"
              trigger={<Button type="primary">报送反馈</Button>}
              onDone={refresh}
            />
          ) : null}
          {can.has('accept') ? (
            <Popconfirm title="审核通过并办结该督办？" onConfirm={accept}>
              <Button type="primary">审核通过</Button>
            </Popconfirm>
          ) : null}
          {can.has('return') ? (
            <ActionForm
              orderId={o.id}
              action="return"
              trigger={<Button danger>退回重报</Button>}
              onDone={refresh}
            />
          ) : null}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={16}>
          <Card title={<h2 className="xf-h2">督办内容</h2>} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="督办方式">{o.typeName}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <OrderTags o={o} />
              </Descriptions.Item>
              <Descriptions.Item label="督办文号">{o.number ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="督办对象">
                {o.caseId ? <Link to={`/cases/${o.caseId}`}>{o.caseNumber}</Link> : o.targetName}
              </Descriptions.Item>
              <Descriptions.Item label="被督办单位">{o.unit}</Descriptions.Item>
              <Descriptions.Item label="督办机关">{o.raisingUnit}</Descriptions.Item>
              <Descriptions.Item label="督办人">{o.raisedBy ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="反馈期限">{o.deadline}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>督办事项</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.facts}</Typography.Paragraph>
            <Typography.Title level={5}>督办要求</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.requirements}</Typography.Paragraph>
          </Card>
          <Card title={<h2 className="xf-h2">反馈</h2>}>
            {o.feedback ? (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.feedback}</Typography.Paragraph>
                {o.feedbackAttachments ? (
                  <Typography.Paragraph type="secondary">附件：{o.feedbackAttachments}</Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary">
                  {o.feedbackBy ?? ''} {o.feedbackAt ? formatDateTime(o.feedbackAt) : ''}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">尚未反馈</Typography.Text>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title={<h2 className="xf-h2">办理过程</h2>}>
            <Timeline
              items={o.history.map((h) => ({
                key: `${h.step}-${h.at}`,
                color:
                  h.step === 'escalate' || h.step === 'return'
                    ? 'red'
                    : h.step === 'accept'
                      ? 'green'
                      : 'blue',
                children: (
                  <>
                    <Typography.Text strong>{h.label}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {formatDateTime(h.at)} {h.by ?? '系统'}
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
