// 周调度: the agenda the platform prepares for the bureau's weekly meeting (GET
// /api/v1/dispatch/agenda) — the week's figures, the matters to discuss (top items of 日监测), last
// meeting's decisions and whether they were done — the form to record this week's meeting, and the
// meetings recorded (with their decisions and status).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Collapse, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { SEVERITY } from '../monitoring/types.ts';
import { useStaff } from '../session.tsx';
import { RecordMeeting } from './RecordMeeting.tsx';
import { TaskTable } from './TaskTable.tsx';
import type { Agenda, Meeting, Task, Topic } from './types.ts';

export default function DispatchPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const agenda = useQuery({
    queryKey: ['dispatch-agenda'],
    queryFn: () => api<Agenda>('/api/v1/dispatch/agenda'),
  });
  const meetings = useQuery({
    queryKey: ['dispatch-meetings'],
    queryFn: () => api<{ items: Meeting[] }>('/api/v1/dispatch/meetings'),
  });
  const a = agenda.data;
  const chair = me.abilities.dispatchChair;
  const refresh = () => Promise.all([agenda.refetch(), meetings.refetch()]);
  const mayComplete = (m: { bureau: string }) => (t: Task) =>
    t.owner.id === me.id || (chair && m.bureau === me.unit?.name);

  return (
    <PageContainer
      title={a ? `周调度 · ${a.bureau.name}` : '周调度'}
      subTitle={a ? `本周 ${a.week.from} 至 ${a.week.to}` : undefined}
    >
      {agenda.isError ? (
        <Typography.Text type="danger">{errorMessage(agenda.error)}</Typography.Text>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="本周数据" loading={!a}>
            <Row gutter={16}>
              {(a?.figures ?? []).map((f) => (
                <Col key={f.key} span={4}>
                  <Statistic title={f.name} value={f.value} suffix="件" />
                </Col>
              ))}
            </Row>
          </Card>
          <Card size="small" title="待议事项（来自日监测）">
            <Table<Topic>
              size="small"
              rowKey={(t) => `${t.source}:${t.action.path}`}
              pagination={false}
              dataSource={a?.topics ?? []}
              locale={{ emptyText: '本周暂无需研究的事项' }}
              columns={[
                {
                  title: '来源',
                  key: 'source',
                  width: 170,
                  render: (_, t) => <Tag color={SEVERITY[t.severity]?.color}>{t.sourceTitle}</Tag>,
                },
                {
                  title: '信访件编号',
                  key: 'case',
                  width: 200,
                  render: (_, t) =>
                    t.caseId ? (
                      <Link to={`/cases/${t.caseId}`} className="xf-code">
                        {t.caseNumber}
                      </Link>
                    ) : (
                      '—'
                    ),
                },
                { title: '事项', dataIndex: 'title', ellipsis: true },
                { title: '单位', dataIndex: 'unit', width: 220, render: (v) => v ?? '—' },
                {
                  title: '天数',
                  key: 'days',
                  width: 120,
                  render: (_, t) => (t.days === null ? '—' : `${t.daysLabel} ${t.days}`),
                },
                {
                  title: '操作',
                  key: 'go',
                  width: 100,
                  render: (_, t) => <Link to={t.action.path}>{t.action.label}</Link>,
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={a?.previous ? `上次调度会（${a.previous.date}）决定事项落实情况` : '上次调度会决定事项'}
          >
            {a?.previous ? (
              <TaskTable
                tasks={a.previous.tasks}
                canComplete={mayComplete({ bureau: a.bureau.name })}
                onChanged={refresh}
              />
            ) : (
              <Typography.Text type="secondary">此前没有已召开的调度会</Typography.Text>
            )}
          </Card>
          {a && !a.meeting && chair ? (
            <RecordMeeting topics={a.topics} onSaved={refresh} />
          ) : a?.meeting ? (
            <Card size="small">
              <Space>
                <Typography.Text>
                  本周调度会已记录（{a.meeting.date}，{a.meeting.status === 'held' ? '已召开' : '草稿'}）
                </Typography.Text>
                {a.meeting.status === 'draft' && chair ? (
                  <Button
                    onClick={async () => {
                      try {
                        await api(`/api/v1/dispatch/meetings/${a.meeting?.id}/hold`, { method: 'POST' });
                        message.success('已确认召开');
                        await refresh();
                      } catch (e) {
                        message.error(errorMessage(e));
                      }
                    }}
                  >
                    确认已召开
                  </Button>
                ) : null}
              </Space>
            </Card>
          ) : null}
          <Card size="small" title="调度会记录">
            <Collapse
              items={(meetings.data?.items ?? []).map((m) => ({
                key: m.id,
                label: (
                  <Space>
                    <span>
                      {m.bureau} {m.date}
                    </span>
                    <Tag color={m.status === 'held' ? 'green' : 'default'}>{m.statusName}</Tag>
                    <Typography.Text type="secondary">
                      决定事项 {m.tasks.length} 项，已完成 {m.tasks.filter((t) => t.status === 'done').length}{' '}
                      项
                    </Typography.Text>
                  </Space>
                ),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Typography.Text>参会人员：{m.attendees.join('、') || '—'}</Typography.Text>
                    {m.notes ? <Typography.Paragraph>{m.notes}</Typography.Paragraph> : null}
                    <TaskTable tasks={m.tasks} canComplete={mayComplete(m)} onChanged={refresh} />
                  </Space>
                ),
              }))}
            />
            {meetings.data?.items.length === 0 ? (
              <Typography.Text type="secondary">暂无调度会记录</Typography.Text>
            ) : null}
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
