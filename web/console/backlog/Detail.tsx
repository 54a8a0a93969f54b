// 积案详情: the matter's facts (case, level, units, deadline), its history of requests and
// decisions, the plan (steps with owners and dates), progress, and the seven-standard checklist
// with evidence and sign-offs; the buttons are the actions the server says the caller may take.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { CaseExperts } from '../experts/CaseExperts.tsx';
import { Loading } from '../session.tsx';
import { EvidenceForm, NOTE_LABELS, NoteForm, ProgressForm, ProposeForm, StepForm } from './forms.tsx';
import { PackagesCard } from './Packages.tsx';
import type { MatterDetail } from './types.ts';

export default function BacklogDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['backlog', id];
  const q = useQuery({ queryKey: key, queryFn: () => api<MatterDetail>(`/api/v1/backlog/${id}`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const m = q.data;
  const can = new Set(m.availableActions.map((a) => a.action));
  const refresh = () => qc.invalidateQueries({ queryKey: ['backlog'] });
  const act = async (body: Record<string, unknown>, done: string) => {
    try {
      await api(`/api/v1/backlog/${m.id}/actions`, { body });
      message.success(done);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <PageContainer
      title={<h1 className="xf-h1">积案：{m.subject}</h1>}
      extra={
        <Space wrap>
          {can.has('propose') ? (
            <ProposeForm
              matterId={m.id}
              jurisdictionCode={m.jurisdictionCode}
              trigger={<Button type="primary">提请认定</Button>}
              onDone={refresh}
            />
          ) : null}
          {m.availableActions
            .filter((a) => NOTE_LABELS[a.action])
            .map((a) => (
              <NoteForm key={a.action} matterId={m.id} action={a.action} label={a.label} onDone={refresh} />
            ))}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={16}>
          <Card title={<h2 className="xf-h2">基本情况</h2>} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small">
              <Descriptions.Item label="信访件编号">
                <Link to={`/cases/${m.caseId}`}>{m.caseNumber}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color="blue">{m.statusName}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="积案级别">{m.levelName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="责任单位">{m.responsibleUnit?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="化解期限">{m.deadline ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="积案天数">{m.daysOpen ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="提请单位">{m.proposingUnit ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="认定单位">{m.approvingUnit ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="候选依据" span={2}>
                {m.ruleHits.length ? m.ruleHits.map((h) => <Tag key={h.rule}>{h.label}</Tag>) : '人工提请'}
              </Descriptions.Item>
              <Descriptions.Item label="认定理由" span={2}>
                {m.reason ?? '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={<h2 className="xf-h2">化解方案（{m.plan.status.label}）</h2>}
            extra={can.has('add_step') ? <StepForm matterId={m.id} onDone={refresh} /> : null}
            style={{ marginBottom: 16 }}
          >
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={m.plan.steps}
              locale={{ emptyText: '尚未制定化解方案' }}
              columns={[
                { title: '步骤', dataIndex: 'title' },
                { title: '责任人', dataIndex: 'ownerName', width: 140 },
                {
                  title: '完成日期',
                  dataIndex: 'dueDate',
                  width: 120,
                  render: (d: string, s) => (
                    <Typography.Text type={s.overdue ? 'danger' : undefined}>{d}</Typography.Text>
                  ),
                },
                {
                  title: '完成情况',
                  width: 140,
                  render: (_, s) =>
                    s.doneAt ? (
                      <Tag color="green">已完成</Tag>
                    ) : can.has('complete_step') ? (
                      <Button
                        size="small"
                        onClick={() => act({ action: 'complete_step', stepId: s.id }, '已完成该步骤')}
                      >
                        标记完成
                      </Button>
                    ) : (
                      <Tag>{s.overdue ? '逾期' : '进行中'}</Tag>
                    ),
                },
              ]}
            />
          </Card>
          <Card
            title={<h2 className="xf-h2">七条标准（{m.standardsMet}/7）</h2>}
            style={{ marginBottom: 16 }}
          >
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={m.standards}
              columns={[
                { title: '标准', dataIndex: 'name', width: 100 },
                {
                  title: '佐证材料',
                  dataIndex: 'evidence',
                  render: (e: string | null, s) =>
                    e ? (
                      <span>
                        {e}
                        {s.evidenceBy ? (
                          <Typography.Text type="secondary">（{s.evidenceBy}）</Typography.Text>
                        ) : null}
                      </span>
                    ) : (
                      <Typography.Text type="secondary">{s.hint}</Typography.Text>
                    ),
                },
                {
                  title: '审核签字',
                  width: 200,
                  render: (_, s) =>
                    s.signedAt ? (
                      <Tag color="green">{s.signedBy} 已签字</Tag>
                    ) : (
                      <Space>
                        {can.has('record_evidence') ? (
                          <EvidenceForm
                            matterId={m.id}
                            standard={s.key}
                            name={s.name}
                            hint={s.hint}
                            onDone={refresh}
                          />
                        ) : null}
                        {s.evidence && can.has('sign_standard') ? (
                          <Button
                            size="small"
                            onClick={() => act({ action: 'sign_standard', standard: s.key }, '已审核签字')}
                          >
                            审核签字
                          </Button>
                        ) : null}
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <PackagesCard matterId={m.id} packages={m.packages} can={can} onDone={refresh} />
          <CaseExperts caseId={m.caseId} jurisdictionCode={m.jurisdictionCode} backlogMatterId={m.id} />
          <Card
            title={<h2 className="xf-h2">化解进展</h2>}
            extra={
              can.has('add_progress') ? (
                <ProgressForm matterId={m.id} steps={m.plan.steps} onDone={refresh} />
              ) : null
            }
            style={{ marginBottom: 16 }}
          >
            <List
              size="small"
              dataSource={m.progress}
              locale={{ emptyText: '暂无进展' }}
              renderItem={(p) => (
                <List.Item>
                  <div>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{p.note}</div>
                    <Typography.Text type="secondary">
                      {formatDateTime(p.at)} {p.by ?? ''}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
          <Card title={<h2 className="xf-h2">认定与审核记录</h2>}>
            <Timeline
              items={m.notes.map((n) => ({
                children: (
                  <div>
                    <Typography.Text strong>{n.label}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {formatDateTime(n.at)} {n.by}
                    </Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
