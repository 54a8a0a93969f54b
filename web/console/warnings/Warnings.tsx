// 预警: warnings of the caller's jurisdiction (GET /api/v1/warnings) with kind, level and status
// filters, links to the cases behind each, and 签收 with a note for supervisors and leaders.
import { ModalForm, PageContainer, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Warning } from '../../../src/warnings/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';

const KINDS: Record<string, string> = {
  growth: '异常增长',
  group_event: '疑似群体性事件',
  repeat_petitioner: '重复信访',
  overdue_unit: '超期积压',
  extreme_risk: '极端风险',
  storage_low: '存储空间不足',
};
const SHOWN_CASES = 8;

/** The linked cases by their 信访件编号 (the first few), and how many in all. */
function Cases({ w }: { w: Warning }) {
  return (
    <Space size={4} wrap>
      {w.cases.slice(0, SHOWN_CASES).map((c) => (
        <Link key={c.id} to={`/cases/${c.id}`} className="xf-code">
          {c.caseNumber}
        </Link>
      ))}
      {w.caseIds.length > SHOWN_CASES ? (
        <Typography.Text type="secondary">等{w.caseIds.length}件</Typography.Text>
      ) : null}
    </Space>
  );
}

export default function WarningsPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>('open');
  const [kind, setKind] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const query = new URLSearchParams({ status, ...(kind ? { kind } : {}), ...(level ? { level } : {}) });
  const list = useQuery({
    queryKey: ['warnings', status, kind, level],
    queryFn: () => api<{ items: Warning[] }>(`/api/v1/warnings?${query}`),
  });
  const canAck = me.abilities.warningAcknowledge;

  return (
    <PageContainer title={<h1 className="xf-h1">预警</h1>}>
      <ProTable<Warning>
        rowKey="id"
        search={false}
        options={false}
        headerTitle={`${me.jurisdiction?.name ?? ''}预警`}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无预警' }}
        pagination={{ pageSize: 20 }}
        toolBarRender={() => [
          <Select
            key="status"
            aria-label="状态"
            value={status}
            onChange={setStatus}
            style={{ width: 120 }}
            options={[
              { value: 'open', label: '未签收' },
              { value: 'acknowledged', label: '已签收' },
            ]}
          />,
          <Select
            key="kind"
            aria-label="类型"
            allowClear
            placeholder="全部类型"
            value={kind}
            onChange={setKind}
            style={{ width: 160 }}
            options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))}
          />,
          <Select
            key="level"
            aria-label="等级"
            allowClear
            placeholder="全部等级"
            value={level}
            onChange={setLevel}
            style={{ width: 120 }}
            options={[
              { value: 'high', label: '高' },
              { value: 'medium', label: '中' },
            ]}
          />,
        ]}
        expandable={{
          expandedRowRender: (w) => (
            <Space direction="vertical">
              <span>{w.detail}</span>
              {w.acknowledgedAt ? (
                <Typography.Text type="secondary">
                  {w.acknowledgedBy} 于 {formatDateTime(w.acknowledgedAt)} 签收{w.note ? `：${w.note}` : ''}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          {
            title: '等级',
            dataIndex: 'level',
            width: 70,
            render: (_, w) => (
              <Tag color={w.level === 'high' ? 'red' : 'orange'}>{w.level === 'high' ? '高' : '中'}</Tag>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 130, render: (_, w) => KINDS[w.kind] ?? w.kind },
          { title: '预警', dataIndex: 'title' },
          { title: '属地', dataIndex: ['jurisdiction', 'name'], width: 110 },
          // Two case numbers a line; the warning's text takes the rest of the width.
          { title: '关联信访件', dataIndex: 'caseIds', width: 290, render: (_, w) => <Cases w={w} /> },
          {
            title: '时间',
            dataIndex: 'createdAt',
            width: 160,
            render: (_, w) => formatDateTime(w.createdAt),
          },
          {
            title: '签收',
            key: 'ack',
            width: 110,
            render: (_, w) =>
              w.acknowledgedAt ? (
                <Tag color="green">已签收</Tag>
              ) : canAck ? (
                <ModalForm<{ note: string }>
                  title={`签收预警：${w.title}`}
                  width={520}
                  modalProps={{ destroyOnHidden: true }}
                  trigger={<Button size="small">签收</Button>}
                  onFinish={async (v) => {
                    try {
                      await api(`/api/v1/warnings/${w.id}/acknowledge`, {
                        method: 'POST',
                        body: { note: v.note ?? '' },
                      });
                      message.success('已签收');
                      await qc.invalidateQueries({ queryKey: ['warnings'] });
                      return true;
                    } catch (e) {
                      message.error(errorMessage(e));
                      return false;
                    }
                  }}
                >
                  <ProFormTextArea
                    name="note"
                    label="处置说明"
                    placeholder="已采取的措施、责任人等"
                    fieldProps={{ maxLength: 1000 }}
                  />
                </ModalForm>
              ) : (
                <Tag>未签收</Tag>
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
