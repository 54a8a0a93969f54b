// On a case's page: its 部门联动 — referrals to joint-conference members, 信访救助 applications (with
// what the matter still waits on) and 跨省协作 records — and, for bureau staff in scope, the buttons
// to start each. The page asks /api/v1/linkage/referrals, /api/v1/relief and /api/v1/linkage/cooperations.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { TERMINAL_STATES } from '../../../src/domain/lifecycle/vocabulary.ts';
import { yuan } from '../../../src/domain/linkage/relief.ts';
import { api } from '../../shared/api.ts';
import { ApplyForm } from '../relief/forms.tsx';
import { useStaff } from '../session.tsx';
import { CooperationForm, CooperationStepForm, ReferForm } from './forms.tsx';
import { ReferralTags } from './Linkage.tsx';
import {
  type Cooperation,
  RELIEF_STATUS_COLORS,
  type ReferralItem,
  type ReliefApplication,
} from './types.ts';

export function CaseLinkage(props: { caseId: number; state: string }) {
  const me = useStaff();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const referrals = useQuery({
    queryKey: ['linkage', 'referrals', 'case', props.caseId],
    queryFn: () => api<{ items: ReferralItem[] }>(`/api/v1/linkage/referrals?caseId=${props.caseId}`),
    retry: false,
  });
  const relief = useQuery({
    queryKey: ['relief', 'case', props.caseId],
    queryFn: () => api<{ items: ReliefApplication[] }>(`/api/v1/relief?caseId=${props.caseId}`),
    retry: false,
  });
  const coops = useQuery({
    queryKey: ['linkage', 'cooperations', props.caseId],
    queryFn: () => api<{ items: Cooperation[] }>(`/api/v1/linkage/cooperations?caseId=${props.caseId}`),
    retry: false,
  });
  // Answers that are not lists (a proxy's page, an older server) show nothing rather than breaking the page.
  if (![referrals.data, relief.data, coops.data].every((d) => Array.isArray(d?.items))) return null;
  if (!referrals.data || !relief.data || !coops.data) return null;
  const open = !(TERMINAL_STATES as readonly string[]).includes(props.state);
  const canStart = open && me.abilities.linkageStart;
  const empty = !referrals.data.items.length && !relief.data.items.length && !coops.data.items.length;
  if (empty && !canStart) return null;
  const refresh = () => qc.invalidateQueries({ queryKey: ['linkage'] });
  return (
    <Card
      size="small"
      title="部门联动"
      style={{ marginBottom: 16 }}
      extra={
        canStart ? (
          <Space size={4}>
            <ReferForm
              caseId={props.caseId}
              trigger={<Button size="small">移交成员单位</Button>}
              onDone={(id) => navigate(`/linkage/referrals/${id}`)}
            />
            <ApplyForm
              caseId={props.caseId}
              trigger={<Button size="small">信访救助</Button>}
              onDone={(id) => navigate(`/relief/${id}`)}
            />
            <CooperationForm
              caseId={props.caseId}
              trigger={<Button size="small">跨省协作</Button>}
              onDone={refresh}
            />
          </Space>
        ) : null
      }
    >
      {empty ? <span style={{ color: '#6b6b6b' }}>暂无移交、救助或跨省协作</span> : null}
      {referrals.data.items.length ? (
        <List
          size="small"
          dataSource={referrals.data.items}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Link to={`/linkage/referrals/${r.id}`}>
                  {r.typeName} → {r.member}
                </Link>
                <span>反馈期限：{r.deadline}</span>
                <ReferralTags r={r} />
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {relief.data.items.length ? (
        <List
          size="small"
          dataSource={relief.data.items}
          renderItem={(a) => (
            <List.Item>
              <Space wrap>
                <Link to={`/relief/${a.id}`}>信访救助 {yuan(a.approvedFen ?? a.requestedFen)} 元</Link>
                <Tag color={RELIEF_STATUS_COLORS[a.status]}>{a.statusName}</Tag>
                {a.closure.waitingOn.length && a.status !== 'rejected' ? (
                  <Typography.Text type="warning">等待：{a.closure.waitingOn.join('；')}</Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {coops.data.items.length ? (
        <List
          size="small"
          dataSource={coops.data.items}
          renderItem={(c) => (
            <List.Item
              actions={
                c.canAct
                  ? [
                      <CooperationStepForm
                        key="letter"
                        id={c.id}
                        action="letter"
                        trigger={<Button size="small">登记函件</Button>}
                        onDone={refresh}
                      />,
                      <CooperationStepForm
                        key="close"
                        id={c.id}
                        action="close"
                        trigger={<Button size="small">结束</Button>}
                        onDone={refresh}
                      />,
                    ]
                  : []
              }
            >
              <Space wrap>
                <span>
                  跨省协作：{c.counterpartProvinceName} {c.counterpartBureau}
                </span>
                <span>函件 {c.letters.length} 件</span>
                <Tag color={c.status === 'open' ? 'processing' : 'green'}>{c.statusName}</Tag>
                {c.outcomeName ? <span>结果：{c.outcomeName}</span> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
