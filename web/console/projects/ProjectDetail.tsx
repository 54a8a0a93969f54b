// One key project: goal, leader, owner unit, status; the milestones (任务书/路线图/时间表) with the
// complete form (done date, evidence), a form to add one, and the progress entries.
import { ModalForm, PageContainer, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { type Milestone, type ProjectDetail, STATUS_COLORS } from './types.ts';

function ActionForm({
  id,
  title,
  trigger,
  action,
  extra,
  children,
  onDone,
}: {
  id: number;
  title: string;
  trigger: React.ReactElement;
  action: string;
  extra?: Record<string, unknown>;
  children: React.ReactNode;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  return (
    <ModalForm
      title={title}
      trigger={trigger}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v: Record<string, unknown>) => {
        const body = Object.fromEntries(
          Object.entries({ ...v, ...extra, action }).filter(([, x]) => x !== undefined && x !== ''),
        );
        try {
          await api(`/api/v1/projects/${id}/actions`, { body });
          message.success('已保存');
          await onDone();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      {children}
    </ModalForm>
  );
}

export default function ProjectDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['project', id],
    queryFn: () => api<ProjectDetail>(`/api/v1/projects/${id}`),
  });
  const p = q.data;
  const can = (a: ProjectDetail['availableActions'][number]) => p?.availableActions.includes(a) ?? false;
  const refetch = () => q.refetch();
  if (q.isError)
    return (
      <PageContainer title="重点工作">
        <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>
      </PageContainer>
    );
  return (
    <PageContainer title={<h1 className="xf-h1">{p?.title ?? '重点工作'}</h1>} loading={!p}>
      {p ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="年度">{p.year}</Descriptions.Item>
              <Descriptions.Item label="牵头领导">{p.leadLeader}</Descriptions.Item>
              <Descriptions.Item label="责任单位">{p.ownerUnitName}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={STATUS_COLORS[p.status]}>{p.statusName}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="节点">{`已完成 ${p.milestonesDone}/${p.milestonesTotal}，逾期 ${p.milestonesOverdue}`}</Descriptions.Item>
              <Descriptions.Item label="所属">{p.bureauName}</Descriptions.Item>
              <Descriptions.Item label="工作目标" span={3}>
                {p.goal}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={<h2 className="xf-h2">任务书 · 路线图 · 时间表</h2>}
            extra={
              can('add_milestone') ? (
                <ActionForm
                  id={id}
                  title="添加节点"
                  action="add_milestone"
                  trigger={<Button>添加节点</Button>}
                  onDone={refetch}
                >
                  <ProFormText
                    name="title"
                    label="节点任务"
                    rules={[{ required: true, message: '请填写节点任务' }]}
                  />
                  <ProFormText
                    name="ownerName"
                    label="责任人"
                    rules={[{ required: true, message: '请填写责任人' }]}
                  />
                  <ProFormText
                    name="dueDate"
                    label="完成时限"
                    fieldProps={{ type: 'date' }}
                    rules={[{ required: true, message: '请选择完成时限' }]}
                  />
                </ActionForm>
              ) : null
            }
          >
            <Table<Milestone>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.milestones}
              rowClassName={(m) => (m.overdue ? 'xf-row-overdue' : '')}
              locale={{ emptyText: '尚未制定节点' }}
              columns={[
                { title: '节点任务', dataIndex: 'title' },
                { title: '责任人', dataIndex: 'ownerName', width: 140 },
                {
                  title: '完成时限',
                  dataIndex: 'dueDate',
                  width: 140,
                  render: (_, m) => (
                    <Typography.Text type={m.overdue ? 'danger' : undefined} strong={m.overdue}>
                      {m.dueDate}
                      {m.overdue ? '（逾期）' : ''}
                    </Typography.Text>
                  ),
                },
                {
                  title: '完成情况',
                  key: 'done',
                  render: (_, m) =>
                    m.doneDate ? (
                      <Space direction="vertical" size={0}>
                        <Tag color="green">{`已完成 ${m.doneDate}`}</Tag>
                        <Typography.Text type="secondary">{m.evidence}</Typography.Text>
                      </Space>
                    ) : can('complete_milestone') ? (
                      <ActionForm
                        id={id}
                        title={`完成节点：${m.title}`}
                        action="complete_milestone"
                        extra={{ milestoneId: m.id }}
                        trigger={<Button size="small">完成</Button>}
                        onDone={refetch}
                      >
                        <ProFormText
                          name="doneDate"
                          label="完成日期（默认今天）"
                          fieldProps={{ type: 'date' }}
                        />
                        <ProFormTextArea
                          name="evidence"
                          label="完成情况及佐证"
                          rules={[{ required: true, message: '请填写完成情况及佐证' }]}
                        />
                      </ActionForm>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
          <Card
            title={<h2 className="xf-h2">工作进展</h2>}
            extra={
              can('add_progress') ? (
                <ActionForm
                  id={id}
                  title="记录进展"
                  action="add_progress"
                  trigger={<Button>记录进展</Button>}
                  onDone={refetch}
                >
                  <ProFormTextArea
                    name="note"
                    label="进展情况"
                    rules={[{ required: true, message: '请填写进展情况' }]}
                  />
                </ActionForm>
              ) : null
            }
          >
            <List
              size="small"
              dataSource={p.progress}
              locale={{ emptyText: '暂无进展记录' }}
              renderItem={(g) => (
                <List.Item>
                  <List.Item.Meta title={g.note} description={`${formatDateTime(g.at)} · ${g.by ?? ''}`} />
                </List.Item>
              )}
            />
          </Card>
        </Space>
      ) : null}
    </PageContainer>
  );
}
