// 专家库: the experts the caller may call on (own jurisdiction and the levels above), by field,
// with their availability and load (在办、已出具意见); an expert's assignments and opinions in a
// drawer; leaders and administrators add experts and set their availability.
import {
  ModalForm,
  PageContainer,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  AVAILABILITIES,
  AVAILABILITY_NAMES,
  EXPERT_FIELDS,
  EXPERT_LEVELS,
  FIELD_NAMES,
  LEVEL_NAMES,
} from '../../../src/domain/experts/experts.ts';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { submit } from '../mediation/forms.tsx';
import { useStaff } from '../session.tsx';
import { AVAILABILITY_COLORS, type ExpertDetail, type ExpertItem } from './types.ts';

const options = <K extends string>(keys: readonly K[], names: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: names[k] }));

function ExpertDrawer(props: { id: number | null; onClose: () => void; canKeep: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['experts', 'one', props.id],
    queryFn: () => api<ExpertDetail>(`/api/v1/experts/${props.id}`),
    enabled: props.id !== null,
  });
  const e = q.data;
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      width={640}
      title={e ? `${e.name}（${e.fieldName}）` : ''}
    >
      {e ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {e.levelName}专家 · {e.title ?? ''} · {e.affiliation}
          </Typography.Text>
          {e.expertise ? <Typography.Text type="secondary">擅长：{e.expertise}</Typography.Text> : null}
          <Space>
            <span>可用状态</span>
            {props.canKeep ? (
              <Select
                aria-label="可用状态"
                style={{ width: 160 }}
                value={e.availability}
                options={options(AVAILABILITIES, AVAILABILITY_NAMES)}
                onChange={async (availability) => {
                  try {
                    await api(`/api/v1/experts/${e.id}`, { method: 'PATCH', body: { availability } });
                    await qc.invalidateQueries({ queryKey: ['experts'] });
                  } catch (err) {
                    message.error(errorMessage(err));
                  }
                }}
              />
            ) : (
              <Tag color={AVAILABILITY_COLORS[e.availability]}>{e.availabilityName}</Tag>
            )}
          </Space>
          <Typography.Text>
            在办指派 {e.openAssignments} 件，已出具意见 {e.opinions} 件
          </Typography.Text>
          <List
            header={<b>指派与专家意见</b>}
            dataSource={e.assignments}
            locale={{ emptyText: '暂无指派' }}
            renderItem={(a) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Link to={`/cases/${a.caseId}`}>
                      {a.caseNumber} {a.subject}
                    </Link>
                    <Tag>{a.purposeName}</Tag>
                    <Tag>{a.statusName}</Tag>
                  </Space>
                  <Typography.Text type="secondary">咨询事项：{a.question}</Typography.Text>
                  {a.opinion ? <Typography.Text>意见：{a.opinion}</Typography.Text> : null}
                </Space>
              </List.Item>
            )}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}

export default function ExpertsPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [field, setField] = useState<string | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const q = useQuery({
    queryKey: ['experts', 'list', field],
    queryFn: () => api<{ items: ExpertItem[] }>(`/api/v1/experts${field ? `?field=${field}` : ''}`),
  });
  const canKeep = me.abilities.expertsKeep;
  const units = useQuery({
    queryKey: ['jurisdiction-units', me.jurisdiction?.code],
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${me.jurisdiction?.code}`),
    enabled: canKeep && Boolean(me.jurisdiction?.code),
  });
  return (
    <PageContainer
      title={<h1 className="xf-h1">专家库</h1>}
      extra={
        canKeep ? (
          <ModalForm<{
            name: string;
            field: string;
            level: string;
            title?: string;
            unitId?: number;
            affiliation: string;
            expertise?: string;
          }>
            title="新增专家"
            width={560}
            layout="vertical"
            modalProps={{ destroyOnHidden: true }}
            trigger={<Button type="primary">新增专家</Button>}
            onFinish={(v) =>
              submit(
                message,
                () =>
                  api('/api/v1/experts', {
                    body: {
                      ...v,
                      jurisdictionCode: me.jurisdiction?.code,
                      title: v.title || undefined,
                      expertise: v.expertise || undefined,
                    },
                  }),
                '已新增专家',
                () => qc.invalidateQueries({ queryKey: ['experts'] }),
              )
            }
          >
            <ProFormText name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]} />
            <ProFormSelect
              name="field"
              label="专业领域"
              options={options(EXPERT_FIELDS, FIELD_NAMES)}
              rules={[{ required: true, message: '请选择专业领域' }]}
            />
            <ProFormSelect
              name="level"
              label="级别"
              options={options(EXPERT_LEVELS, LEVEL_NAMES)}
              rules={[{ required: true, message: '请选择级别' }]}
            />
            <ProFormText name="title" label="职称职务" />
            <ProFormText
              name="affiliation"
              label="工作单位"
              rules={[{ required: true, message: '请填写工作单位' }]}
            />
            <ProFormSelect
              name="unitId"
              label="所在单位为本辖区单位时选择（回避审查）"
              showSearch
              options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
            <ProFormTextArea name="expertise" label="擅长领域" />
          </ModalForm>
        ) : null
      }
    >
      <Card>
        <Select
          aria-label="专业领域"
          allowClear
          placeholder="全部领域"
          style={{ width: 160, marginBottom: 12 }}
          value={field}
          onChange={setField}
          options={options(EXPERT_FIELDS, FIELD_NAMES)}
        />
        {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
        <Table<ExpertItem>
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (v, e) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(e.id)}>
                  {v}
                </Button>
              ),
            },
            { title: '领域', dataIndex: 'fieldName', width: 100 },
            { title: '级别', dataIndex: 'levelName', width: 70 },
            { title: '职称职务', dataIndex: 'title', render: (v) => v ?? '—' },
            { title: '工作单位', dataIndex: 'affiliation' },
            {
              title: '可用状态',
              dataIndex: 'availability',
              width: 120,
              render: (v, e) => <Tag color={AVAILABILITY_COLORS[v]}>{e.availabilityName}</Tag>,
            },
            { title: '在办', dataIndex: 'openAssignments', width: 70 },
            { title: '已出具意见', dataIndex: 'opinions', width: 100 },
          ]}
        />
      </Card>
      <ExpertDrawer id={open} onClose={() => setOpen(null)} canKeep={canKeep} />
    </PageContainer>
  );
}
