// 节假日: the official holiday calendar (GET /api/v1/calendar/holidays) that every working-day
// deadline is computed with: shipped with the platform, and for later years entered by the province
// administrator (./HolidayEntry.tsx).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { HolidayCalendar, SpecialDay } from '../../../src/calendar/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { HolidayEntry } from './HolidayEntry.tsx';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (date: string) => `星期${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;

/** Consecutive holidays of one name as one row: 国庆节 10-01 至 10-07，共 7 天. */
function holidayBlocks(days: SpecialDay[]) {
  const blocks: { name: string; from: string; to: string; count: number }[] = [];
  for (const d of days.filter((x) => x.kind === 'holiday')) {
    const last = blocks[blocks.length - 1];
    const next = last && new Date(new Date(`${last.to}T00:00:00Z`).getTime() + 86_400_000);
    if (last && last.name === d.label && next?.toISOString().slice(0, 10) === d.date) {
      last.to = d.date;
      last.count++;
    } else blocks.push({ name: d.label, from: d.date, to: d.date, count: 1 });
  }
  return blocks;
}

export default function HolidaysPage() {
  const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const me = useStaff();
  const province = me.abilities.holidayCalendar;
  const q = useQuery({
    queryKey: ['holidays', year],
    queryFn: () => api<HolidayCalendar>(`/api/v1/calendar/holidays?year=${year}`),
  });
  const first = q.data?.coverage.firstYear ?? thisYear - 2;
  const last = Math.max(q.data?.coverage.lastYear ?? thisYear, thisYear) + 1;
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  const days = q.data?.days ?? [];
  return (
    <PageContainer title={<h1 className="xf-h1">节假日</h1>}>
      <Card>
        <Typography.Paragraph>
          办理期限按此日历计算：以“工作日”计的期限跳过周末和法定节假日，并计入调休上班日；以“日”计的期限末日为节假日的，顺延至节假日后的第一个工作日。
          日历为国务院办公厅公布的放假安排：已收录的年份随平台版本更新，不能在此修改；之后的年份由省级管理员在每年秋季通知发布后录入。
        </Typography.Paragraph>
        <Space style={{ marginBottom: 16 }}>
          <span id="holiday-year">年份：</span>
          <Select
            aria-labelledby="holiday-year"
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
          />
        </Space>
        {q.isError ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : null}
        {q.data?.covered ? (
          <Typography.Paragraph>
            {year}年共有法定节假日（含其中的周末）{days.filter((d) => d.kind === 'holiday').length}{' '}
            天，调休上班 {days.filter((d) => d.kind === 'makeup_workday').length} 天。
          </Typography.Paragraph>
        ) : null}
        {q.data && !q.data.covered ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`日历中没有${year}年的放假安排（已收录 ${q.data.coverage.firstYear}–${q.data.coverage.lastYear} 年），该年期限只跳过周末，期限旁注明“请人工核对”。${province ? '请在下方录入。' : '请联系省级管理员录入。'}`}
          />
        ) : null}
        {q.data?.source === 'entered' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`${year}年的放假安排由管理员录入。`}
          />
        ) : null}
        {province && q.data && q.data.source !== 'shipped' ? (
          <HolidayEntry key={`${year}-${q.dataUpdatedAt}`} year={year} days={days} />
        ) : null}
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          法定节假日
        </Typography.Title>
        <Table
          size="small"
          rowKey="from"
          loading={q.isFetching}
          pagination={false}
          dataSource={holidayBlocks(days)}
          columns={[
            { title: '节日', dataIndex: 'name' },
            { title: '放假日期', render: (_, b) => (b.from === b.to ? b.from : `${b.from} 至 ${b.to}`) },
            { title: '天数', dataIndex: 'count', render: (n: number) => `${n} 天` },
          ]}
        />
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
          调休上班日
        </Typography.Title>
        <Table
          size="small"
          rowKey="date"
          loading={q.isFetching}
          pagination={false}
          dataSource={days.filter((d) => d.kind === 'makeup_workday')}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '日期', dataIndex: 'date' },
            { title: '星期', render: (_, d) => weekdayOf(d.date) },
            { title: '说明', dataIndex: 'label', render: (l: string) => <Tag color="blue">{l}</Tag> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
