// 重点工作项目化管理: a year's key projects as a timetable — one row per project, its milestones
// (任务书/路线图/时间表) in the month they are due: done green, overdue red (逾期), due blue — the
// overdue milestones listed above, and the form to set up a project (supervisors and leaders).
import {
  ModalForm,
  PageContainer,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import {
  type Milestone,
  type OverdueMilestone,
  type Project,
  type ProjectList,
  STATUS_COLORS,
} from './types.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function MilestoneMark({ m }: { m: Milestone }) {
  const color = m.doneDate ? 'green' : m.overdue ? 'red' : 'blue';
  const state = m.doneDate ? `已完成 ${m.doneDate}` : m.overdue ? '逾期未完成' : '未到期';
  return (
    <Tooltip title={`${m.title}（${m.ownerName}）时限 ${m.dueDate}，${state}`}>
      <Tag
        color={color}
        className={m.overdue ? 'xf-milestone-overdue' : undefined}
        style={{
          marginInlineEnd: 0,
          marginBottom: 2,
          whiteSpace: 'normal',
          fontSize: 12,
          lineHeight: '16px',
          padding: '1px 3px',
        }}
      >
        {m.overdue ? '逾期·' : ''}
        {m.title.length > 5 ? `${m.title.slice(0, 5)}…` : m.title}
      </Tag>
    </Tooltip>
  );
}

function NewProjectForm({ year, onDone }: { year: number; onDone: (id: number) => void }) {
  const me = useStaff();
  const { message } = App.useApp();
  const units = useQuery({
    queryKey: ['jurisdiction-units', me.jurisdiction?.code],
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${me.jurisdiction?.code}`),
    enabled: Boolean(me.jurisdiction),
  });
  return (
    <ModalForm
      title={`立项 ${year} 年度重点工作`}
      trigger={<Button type="primary">立项重点工作</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ ownerUnitId: me.unit?.id }}
      onFinish={async (v: Record<string, unknown>) => {
        try {
          const p = await api<{ id: number }>('/api/v1/projects', { body: { ...v, year } });
          message.success('已立项');
          onDone(p.id);
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormText name="title" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]} />
      <ProFormTextArea name="goal" label="工作目标" rules={[{ required: true, message: '请填写工作目标' }]} />
      <ProFormText
        name="leadLeader"
        label="牵头领导"
        rules={[{ required: true, message: '请填写牵头领导' }]}
      />
      <ProFormSelect
        name="ownerUnitId"
        label="责任单位"
        options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
    </ModalForm>
  );
}

export default function ProjectsPage() {
  const navigate = useNavigate();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const list = useQuery({
    queryKey: ['projects', year],
    queryFn: () => api<ProjectList>(`/api/v1/projects?year=${year}`),
  });
  const overdue = useQuery({
    queryKey: ['projects-overdue'],
    queryFn: () => api<{ items: OverdueMilestone[] }>('/api/v1/projects/overdue'),
  });
  const items = list.data?.items ?? [];
  const monthOf = (d: string) => Number(d.slice(5, 7));
  return (
    <PageContainer title={<h1 className="xf-h1">重点工作项目化管理</h1>}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {overdue.data?.items.length ? (
          <Alert
            type="error"
            showIcon
            message={`有 ${overdue.data.items.length} 个项目节点逾期未完成`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {overdue.data.items.slice(0, 10).map((m) => (
                  <li key={m.milestoneId}>
                    <Link to={`/projects/${m.projectId}`}>{m.projectTitle}</Link>：{m.title}（{m.ownerName}
                    ，时限 {m.dueDate}，已逾期 {m.daysOverdue} 天）
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Card
          title={
            <Space>
              <h2 className="xf-h2" style={{ margin: 0 }}>
                年度重点工作时间表
              </h2>
              <InputNumber
                aria-label="年度"
                min={2000}
                max={2100}
                value={year}
                onChange={(v) => v && setYear(v)}
                suffix="年"
              />
            </Space>
          }
          extra={
            <Space>
              {list.data?.perYear ? (
                <Typography.Text type="secondary">
                  已立项 {items.length} 项（每年不超过 {list.data.perYear} 项）
                </Typography.Text>
              ) : null}
              {list.data?.canCreate ? (
                <NewProjectForm year={year} onDone={(id) => navigate(`/projects/${id}`)} />
              ) : null}
            </Space>
          }
        >
          <Table<Project>
            rowKey="id"
            size="small"
            bordered
            loading={list.isFetching}
            pagination={false}
            aria-label="重点工作时间表"
            dataSource={items}
            scroll={{ x: 1090 }}
            locale={{ emptyText: list.isError ? errorMessage(list.error) : '本年度暂无重点工作项目' }}
            rowClassName={(p) => (p.status === 'overdue' ? 'xf-row-overdue' : '')}
            columns={[
              {
                title: '项目',
                dataIndex: 'title',
                width: 200,
                fixed: 'left',
                render: (_, p) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/projects/${p.id}`}>{p.title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.bureauName} · {p.leadLeader}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '状态',
                dataIndex: 'statusName',
                width: 110,
                render: (_, p) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={STATUS_COLORS[p.status]}>{p.statusName}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      节点 {p.milestonesDone}/{p.milestonesTotal}
                    </Typography.Text>
                  </Space>
                ),
              },
              ...MONTHS.map((month) => ({
                title: `${month}月`,
                key: `m${month}`,
                width: 66,
                render: (_: unknown, p: Project) =>
                  p.milestones
                    .filter((m) => m.dueDate.startsWith(String(year)) && monthOf(m.dueDate) === month)
                    .map((m) => <MilestoneMark key={m.id} m={m} />),
              })),
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Tag color="green">已完成</Tag>
            <Tag color="blue">未到期</Tag>
            <Tag color="red">逾期未完成</Tag>
          </Space>
        </Card>
      </Space>
    </PageContainer>
  );
}
