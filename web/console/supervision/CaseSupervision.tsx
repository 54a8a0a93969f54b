// On a case's page: its supervision orders (督办), each linked to its page, and — for supervisors and
// leaders of a petition bureau — the 督办 button. The page asks GET /api/v1/supervision?caseId=.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space } from 'antd';
import { Link, useNavigate } from 'react-router';
import { TERMINAL_STATES } from '../../../src/domain/lifecycle/vocabulary.ts';
import { api } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { RaiseForm } from './forms.tsx';
import { OrderTags } from './List.tsx';
import type { OrderItem } from './types.ts';

export function CaseSupervision(props: { caseId: number; jurisdictionCode: string; state: string }) {
  const me = useStaff();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['supervision', 'case', props.caseId],
    queryFn: () => api<{ items: OrderItem[] }>(`/api/v1/supervision?caseId=${props.caseId}`),
    retry: false,
  });
  if (!q.data) return null;
  const open = !(TERMINAL_STATES as readonly string[]).includes(props.state);
  const canRaise = open && me.abilities.supervisionRaise;
  if (q.data.items.length === 0 && !canRaise) return null;
  return (
    <Card
      size="small"
      title="督查督办"
      style={{ marginBottom: 16 }}
      extra={
        canRaise ? (
          <RaiseForm
            caseId={props.caseId}
            jurisdictionCode={props.jurisdictionCode.slice(0, 6)}
            trigger={<Button size="small">发出督办</Button>}
            onDone={async (id) => {
              await qc.invalidateQueries({ queryKey: ['supervision'] });
              navigate(`/supervision/${id}`);
            }}
          />
        ) : null
      }
    >
      {q.data.items.length ? (
        <List
          size="small"
          dataSource={q.data.items}
          renderItem={(o) => (
            <List.Item>
              <Space wrap>
                <Link to={`/supervision/${o.id}`}>
                  {o.typeName}
                  {o.number ? ` ${o.number}` : ''}
                </Link>
                <span>被督办单位：{o.unit}</span>
                <span>反馈期限：{o.deadline}</span>
                <OrderTags o={o} />
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <span style={{ color: '#6b6b6b' }}>暂无督办</span>
      )}
    </Card>
  );
}
