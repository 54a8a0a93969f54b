// 领导包案 on a matter's page (the leaders who took it, their 包案 plan and the meetings, visits and
// talks recorded), and the compliance tab of 积案化解: each city and county leader of the scope
// against the quota of the current period, and 包案化解率.
import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, List, Space, Statistic, Tag, Typography } from 'antd';
import type { ComplianceAnswer, ComplianceItem } from '../../../src/backlog/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { type PackageView, pct } from './types.ts';

const PLAN_ITEMS = [
  { key: 'grasp', name: '包掌握情况' },
  { key: 'educate', name: '包思想教育' },
  { key: 'solve', name: '包解决问题' },
  { key: 'settle', name: '包息访息诉' },
];
const KINDS = [
  { value: 'meeting', label: '协调会' },
  { value: 'visit', label: '走访' },
  { value: 'talk', label: '接谈' },
];

function PlanForm(props: {
  matterId: number;
  action: 'take_package' | 'package_plan';
  packageId?: number;
  initial?: Record<string, string>;
  trigger: React.ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  return (
    <ModalForm<Record<string, string>>
      title={props.action === 'take_package' ? '领导包案' : '包案方案'}
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      initialValues={props.initial}
      trigger={props.trigger}
      onFinish={async (v) => {
        try {
          await api(`/api/v1/backlog/${props.matterId}/actions`, {
            body: { action: props.action, ...(props.packageId ? { packageId: props.packageId } : {}), ...v },
          });
          message.success(props.action === 'take_package' ? '已包案' : '已保存包案方案');
          await props.onDone();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      {PLAN_ITEMS.map((i) => (
        <ProFormTextArea key={i.key} name={i.key} label={i.name} fieldProps={{ rows: 2 }} />
      ))}
    </ModalForm>
  );
}

function RecordForm(props: { matterId: number; packageId: number; onDone: () => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ kind: string; date: string; note: string }>
      title="记录包案活动"
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ kind: 'meeting' }}
      trigger={<Button size="small">记录活动</Button>}
      onFinish={async (v) => {
        try {
          await api(`/api/v1/backlog/${props.matterId}/actions`, {
            body: { action: 'package_record', packageId: props.packageId, ...v },
          });
          message.success('已记录');
          await props.onDone();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormSelect name="kind" label="类型" options={KINDS} rules={[{ required: true }]} />
      <ProFormText
        name="date"
        label="日期"
        fieldProps={{ type: 'date' }}
        rules={[{ required: true, message: '请选择日期' }]}
      />
      <ProFormTextArea name="note" label="活动情况" rules={[{ required: true, message: '请填写活动情况' }]} />
    </ModalForm>
  );
}

export function PackagesCard(props: {
  matterId: number;
  packages: PackageView[];
  can: Set<string>;
  onDone: () => unknown;
}) {
  const me = useStaff();
  const writes = (p: PackageView) =>
    props.can.has('package_plan') && (me.abilities.backlogOthersPackages || p.leaderUserId === me.id);
  return (
    <Card
      title={<h2 className="xf-h2">领导包案</h2>}
      extra={
        props.can.has('take_package') ? (
          <PlanForm
            matterId={props.matterId}
            action="take_package"
            trigger={<Button size="small">我来包案</Button>}
            onDone={props.onDone}
          />
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <List
        dataSource={props.packages}
        locale={{ emptyText: '尚无领导包案' }}
        renderItem={(p) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{p.leader}</Typography.Text>
                <Tag>{p.levelName}</Tag>
                {writes(p) ? (
                  <>
                    <PlanForm
                      matterId={props.matterId}
                      action="package_plan"
                      packageId={p.id}
                      initial={p.plan}
                      trigger={<Button size="small">包案方案</Button>}
                      onDone={props.onDone}
                    />
                    <RecordForm matterId={props.matterId} packageId={p.id} onDone={props.onDone} />
                  </>
                ) : null}
              </Space>
              <Descriptions size="small" column={1}>
                {PLAN_ITEMS.filter((i) => p.plan[i.key]).map((i) => (
                  <Descriptions.Item key={i.key} label={i.name}>
                    {p.plan[i.key]}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {p.records.map((r) => (
                <Typography.Text key={r.id} type="secondary">
                  {r.date} {r.kindName}：{r.note}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function ComplianceView() {
  const q = useQuery({
    queryKey: ['backlog-compliance'],
    queryFn: () => api<ComplianceAnswer>('/api/v1/backlog/packages/compliance'),
  });
  const s = q.data?.summary;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space size={48}>
          <Statistic title="应包案领导" value={s?.leaders ?? 0} suffix="人" loading={!s} />
          <Statistic title="本期达标" value={s?.met ?? 0} suffix="人" loading={!s} />
          <Statistic title="包案积案" value={s?.packages ?? 0} suffix="件" loading={!s} />
          <Statistic title="包案化解率" value={s ? pct(s.rate) : '—'} loading={!s} />
        </Space>
      </Card>
      <ProTable<ComplianceItem>
        rowKey={(r) => r.leader.id}
        search={false}
        options={false}
        headerTitle="领导包案完成情况"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: q.isError ? errorMessage(q.error) : '暂无应包案的领导' }}
        pagination={false}
        columns={[
          { title: '领导', dataIndex: ['leader', 'name'] },
          { title: '地区', dataIndex: ['jurisdiction', 'name'], width: 100 },
          { title: '级别', dataIndex: 'levelName', width: 70 },
          { title: '要求', dataIndex: ['quota', 'name'], width: 110 },
          { title: '本期', dataIndex: ['period', 'name'], width: 140 },
          {
            title: '本期包案',
            width: 120,
            render: (_, r) => (
              <Tag color={r.met ? 'green' : 'red'}>
                {r.taken}/{r.required} {r.met ? '达标' : '未达标'}
              </Tag>
            ),
          },
          { title: '累计包案', dataIndex: 'total', width: 90, align: 'right' },
          { title: '已化解', dataIndex: 'resolved', width: 80, align: 'right' },
          {
            title: '包案化解率',
            dataIndex: 'rate',
            width: 100,
            align: 'right',
            render: (_, r) => pct(r.rate),
          },
        ]}
      />
    </Space>
  );
}
