// 专项行动: the campaigns the caller sees with their numbers (排查、化解、化解率、三跨三分离化解稳定率,
// target met), and the form to launch one (supervisors and leaders of a petition bureau).
import {
  ModalForm,
  PageContainer,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProTable,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CAMPAIGN_KIND_NAMES } from '../../../src/domain/campaigns/vocabulary.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { type Campaign, pct } from './types.ts';

export function TargetTag({ met }: { met: boolean | null }) {
  if (met === null) return <Tag>未设目标</Tag>;
  return met ? <Tag color="green">目标已完成</Tag> : <Tag color="orange">目标未完成</Tag>;
}

function LaunchForm({ onDone }: { onDone: (id: number) => void }) {
  const me = useStaff();
  const { message } = App.useApp();
  return (
    <ModalForm
      title="部署专项行动"
      trigger={<Button type="primary">部署专项行动</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ kind: 'hundred_days', scopeCode: me.jurisdiction?.code }}
      onFinish={async (v: Record<string, unknown>) => {
        try {
          const c = await api<{ id: number }>('/api/v1/campaigns', { body: v });
          message.success('已部署');
          onDone(c.id);
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormText name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]} />
      <ProFormSelect
        name="kind"
        label="类型"
        options={Object.entries(CAMPAIGN_KIND_NAMES).map(([value, label]) => ({ value, label }))}
      />
      <ProFormText
        name="startDate"
        label="开始日期"
        fieldProps={{ type: 'date' }}
        rules={[{ required: true, message: '请选择开始日期' }]}
      />
      <ProFormText
        name="endDate"
        label="结束日期"
        fieldProps={{ type: 'date' }}
        rules={[{ required: true, message: '请选择结束日期' }]}
      />
      <ProFormText name="scopeCode" label="范围（行政区划代码）" />
      <ProFormDigit name="targetInvestigated" label="排查件数目标" min={0} />
      <ProFormDigit name="targetRate" label="化解率目标（%）" min={0} max={100} />
      <ProFormDigit name="targetStabilityRate" label="三跨三分离化解稳定率目标（%）" min={0} max={100} />
      <ProFormTextArea name="description" label="工作要求" />
    </ModalForm>
  );
}

export default function CampaignsPage() {
  const me = useStaff();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<{ items: Campaign[] }>('/api/v1/campaigns'),
  });
  const canLaunch = me.abilities.campaignLaunch;
  return (
    <PageContainer title={<h1 className="xf-h1">专项行动</h1>}>
      <ProTable<Campaign>
        rowKey="id"
        search={false}
        options={false}
        headerTitle="专项行动（排查化解情况）"
        toolBarRender={() =>
          canLaunch ? [<LaunchForm key="launch" onDone={(id) => navigate(`/campaigns/${id}`)} />] : []
        }
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无专项行动' }}
        pagination={false}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link>,
          },
          { title: '类型', dataIndex: 'kindName', width: 110 },
          { title: '范围', dataIndex: 'scopeName', width: 90 },
          {
            title: '时间',
            dataIndex: 'startDate',
            width: 200,
            render: (_, c) => `${c.startDate} 至 ${c.endDate}`,
          },
          { title: '排查', dataIndex: ['numbers', 'investigated'], width: 70, align: 'right' },
          { title: '化解', dataIndex: ['numbers', 'resolved'], width: 70, align: 'right' },
          { title: '化解率', key: 'rate', width: 80, align: 'right', render: (_, c) => pct(c.numbers.rate) },
          {
            title: '三跨三分离化解稳定率',
            key: 'stability',
            width: 160,
            align: 'right',
            render: (_, c) => pct(c.numbers.stabilityRate),
          },
          { title: '目标', key: 'target', width: 110, render: (_, c) => <TargetTag met={c.targetMet} /> },
          {
            title: '状态',
            dataIndex: 'statusName',
            width: 80,
            render: (_, c) => <Tag color={c.status === 'active' ? 'blue' : 'default'}>{c.statusName}</Tag>,
          },
        ]}
      />
    </PageContainer>
  );
}
