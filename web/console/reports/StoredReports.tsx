// A stored written report — the monthly 专报 (reports/Reports.tsx) or the monthly 通报
// (bulletins/Bulletins.tsx): pick a month and a jurisdiction → generate a draft (figures and drafted
// texts from the server) → preview, edit the texts → save → download Word or PDF → issue (领导、管理员).
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import type { StoredReportSummary } from '../../../src/reports/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import type { Jurisdiction } from '../../shared/types.ts';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';

export type { StoredReportSummary as ReportSummary };

/** A stored report's answer (the 专报's ReportDetail, the 通报's BulletinDetail) with its data `D`. */
export type ReportDetail<D> = StoredReportSummary & { sections: Record<string, string>; data: D };

/** What differs between the 专报 and the 通报 pages. */
export interface ReportKindConfig<D> {
  /** 专报 / 通报 */
  label: string;
  /** /api/v1/reports or /api/v1/bulletins */
  base: string;
  /** Where a draft is generated (POST { month, scope }). */
  createUrl: string;
  sections: readonly (readonly [string, string])[];
  /** The figures shown above the texts. */
  preview: (r: ReportDetail<D>) => ReactNode;
}

export const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;

const statusTag = (s: StoredReportSummary['status']) =>
  s === 'issued' ? <Tag color="green">已签发</Tag> : <Tag color="blue">草稿</Tag>;

function ReportEditor<D>({
  id,
  canIssue,
  kind,
}: {
  id: number;
  canIssue: boolean;
  kind: ReportKindConfig<D>;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: [kind.base, id],
    queryFn: () => api<ReportDetail<D>>(`${kind.base}/${id}`),
  });
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setTexts(q.data?.sections ?? null), [q.data]);
  const refresh = (r: ReportDetail<D>) => {
    qc.setQueryData([kind.base, id], r);
    void qc.invalidateQueries({ queryKey: [kind.base] });
  };
  const save = useMutation({
    mutationFn: () =>
      api<ReportDetail<D>>(`${kind.base}/${id}`, { method: 'PUT', body: { sections: texts } }),
    onSuccess: (r) => {
      refresh(r);
      message.success('已保存');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const issue = useMutation({
    mutationFn: () => api<ReportDetail<D>>(`${kind.base}/${id}/issue`, { method: 'POST' }),
    onSuccess: (r) => {
      refresh(r);
      setConfirming(false);
      message.success(`${kind.label}已签发`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const download = async (format: 'docx' | 'pdf') => {
    try {
      await downloadFile(`${kind.base}/${id}/download?format=${format}`, `${kind.label}.${format}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (q.isLoading || !q.data || !texts) return <Card loading />;
  const r = q.data;
  const draft = r.status === 'draft';
  const dirty = kind.sections.some(([k]) => texts[k] !== r.sections[k]);
  return (
    <Card
      title={
        <Space>
          {r.title}
          {statusTag(r.status)}
        </Space>
      }
      extra={
        <Space wrap>
          {draft ? (
            <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
              保存修改
            </Button>
          ) : null}
          <Button onClick={() => void download('docx')} disabled={dirty}>
            下载 Word
          </Button>
          <Button onClick={() => void download('pdf')} disabled={dirty}>
            下载 PDF
          </Button>
          {draft && canIssue ? (
            <Button danger disabled={dirty} onClick={() => setConfirming(true)}>
              签发
            </Button>
          ) : null}
        </Space>
      }
    >
      {confirming ? (
        // What will be issued, before it is: an issued report can no longer be changed.
        <Modal
          open
          title={`确认签发${kind.label}`}
          okText="确认签发"
          okButtonProps={{ danger: true }}
          confirmLoading={issue.isPending}
          onOk={() => issue.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <Descriptions
            column={1}
            size="small"
            items={[
              { label: '标题', children: r.title },
              { label: '期间', children: r.period },
              { label: '辖区', children: r.scope.name },
              ...kind.sections.map(([key, heading]) => ({
                label: heading,
                children: `${(r.sections[key] ?? '').replace(/\s+/g, '').length} 字：${(r.sections[key] ?? '').slice(0, 40)}…`,
              })),
            ]}
          />
          <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
            签发后{kind.label}即为正式文本，不能再修改。
          </Typography.Paragraph>
        </Modal>
      ) : null}
      {kind.preview(r)}
      {kind.sections.map(([key, heading]) => (
        <div key={key} style={{ marginTop: 16 }}>
          <Typography.Title level={5} id={`section-${key}`}>
            {heading}
          </Typography.Title>
          <Input.TextArea
            aria-labelledby={`section-${key}`}
            value={texts[key]}
            readOnly={!draft}
            autoSize={{ minRows: 3, maxRows: 16 }}
            onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
          />
        </div>
      ))}
      {draft ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          每段一行；保存后下载的 Word、PDF 即为修改后的文字。签发后不能再修改。
        </Typography.Paragraph>
      ) : (
        <Descriptions
          size="small"
          style={{ marginTop: 8 }}
          items={[
            { label: '签发时间', children: r.issuedAt ? dayjs(r.issuedAt).format('YYYY-MM-DD HH:mm') : '' },
          ]}
        />
      )}
    </Card>
  );
}

export function StoredReportsPage<D>({ kind }: { kind: ReportKindConfig<D> }) {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const own = me.jurisdiction;
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [scope, setScope] = useState<string | undefined>(own?.code);
  const [selected, setSelected] = useState<number | null>(null);
  const children = useQuery({
    queryKey: ['jurisdictions', own?.code],
    enabled: own !== null,
    queryFn: () => api<{ items: Jurisdiction[] }>(`/api/v1/jurisdictions?parent=${own?.code}`),
  });
  const list = useQuery({
    queryKey: [kind.base],
    queryFn: () => api<{ items: StoredReportSummary[] }>(kind.base),
  });
  const generate = useMutation({
    mutationFn: () =>
      api<ReportDetail<D>>(kind.createUrl, { body: { month: month.format('YYYY-MM'), scope } }),
    onSuccess: (r) => {
      qc.setQueryData([kind.base, r.id], r);
      void qc.invalidateQueries({ queryKey: [kind.base] });
      setSelected(r.id);
      message.success('草稿已生成');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const scopes = [
    ...(own ? [{ value: own.code, label: own.name }] : []),
    ...(children.data?.items ?? []).map((j) => ({ value: j.code, label: j.name })),
  ];
  return (
    <PageContainer title={<h1 className="xf-h1">{kind.label}</h1>}>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <span id="report-month">月份：</span>
          <DatePicker
            aria-labelledby="report-month"
            picker="month"
            value={month}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => d && setMonth(d)}
          />
          <span id="report-scope">范围：</span>
          <Select
            aria-labelledby="report-scope"
            style={{ width: 200 }}
            value={scope}
            options={scopes}
            onChange={setScope}
          />
          <Button type="primary" loading={generate.isPending} onClick={() => generate.mutate()}>
            生成草稿
          </Button>
        </Space>
      </Card>
      <Card title={`${kind.label}列表`} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={`暂无${kind.label}`} /> }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '标题', dataIndex: 'title' },
            { title: '范围', render: (_, r) => r.scope.name },
            { title: '状态', render: (_, r) => statusTag(r.status) },
            { title: '更新时间', render: (_, r) => dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Card>
      {selected !== null ? (
        <ReportEditor id={selected} kind={kind} canIssue={me.abilities.reportIssue} />
      ) : null}
    </PageContainer>
  );
}
