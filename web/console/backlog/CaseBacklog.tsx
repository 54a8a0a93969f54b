// On a case's page: its backlog matter (积案), linked to the matter's page, or — for supervisors
// and leaders of a petition bureau — the button to propose the case as one (提请认定积案).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { ProposeForm } from './forms.tsx';
import type { MatterItem } from './types.ts';

const ENDED = new Set(['resolved', 'unflagged', 'rejected', 'dismissed']);

export function CaseBacklog({ caseId, jurisdictionCode }: { caseId: number; jurisdictionCode: string }) {
  const me = useStaff();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['backlog', 'case', caseId],
    queryFn: () => api<{ items: MatterItem[] }>(`/api/v1/backlog?caseId=${caseId}`),
    retry: false,
  });
  if (!q.data) return null;
  const items = q.data.items;
  const current = items.find((m) => !ENDED.has(m.status)) ?? items.find((m) => m.status === 'resolved');
  if (current)
    return (
      <Alert
        style={{ marginBottom: 16 }}
        type={current.status === 'resolved' ? 'success' : 'warning'}
        showIcon
        message={
          <span>
            积案（{current.statusName}）{current.levelName ? `· ${current.levelName}` : ''}
            {current.deadline ? ` · 化解期限 ${current.deadline}` : ''}{' '}
            <Link to={`/backlog/${current.id}`}>查看积案</Link>
          </span>
        }
      />
    );
  if (!me.abilities.backlogPropose) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <ProposeForm
        caseId={caseId}
        jurisdictionCode={jurisdictionCode}
        trigger={<Button>提请认定积案</Button>}
        onDone={() => qc.invalidateQueries({ queryKey: ['backlog'] })}
      />
    </div>
  );
}
