// On a case's page: its mediation referrals (访调对接), each linked to its page, with the 移交调解
// button for the handling unit and the bureau's supervisors and leaders; and the third parties who
// took part (律师参与、心理疏导、社会工作服务), with the button to record one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { InterventionForm, ReferForm } from './forms.tsx';
import { type InterventionItem, type ReferralItem, STATUS_COLORS } from './types.ts';

const REFERABLE = new Set(['accepted', 'handling']);

export function CaseMediation(props: { caseId: number; state: string; currentUnitId: number | null }) {
  const me = useStaff();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const referrals = useQuery({
    queryKey: ['mediation', 'case', props.caseId],
    queryFn: () => api<{ items: ReferralItem[] }>(`/api/v1/mediation/referrals?caseId=${props.caseId}`),
    retry: false,
  });
  const interventions = useQuery({
    queryKey: ['mediation', 'interventions', props.caseId],
    queryFn: () =>
      api<{ items: InterventionItem[]; canRecord: boolean }>(
        `/api/v1/mediation/interventions?caseId=${props.caseId}`,
      ),
    retry: false,
  });
  if (!referrals.data || !interventions.data) return null;
  // Answers that are not lists (a proxy's page, an older server) show nothing rather than breaking the page.
  if (!Array.isArray(referrals.data.items) || !Array.isArray(interventions.data.items)) return null;
  const holder = me.unit?.id === props.currentUnitId && me.abilities.mediationReferHeld;
  const bureau = me.abilities.mediationReferInScope;
  const canRefer = REFERABLE.has(props.state) && (holder || bureau);
  const { items } = referrals.data;
  const parts = interventions.data.items;
  if (!items.length && !parts.length && !canRefer && !interventions.data.canRecord) return null;
  const refresh = () => qc.invalidateQueries({ queryKey: ['mediation'] });
  return (
    <Card
      size="small"
      title="访调对接与第三方参与"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {canRefer ? (
            <ReferForm
              caseId={props.caseId}
              trigger={<Button size="small">移交调解</Button>}
              onDone={async (id) => {
                await refresh();
                navigate(`/mediation/referrals/${id}`);
              }}
            />
          ) : null}
          {interventions.data.canRecord ? (
            <InterventionForm
              caseId={props.caseId}
              trigger={<Button size="small">记录第三方参与</Button>}
              onDone={refresh}
            />
          ) : null}
        </Space>
      }
    >
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Link to={`/mediation/referrals/${r.id}`}>
                  {r.kindName}：{r.body}
                </Link>
                <span>{r.scope === 'part' ? `部分移交（${r.part}）` : '整体移交'}</span>
                <span>期限：{r.deadline}</span>
                <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>
                {r.overdue ? <Tag color="red">逾期</Tag> : null}
                {r.agreementNumber ? <span>调解协议书{r.agreementNumber}</span> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">暂无调解移交</Typography.Text>
      )}
      {parts.length ? (
        <List
          size="small"
          header={<b>第三方参与</b>}
          dataSource={parts}
          renderItem={(i) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag>{i.kindName}</Tag>
                  <span>
                    {i.provider}
                    {i.organization ? `（${i.organization}）` : ''}
                  </span>
                  <span>{i.date}</span>
                </Space>
                <Typography.Text>{i.activity}</Typography.Text>
                <Typography.Text type="secondary">效果：{i.result}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
