// 专报: the monthly special report (the page itself is StoredReports.tsx). Its preview: the key
// figures and the charts, which are the server's PNGs, the same as in the files.
import { Table } from 'antd';
import type { ReportData } from '../../../src/reports/contract.ts';
import { pct, type ReportDetail, type ReportKindConfig, StoredReportsPage } from './StoredReports.tsx';

const SECTIONS = [
  ['situation', '一、基本情况'],
  ['problems', '二、存在的问题'],
  ['forecast', '三、趋势预测'],
  ['suggestions', '四、意见建议'],
] as const;
const CHARTS: [string, string][] = [
  ['trend', '近13个月信访总量'],
  ['regions', '按地区'],
  ['categories', '按内容分类'],
  ['forecast', '预测（80%、95%区间）'],
];

type Figures = ReportData['situation']['current'];

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

function Preview(r: ReportDetail<ReportData>) {
  const s = r.data.situation;
  return (
    <>
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
            src={`/api/v1/reports/${r.id}/charts/${key}`}
            alt={label}
            style={{ width: '100%', border: '1px solid #eee' }}
          />
        ))}
      </div>
    </>
  );
}

const MONTHLY: ReportKindConfig<ReportData> = {
  label: '专报',
  base: '/api/v1/reports',
  createUrl: '/api/v1/reports/monthly',
  sections: SECTIONS,
  preview: Preview,
};

export default function ReportsPage() {
  return <StoredReportsPage kind={MONTHLY} />;
}
