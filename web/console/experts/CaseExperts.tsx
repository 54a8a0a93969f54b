// On a case's page: the experts assigned to it (专家库) with their written opinions, the 指派专家
// button for reviewers, supervisors and leaders of a bureau in scope, and 录入专家意见 for the
// assigning bureau. On a backlog matter's page: the experts supervising its resolution (积案化解督导).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { AssignForm, OpinionForm } from './forms.tsx';
import type { AssignmentList } from './types.ts';

export function CaseExperts(props: { caseId: number; jurisdictionCode: string; backlogMatterId?: number }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['experts', 'case', props.caseId],
    queryFn: () => api<AssignmentList>(`/api/v1/expert-assignments?caseId=${props.caseId}`),
    retry: false,
  });
  if (!q.data || !Array.isArray(q.data.items)) return null; // not a list: nothing to show
  if (!q.data.items.length && !q.data.canAssign) return null;
  const refresh = () => qc.invalidateQueries({ queryKey: ['experts'] });
  return (
    <Card
      size="small"
      title={props.backlogMatterId ? '督导专家' : '专家意见'}
      style={{ marginBottom: 16 }}
      extra={
        q.data.canAssign ? (
          <AssignForm
            caseId={props.caseId}
            backlogMatterId={props.backlogMatterId}
            jurisdictionCode={props.jurisdictionCode.slice(0, 6)}
            trigger={<Button size="small">指派专家</Button>}
            onDone={refresh}
          />
        ) : null
      }
    >
      {q.data.items.length ? (
        <List
          size="small"
          dataSource={q.data.items}
          renderItem={(a) => (
            <List.Item
              actions={a.availableActions
                .filter((x) => x.action === 'file_opinion')
                .map((x) => (
                  <OpinionForm
                    key={x.action}
                    assignmentId={a.id}
                    trigger={<Button size="small">{x.label}</Button>}
                    onDone={refresh}
                  />
                ))}
            >
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <b>{a.expert}</b>
                  <span>{a.fieldName}</span>
                  <Tag>{a.purposeName}</Tag>
                  <Tag
                    color={
                      a.status === 'opinion_filed'
                        ? 'green'
                        : a.status === 'assigned'
                          ? 'processing'
                          : 'default'
                    }
                  >
                    {a.statusName}
                  </Tag>
                </Space>
                <Typography.Text type="secondary">咨询事项：{a.question}</Typography.Text>
                {a.opinion ? (
                  <Typography.Text>
                    专家意见（{a.opinionDate}）：{a.opinion}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">暂无专家指派</Typography.Text>
      )}
    </Card>
  );
}
