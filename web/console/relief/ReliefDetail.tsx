// 救助申请详情: the applicant (masked by role), the reason, the amounts, the approval chain (levels
// done and awaited), payments, the matter's closure condition with what it still waits on, and the
// buttons of the steps the server says the caller may take.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { yuan } from '../../../src/domain/linkage/relief.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { RELIEF_STATUS_COLORS, type ReliefApplication } from '../linkage/types.ts';
import { Loading } from '../session.tsx';
import { ReliefStepForm } from './forms.tsx';

export default function ReliefDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['relief', id],
    queryFn: () => api<ReliefApplication>(`/api/v1/relief/${id}`),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const a = q.data;
  const can = new Set(a.availableActions.map((x) => x.action));
  const refresh = () => qc.invalidateQueries({ queryKey: ['relief'] });
  const decided = (level: number) => a.approvals.find((x) => x.level === level);
  return (
    <PageContainer
      title={<h1 className="xf-h1">信访救助：{a.subject}</h1>}
      extra={
        <Space wrap>
          {can.has('approve') ? (
            <ReliefStepForm
              id={a.id}
              action="approve"
              defaultFen={a.approvedFen ?? a.requestedFen}
              trigger={<Button type="primary">审批同意</Button>}
              onDone={refresh}
            />
          ) : null}
          {can.has('reject') ? (
            <ReliefStepForm
              id={a.id}
              action="reject"
              trigger={<Button danger>不予救助</Button>}
              onDone={refresh}
            />
          ) : null}
          {can.has('pay') ? (
            <ReliefStepForm
              id={a.id}
              action="pay"
              defaultFen={(a.approvedFen ?? 0) - a.paidFen}
              trigger={<Button type="primary">登记发放</Button>}
              onDone={refresh}
            />
          ) : null}
          {can.has('close') ? (
            <ReliefStepForm
              id={a.id}
              action="close"
              trigger={<Button type="primary">结案</Button>}
              onDone={refresh}
            />
          ) : null}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={16}>
          <Card title={<h2 className="xf-h2">申请</h2>} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="信访事项">
                <Link to={`/cases/${a.caseId}`}>{a.caseNumber}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={RELIEF_STATUS_COLORS[a.status]}>{a.statusName}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="申请人">{a.applicantName}</Descriptions.Item>
              <Descriptions.Item label="身份证号码">{a.applicantIdNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="申请金额">{yuan(a.requestedFen)} 元</Descriptions.Item>
              <Descriptions.Item label="批准金额">
                {a.approvedFen === null ? '—' : `${yuan(a.approvedFen)} 元`}
              </Descriptions.Item>
              <Descriptions.Item label="已发放">{yuan(a.paidFen)} 元</Descriptions.Item>
              <Descriptions.Item label="申请时间">{formatDateTime(a.appliedAt)}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>困难情况与申请理由</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</Typography.Paragraph>
          </Card>
          <Card title={<h2 className="xf-h2">发放记录</h2>} style={{ marginBottom: 16 }}>
            <Table
              rowKey={(p) => `${p.voucher}-${p.date}`}
              size="small"
              pagination={false}
              dataSource={a.payments}
              locale={{ emptyText: '尚未发放' }}
              columns={[
                { title: '日期', dataIndex: 'date', width: 110 },
                {
                  title: '金额（元）',
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (v: number) => yuan(v),
                },
                { title: '发放单位', dataIndex: 'payer' },
                {
                  title: '方式',
                  dataIndex: 'method',
                  render: (v: string) => (v === 'bank' ? '银行转账' : '现金'),
                },
                { title: '凭证号', dataIndex: 'voucher' },
                { title: '登记人', dataIndex: 'recordedBy' },
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card title={<h2 className="xf-h2">逐级审批</h2>} style={{ marginBottom: 16 }}>
            <Steps
              direction="vertical"
              size="small"
              items={a.chain.map((c) => {
                const d = decided(c.level);
                return {
                  title: c.name,
                  status: d
                    ? d.decision === 'approve'
                      ? 'finish'
                      : 'error'
                    : a.pendingLevel === c.level
                      ? 'process'
                      : 'wait',
                  description: d
                    ? `${d.by}（${d.unit ?? ''}）${d.decision === 'approve' ? `同意 ${yuan(d.amountFen ?? 0)} 元` : '不予救助'}：${d.opinion}`
                    : a.pendingLevel === c.level
                      ? '待审批'
                      : '',
                };
              })}
            />
          </Card>
          <Card title={<h2 className="xf-h2">结案条件</h2>}>
            <Typography.Paragraph>{a.closure.condition}</Typography.Paragraph>
            {a.closure.met ? (
              <Alert type="success" showIcon message="已结案" />
            ) : (
              <Alert
                type="warning"
                showIcon
                message="本事项仍在等待"
                description={a.closure.waitingOn.join('；')}
              />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
