// 专报: the monthly special report. Pick a month and a jurisdiction → generate a draft (figures,
// charts and drafted texts from the server) → preview, edit the four texts → save → download Word
// or PDF → issue (领导、管理员). Charts are the server's PNGs, the same as in the files.
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
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../shared/api.ts';
import type { Jurisdiction } from '../../shared/types.ts';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';

type SectionKey = 'situation' | 'problems' | 'forecast' | 'suggestions';
type Sections = Record<SectionKey, string>;
const SECTIONS: [SectionKey, string][] = [
  ['situation', '一、基本情况'],
  ['problems', '二、存在的问题'],
  ['forecast', '三、趋势预测'],
  ['suggestions', '四、意见建议'],
];
const CHARTS: [string, string][] = [
  ['trend', '近13个月信访总量'],
  ['regions', '按地区'],
  ['categories', '按内容分类'],
  ['forecast', '预测（80%、95%区间）'],
];

interface ReportSummary {
  id: number;
  period: string;
  scope: { code: string; name: string };
  title: string;
  status: 'draft' | 'issued';
  updatedAt: string;
  issuedAt: string | null;
}
type Rate = number | null;
interface Figures {
  total: number;
  mom: Rate;
  yoy: Rate;
  onlineShare: Rate;
  timelyAcceptanceRate: Rate;
  onTimeCompletionRate: Rate;
  participationRate: Rate;
  satisfactionRate: Rate;
  skipLevelRate: Rate;
  repeatRate: Rate;
}
interface ReportDetail extends ReportSummary {
  sections: Sections;
  data: { situation: { current: Figures; previousMonth: Figures; sameMonthLastYear: Figures } };
}

const pct = (r: Rate) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
const FIGURES: [string, (f: Figures) => string][] = [
  ['信访总量', (f) => String(f.total)],
  ['环比', (f) => pct(f.mom)],
  ['同比', (f) => pct(f.yoy)],
  ['网上信访占比', (f) => pct(f.onlineShare)],
  ['及时受理率', (f) => pct(f.timelyAcceptanceRate)],
  ['按期办结率', (f) => pct(f.onTimeCompletionRate)],
  ['群众参评率', (f) => pct(f.participationRate)],
  ['满意率', (f) => pct(f.satisfactionRate)],
  ['越级上访率', (f) => pct(f.skipLevelRate)],
  ['重复信访率', (f) => pct(f.repeatRate)],
];

const statusTag = (s: ReportSummary['status']) =>
  s === 'issued' ? <Tag color="green">已签发</Tag> : <Tag color="blue">草稿</Tag>;

function ReportEditor({ id, canIssue }: { id: number; canIssue: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['report', id], queryFn: () => api<ReportDetail>(`/api/v1/reports/${id}`) });
  const [texts, setTexts] = useState<Sections | null>(null);
  useEffect(() => setTexts(q.data?.sections ?? null), [q.data]);
  const refresh = (r: ReportDetail) => {
    qc.setQueryData(['report', id], r);
    void qc.invalidateQueries({ queryKey: ['reports'] });
  };
  const save = useMutation({
    mutationFn: () =>
      api<ReportDetail>(`/api/v1/reports/${id}`, { method: 'PUT', body: { sections: texts } }),
    onSuccess: (r) => {
      refresh(r);
      message.success('已保存');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const issue = useMutation({
    mutationFn: () => api<ReportDetail>(`/api/v1/reports/${id}/issue`, { method: 'POST' }),
    onSuccess: (r) => {
      refresh(r);
      message.success('专报已签发');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const download = async (format: 'docx' | 'pdf') => {
    try {
      await downloadFile(`/api/v1/reports/${id}/download?format=${format}`, `专报.${format}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (q.isLoading || !q.data || !texts) return <Card loading />;
  const r = q.data;
  const draft = r.status === 'draft';
  const dirty = SECTIONS.some(([k]) => texts[k] !== r.sections[k]);
  const s = r.data.situation;
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
            <Button danger disabled={dirty} loading={issue.isPending} onClick={() => issue.mutate()}>
              签发
            </Button>
          ) : null}
        </Space>
      }
    >
      <Table
        size="small"
        pagination={false}
        rowKey="label"
        style={{ marginBottom: 16 }}
        columns={[
          { title: '指标', dataIndex: 'label' },
          { title: '本月', dataIndex: 'cur' },
          { title: '上月', dataIndex: 'prev' },
          { title: '去年同月', dataIndex: 'year' },
        ]}
        dataSource={FIGURES.map(([label, f]) => ({
          label,
          cur: f(s.current),
          prev: f(s.previousMonth),
          year: f(s.sameMonthLastYear),
        }))}
      />
      <div
        className="xf-report-charts"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: 12 }}
      >
        {CHARTS.map(([key, label]) => (
          <img
            key={key}
            src={`/api/v1/reports/${id}/charts/${key}`}
            alt={label}
            style={{ width: '100%', border: '1px solid #eee' }}
          />
        ))}
      </div>
      {SECTIONS.map(([key, heading]) => (
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

export default function ReportsPage() {
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
    queryKey: ['reports'],
    queryFn: () => api<{ items: ReportSummary[] }>('/api/v1/reports'),
  });
  const generate = useMutation({
    mutationFn: () =>
      api<ReportDetail>('/api/v1/reports/monthly', { body: { month: month.format('YYYY-MM'), scope } }),
    onSuccess: (r) => {
      qc.setQueryData(['report', r.id], r);
      void qc.invalidateQueries({ queryKey: ['reports'] });
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
    <PageContainer title={<h1 className="xf-h1">专报</h1>}>
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
      <Card title="专报列表" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无专报" /> }}
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
        <ReportEditor id={selected} canIssue={me.role === 'leader' || me.role === 'admin'} />
      ) : null}
    </PageContainer>
  );
}
