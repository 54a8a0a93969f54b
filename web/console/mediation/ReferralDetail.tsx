// One mediation referral: the matter, the body and mediator, the deadline, the sessions, the outcome,
// the 调解协议书 to download, the history, and the steps the caller may take now (记录调解, 达成协议,
// 调解不成, 撤回, 据协议办结 — the last settles the matter through the lifecycle action 调解和解).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { downloadFile } from '../download.ts';
import { OutcomeForm, SessionForm } from './forms.tsx';
import { type ReferralDetail, STATUS_COLORS } from './types.ts';

export default function ReferralDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['mediation', 'referral', id],
    queryFn: () => api<ReferralDetail>(`/api/v1/mediation/referrals/${id}`),
  });
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const r = q.data;
  if (!r) return null;
  const refresh = () => qc.invalidateQueries({ queryKey: ['mediation'] });
  const can = (a: string) => r.availableActions.find((x) => x.action === a);
  const outcome = (action: 'record_agreement' | 'record_no_agreement' | 'withdraw', danger = false) => {
    const a = can(action);
    return a ? (
      <OutcomeForm
        key={action}
        referralId={r.id}
        action={action}
        label={a.label}
        trigger={<Button danger={danger}>{a.label}</Button>}
        onDone={refresh}
      />
    ) : null;
  };
  return (
    <PageContainer
      title={<h1 className="xf-h1">调解移交</h1>}
      extra={
        <Space wrap>
          {can('record_session') ? (
            <SessionForm referralId={r.id} trigger={<Button>记录调解</Button>} onDone={refresh} />
          ) : null}
          {outcome('record_agreement')}
          {outcome('record_no_agreement')}
          {outcome('withdraw', true)}
          {can('settle_case') ? (
            <Popconfirm
              title="按调解协议办结该信访事项？"
              description="将以“调解和解”办结，协议内容记入办理过程。"
              onConfirm={async () => {
                try {
                  await api(`/api/v1/mediation/referrals/${r.id}/actions`, {
                    body: { action: 'settle_case' },
                  });
                  message.success('信访事项已按调解协议办结');
                  await refresh();
                  await qc.invalidateQueries({ queryKey: ['case'] });
                } catch (e) {
                  message.error(errorMessage(e));
                }
              }}
            >
              <Button type="primary">据协议办结</Button>
            </Popconfirm>
          ) : null}
          {r.agreementUrl ? (
            <Button
              onClick={() =>
                downloadFile(r.agreementUrl as string, `调解协议书${r.id}.docx`).catch((e) =>
                  message.error(errorMessage(e)),
                )
              }
            >
              下载调解协议书
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="信访事项">
            <Link to={`/cases/${r.caseId}`}>
              {r.caseNumber} {r.subject}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Space size={4}>
              <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>
              {r.overdue ? <Tag color="red">逾期</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="调解组织">
            {r.body}（{r.kindName}）
          </Descriptions.Item>
          <Descriptions.Item label="调解员">{r.mediator ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="移交范围">
            {r.scope === 'part' ? `部分移交：${r.part}` : '整体移交'}
          </Descriptions.Item>
          <Descriptions.Item label="调解期限">{r.deadline}</Descriptions.Item>
          <Descriptions.Item label="移交单位">{r.referringUnit}</Descriptions.Item>
          <Descriptions.Item label="移交时间">{formatDateTime(r.referredAt)}</Descriptions.Item>
          <Descriptions.Item label="移交说明" span={2}>
            {r.reason}
          </Descriptions.Item>
          {r.agreementNumber ? (
            <Descriptions.Item label="调解协议书" span={2}>
              {r.agreementNumber}：{r.agreementTerms}
            </Descriptions.Item>
          ) : null}
          {r.outcomeNote ? (
            <Descriptions.Item label="说明" span={2}>
              {r.outcomeNote}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title="调解记录" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.sessions}
          locale={{ emptyText: '暂无调解记录' }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '地点', dataIndex: 'place', width: 200 },
            {
              title: '参加人员',
              key: 'attendees',
              width: 240,
              render: (_, s) => s.attendees.map((a) => `${a.name}（${a.role}）`).join('、'),
            },
            { title: '调解情况', dataIndex: 'notes' },
          ]}
        />
      </Card>
      <Card title="办理过程" size="small">
        <Timeline
          items={r.history.map((h) => ({
            children: (
              <span>
                <b>{h.label}</b> {formatDateTime(h.at)} {h.by ?? ''}：{h.text}
              </span>
            ),
          }))}
        />
      </Card>
    </PageContainer>
  );
}
