// On an accusation's page (揭发控告): the accused (被反映人/被反映单位) from GET /cases/:id/accused, and
// a note that the accused units never see the matter nor may be assigned or forwarded it.
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import type { AccusedAnswer } from '../../../src/accusations/contract.ts';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';

export function CaseAccused(props: { caseId: number; purpose: string }) {
  const q = useQuery({
    queryKey: ['accused', props.caseId],
    queryFn: () => api<AccusedAnswer>(`/api/v1/cases/${props.caseId}/accused`),
    enabled: props.purpose === 'accusation',
    retry: false,
  });
  if (props.purpose !== 'accusation' || !Array.isArray(q.data?.items)) return null;
  return (
    <Card title={<h2 className="xf-h2">被反映人（检举控告）</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        被反映单位看不到该事项，不能被交办、转送该事项；可转送本级纪委监委等机关。
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={q.data.items}
        locale={{ emptyText: '未填写被反映人' }}
        columns={[
          { title: '被反映人', dataIndex: 'personName', render: (v) => v ?? '—' },
          { title: '职务', dataIndex: 'position', render: (v) => v ?? '—' },
          { title: '被反映单位', dataIndex: 'unitName', render: (v) => v ?? '—' },
          { title: '登记时间', dataIndex: 'recordedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
