// 考核排名: the scorecard of a period (month, quarter, year) for the places one level down or the
// units of the caller's jurisdiction, ranked; a row opens its items (points, deductions), and a
// deduction with matters behind it opens them (下钻). Word and Excel exports.
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { downloadFile } from '../download.ts';
import { SchemeButton } from './SchemeModal.tsx';
import { type ItemResult, type MattersAnswer, pct, type Scorecard, type ScoreRow } from './types.ts';

/** Last month, 'YYYY-MM' (Asia/Shanghai is close enough to the browser's date here). */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const valueText = (i: ItemResult) =>
  i.value === null ? '无数据' : i.kind === 'rate' ? pct(i.value) : `${i.value}件`;

interface Drill {
  row: ScoreRow;
  item: ItemResult;
}

function Matters({ q, drill, onClose }: { q: string; drill: Drill | null; onClose: () => void }) {
  const code = drill ? (drill.row.unitId !== null ? String(drill.row.unitId) : drill.row.code) : '';
  const r = useQuery({
    queryKey: ['assessment', 'matters', q, code, drill?.item.key],
    enabled: drill !== null,
    queryFn: () =>
      api<MattersAnswer>(
        `/api/v1/assessment/scorecard/matters?${q}&code=${code}&item=${drill?.item.key}&pageSize=100`,
      ),
  });
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      width={720}
      title={drill ? `${drill.row.name} · ${drill.item.label}（扣${drill.item.deduction}分）背后的事项` : ''}
    >
      {r.isError ? <Typography.Text type="danger">{errorMessage(r.error)}</Typography.Text> : null}
      <Typography.Paragraph>共 {r.data?.total ?? '…'} 件</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={r.isPending}
        dataSource={r.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '信访件编号',
            dataIndex: 'caseNumber',
            render: (v, c) => <Link to={`/cases/${c.id}`}>{v}</Link>,
          },
          { title: '信访事项', dataIndex: 'subject' },
          { title: '地区', dataIndex: 'jurisdictionName', width: 90 },
          { title: '状态', dataIndex: 'stateName', width: 90 },
        ]}
      />
    </Drawer>
  );
}

export default function ScorecardTab() {
  const { message } = App.useApp();
  const [period, setPeriod] = useState(lastMonth());
  const [input, setInput] = useState(period);
  const [by, setBy] = useState<'jurisdiction' | 'unit'>('jurisdiction');
  const [drill, setDrill] = useState<Drill | null>(null);
  const qs = `period=${encodeURIComponent(period)}&by=${by}`;
  const q = useQuery({
    queryKey: ['assessment', 'scorecard', qs],
    queryFn: () => api<Scorecard>(`/api/v1/assessment/scorecard?${qs}`),
  });
  const d = q.data;
  const labels = d?.rows[0]?.items ?? [];
  const download = (format: 'docx' | 'xlsx') =>
    downloadFile(`/api/v1/assessment/scorecard/file?${qs}&format=${format}`, `scorecard.${format}`).catch(
      (e) => message.error(errorMessage(e)),
    );
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="考核期间"
          style={{ width: 220 }}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onSearch={(v) => setPeriod(v.trim())}
          enterButton="查询"
          placeholder="2026-10 / 2026-Q3 / 2026"
        />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'jurisdiction' | 'unit')}
          options={[
            { value: 'jurisdiction', label: '下级地区' },
            { value: 'unit', label: '本级部门' },
          ]}
        />
        <Button onClick={() => download('docx')}>导出 Word</Button>
        <Button onClick={() => download('xlsx')}>导出 Excel</Button>
        {d ? <SchemeButton year={d.scheme.year} level={d.scheme.level} /> : null}
      </Space>
      {q.isError ? <Typography.Paragraph type="danger">{errorMessage(q.error)}</Typography.Paragraph> : null}
      {d ? (
        <Typography.Paragraph type="secondary">
          {d.period.label}（{d.period.from} 至 {d.period.to}）· {d.scheme.year}年度考核方案（
          {d.scheme.source === 'override' ? '本年度调整' : '默认'}，满分{d.scheme.maxPoints}
          分）。得分为可计分指标得分占其分值的百分比； “无数据”的指标不计入；点击扣分可查看背后的信访事项。
        </Typography.Paragraph>
      ) : null}
      <Table<ScoreRow>
        rowKey="code"
        size="middle"
        loading={q.isPending}
        dataSource={d?.rows ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60, fixed: 'left', render: (v) => v ?? '—' },
          {
            title: by === 'unit' ? '单位' : '地区',
            dataIndex: 'name',
            width: 150,
            fixed: 'left',
            render: (v, r) => (r.unitId !== null ? <Link to={`/assessment/units/${r.unitId}`}>{v}</Link> : v),
          },
          {
            title: '得分',
            dataIndex: 'score',
            width: 80,
            render: (v: number | null) => (v === null ? <Tag>不排名</Tag> : <strong>{v.toFixed(1)}</strong>),
          },
          ...labels.map((l, idx) => ({
            title: `${l.label}（${l.points}）`,
            key: l.key,
            width: 120,
            render: (_: unknown, r: ScoreRow) => {
              const i = r.items[idx] as ItemResult;
              if (!i.available) return <Typography.Text type="secondary">无数据</Typography.Text>;
              const lost = i.deduction > 0;
              return (
                <Space direction="vertical" size={0}>
                  <span>{valueText(i)}</span>
                  {lost && i.drill ? (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      aria-label={`${r.name}${i.label}扣分事项`}
                      onClick={() => setDrill({ row: r, item: i })}
                    >
                      −{i.deduction}
                    </Button>
                  ) : (
                    <Typography.Text type={lost ? 'danger' : 'success'}>
                      {lost ? `−${i.deduction}` : '满分'}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          })),
        ]}
      />
      <Matters q={qs} drill={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
