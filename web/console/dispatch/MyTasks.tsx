// 我的待办: the decisions of weekly dispatch meetings the caller owns (GET /api/v1/tasks/mine), open
// ones first with the overdue ones marked, and 办结.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { api, errorMessage } from '../../shared/api.ts';
import { TaskTable } from './TaskTable.tsx';
import type { Task } from './types.ts';

export default function MyTasksPage() {
  const tasks = useQuery({
    queryKey: ['tasks-mine'],
    queryFn: () => api<{ items: Task[] }>('/api/v1/tasks/mine'),
  });
  const open = (tasks.data?.items ?? []).filter((t) => t.status !== 'done').length;
  return (
    <PageContainer title="我的待办" subTitle={tasks.data ? `未办结 ${open} 项` : undefined}>
      <Card>
        {tasks.isError ? (
          <Typography.Text type="danger">{errorMessage(tasks.error)}</Typography.Text>
        ) : (
          <TaskTable
            tasks={tasks.data?.items ?? []}
            showMeeting
            canComplete={() => true}
            onChanged={() => tasks.refetch()}
          />
        )}
      </Card>
    </PageContainer>
  );
}
