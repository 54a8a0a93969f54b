// The decisions (调度事项) of a meeting or of 我的待办: what, owner, due date, linked case, status;
// 办结 with a note for whoever may (the API decides and says why not).
import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { TASK_COLORS, type Task } from './types.ts';

export function TaskTable({
  tasks,
  canComplete,
  onChanged,
  showMeeting = false,
}: {
  tasks: Task[];
  canComplete: (t: Task) => boolean;
  onChanged: () => unknown;
  showMeeting?: boolean;
}) {
  const { message } = App.useApp();
  return (
    <Table<Task>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={tasks}
      locale={{ emptyText: '暂无事项' }}
      columns={[
        { title: '决定事项', dataIndex: 'title' },
        ...(showMeeting
          ? [
              {
                title: '调度会',
                key: 'meeting',
                width: 220,
                render: (_: unknown, t: Task) => `${t.bureau} ${t.meetingDate}`,
              },
            ]
          : []),
        { title: '负责人', key: 'owner', width: 140, render: (_, t) => t.owner.name },
        { title: '完成期限', dataIndex: 'dueDate', width: 120 },
        {
          title: '关联信访件',
          key: 'case',
          width: 200,
          render: (_, t) =>
            t.case ? (
              <Link to={`/cases/${t.case.id}`} className="xf-code">
                {t.case.caseNumber}
              </Link>
            ) : (
              '—'
            ),
        },
        {
          title: '状态',
          key: 'status',
          width: 130,
          render: (_, t) => (
            <>
              <Tag color={TASK_COLORS[t.status]}>{t.statusName}</Tag>
              {t.status === 'overdue' ? (
                <Typography.Text type="danger">{t.daysOverdue}天</Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          title: '操作',
          key: 'action',
          width: 100,
          render: (_, t) =>
            t.status !== 'done' && canComplete(t) ? (
              <ModalForm<{ note: string }>
                title={`办结：${t.title}`}
                width={480}
                trigger={
                  <Button size="small" type="link">
                    办结
                  </Button>
                }
                modalProps={{ destroyOnHidden: true }}
                onFinish={async (v) => {
                  try {
                    await api(`/api/v1/tasks/${t.id}/done`, { method: 'POST', body: { note: v.note ?? '' } });
                    message.success('已办结');
                    await onChanged();
                    return true;
                  } catch (e) {
                    message.error(errorMessage(e));
                    return false;
                  }
                }}
              >
                <ProFormTextArea name="note" label="办结说明" fieldProps={{ maxLength: 1000 }} />
              </ModalForm>
            ) : t.doneNote ? (
              <Typography.Text type="secondary">{t.doneNote}</Typography.Text>
            ) : null,
        },
      ]}
    />
  );
}
