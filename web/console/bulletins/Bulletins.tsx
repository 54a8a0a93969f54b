// 月通报: the monthly bulletin ranking the jurisdictions one level down (the page is the shared
// StoredReports.tsx). Its preview: the ranking on the scorecard and who is commended or criticised.
import { Space, Table, Tag, Typography } from 'antd';
import type { BulletinData, BulletinRow } from '../../../src/bulletins/contract.ts';
import {
  pct,
  type ReportDetail,
  type ReportKindConfig,
  StoredReportsPage,
} from '../reports/StoredReports.tsx';

const SECTIONS = [
  ['overview', '一、总体情况'],
  ['ranking', '二、综合排名'],
  ['commendations', '三、工作成效'],
  ['shortfalls', '四、存在问题'],
  ['supervision', '五、督查督办情况'],
  ['requirements', '六、下步工作要求'],
] as const;

function Preview(r: ReportDetail<BulletinData>) {
  const { rows, findings } = r.data;
  return (
    <>
      <Table<BulletinRow>
        size="small"
        pagination={false}
        rowKey="code"
        style={{ marginBottom: 16 }}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: '排名', render: (_, x) => x.rank ?? '—', width: 60 },
          { title: '地区', dataIndex: 'name' },
          {
            title: '综合评分',
            render: (_, x) => (x.score === null ? <Tag>数据不足</Tag> : x.score.toFixed(1)),
          },
          {
            title: '积案化解率',
            render: (_, x) =>
              x.backlogIdentified === 0
                ? '—'
                : `${pct(x.backlogResolutionRate)}（${x.backlogResolved}/${x.backlogIdentified}）`,
          },
          { title: '及时受理率', render: (_, x) => pct(x.timelyAcceptanceRate) },
          { title: '按期办结率', render: (_, x) => pct(x.onTimeCompletionRate) },
          { title: '满意率', render: (_, x) => pct(x.satisfactionRate) },
          { title: '重复信访率', render: (_, x) => pct(x.repeatRate) },
          { title: '超期（件）', dataIndex: 'overdue' },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>按规则点名</Typography.Text>
        <Space wrap>
          {findings.length === 0 ? <Typography.Text type="secondary">无</Typography.Text> : null}
          {findings.map((f) => (
            <Tag key={`${f.rule}-${f.code}`} color={f.kind === 'commend' ? 'green' : 'red'}>
              {f.kind === 'commend' ? '表扬' : '通报'}：{f.name}，{f.text}
            </Tag>
          ))}
        </Space>
      </Space>
    </>
  );
}

const BULLETIN: ReportKindConfig<BulletinData> = {
  label: '通报',
  base: '/api/v1/bulletins',
  createUrl: '/api/v1/bulletins',
  sections: SECTIONS,
  preview: Preview,
};

export default function BulletinsPage() {
  return <StoredReportsPage kind={BULLETIN} />;
}
