// 案件查询: every matter in the caller's scope — closed ones too, unlike the to-do tabs of the
// 工作台 — found by number, words (with synonyms: 拆迁 also finds 征收), status, category, channel,
// received dates, the unit holding it, the place (by name or code), overdue and flags. One request
// to GET /api/v1/cases (scoped by the server's caseScope), paged, with the count; every filter lives
// in the URL, so a search can be bookmarked and shared.
import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CASE_FLAGS, FLAG_RULES } from '../../../src/domain/flags.ts';
import { FORM_NAMES, FORMS, STATE_NAMES, STATES } from '../../../src/domain/lifecycle/vocabulary.ts';
import type { Explained } from '../../../src/search/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { type CaseList, type CaseRow, caseColumns, tableChange, totalText } from '../caseTable.tsx';
import { downloadFile } from '../download.ts';
import { CategoryFilter, PlacePicker, UnitFilterPicker } from './Pickers.tsx';

/** URL keys sent to the API as they are (labels of the pickers stay in the URL only). */
const FILTERS = [
  'q',
  'state',
  'form',
  'category',
  'jurisdiction',
  'unitId',
  'due',
  'backlog',
  'supervised',
  'repeat',
  'flag',
  'from',
  'to',
] as const;
const TOGGLES = [
  { value: 'supervised', label: '督办件' },
  { value: 'backlog', label: '积案' },
  { value: 'repeat', label: '重复信访' },
] as const;

export default function CaseSearchPage() {
  const { message } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const page = Number(sp.get('page') ?? 1) || 1;
  const pageSize = Number(sp.get('pageSize') ?? 20) || 20;
  const sort = sp.get('sort') ?? 'receivedAt';
  const order = sp.get('order') === 'asc' ? 'asc' : 'desc';
  const q = sp.get('q') ?? '';

  const update = (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };
  const filters = () => {
    const p = new URLSearchParams();
    for (const k of FILTERS) {
      const v = sp.get(k);
      if (v) p.set(k, v);
    }
    return p;
  };
  const query = filters();
  query.set('page', String(page));
  query.set('pageSize', String(pageSize));
  query.set('sort', sort);
  query.set('order', order);

  const list = useQuery({
    queryKey: ['cases', 'search', query.toString()],
    queryFn: () => api<CaseList>(`/api/v1/cases?${query}`),
  });
  // Words, not numbers, are segmented and expanded: show what the search looked for.
  const wordy = q.trim() !== '' && !/^[\d\s+-]+X?$/i.test(q.trim());
  const explained = useQuery({
    queryKey: ['search-explain', q],
    enabled: wordy,
    queryFn: () => api<Explained>(`/api/v1/search/explain?q=${encodeURIComponent(q)}`),
  });
  const expansions = (Array.isArray(explained.data?.words) ? explained.data.words : []).filter(
    (w) => w.synonyms.length > 0,
  );

  async function exportXlsx() {
    setExporting(true);
    try {
      const p = filters();
      p.set('sort', sort);
      p.set('order', order);
      p.set('title', '案件查询');
      const h = await downloadFile(`/api/v1/cases/export.xlsx?${p}`, 'cases.xlsx');
      message.success(`已导出 ${Number(h.get('x-export-rows') ?? 0)} 件`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  const from = sp.get('from');
  const to = sp.get('to');
  const csv = (k: string) => sp.get(k)?.split(',').filter(Boolean) ?? [];

  return (
    <PageContainer
      title={<h1 className="xf-h1">案件查询</h1>}
      subTitle="本人权限范围内的全部信访事项（含已办结）"
    >
      <section aria-label="查询条件" className="xf-search-filters">
        <Space wrap size={[12, 12]}>
          <Input.Search
            key={q}
            aria-label="检索"
            placeholder="信访件编号、标题或内容中的词语、证件号或手机号"
            allowClear
            enterButton="查询"
            defaultValue={q}
            style={{ width: 420 }}
            onSearch={(v) => update({ q: v.trim() })}
          />
          <Select
            aria-label="办理状态"
            placeholder="办理状态"
            mode="multiple"
            allowClear
            maxTagCount={2}
            style={{ minWidth: 200 }}
            value={csv('state')}
            onChange={(v: string[]) => update({ state: v.join(',') })}
            options={STATES.map((s) => ({ value: s, label: STATE_NAMES[s] }))}
          />
          <CategoryFilter
            value={sp.get('category') ?? undefined}
            onChange={(v) => update({ category: v ?? null })}
          />
          <Select
            aria-label="信访形式"
            placeholder="信访形式（渠道）"
            mode="multiple"
            allowClear
            style={{ minWidth: 170 }}
            value={csv('form')}
            onChange={(v: string[]) => update({ form: v.join(',') })}
            options={FORMS.map((f) => ({ value: f, label: FORM_NAMES[f] }))}
          />
          <DatePicker.RangePicker
            aria-label="收到日期"
            placeholder={['收到日期起', '收到日期止']}
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(r) =>
              update({
                from: r?.[0] ? r[0].format('YYYY-MM-DD') : null,
                to: r?.[1] ? r[1].format('YYYY-MM-DD') : null,
              })
            }
          />
          <PlacePicker
            value={sp.get('jurisdiction') ?? undefined}
            label={sp.get('placeLabel') ?? undefined}
            onChange={(code, label) => update({ jurisdiction: code, placeLabel: label })}
          />
          <UnitFilterPicker
            value={sp.get('unitId') ?? undefined}
            label={sp.get('unitLabel') ?? undefined}
            onChange={(id, label) => update({ unitId: id, unitLabel: label })}
          />
          <Select
            aria-label="期限"
            placeholder="期限"
            allowClear
            style={{ width: 120 }}
            value={sp.get('due') ?? undefined}
            onChange={(v?: string) => update({ due: v ?? null })}
            options={[
              { value: 'overdue', label: '已超期' },
              { value: 'near', label: '临期' },
            ]}
          />
          <Select
            aria-label="事项标识"
            placeholder="事项标识"
            allowClear
            style={{ width: 160 }}
            value={sp.get('flag') ?? undefined}
            onChange={(v?: string) => update({ flag: v ?? null })}
            options={[
              ...CASE_FLAGS.map((f) => ({ value: f, label: FLAG_RULES[f].name })),
              { value: 'anonymous', label: '匿名信访' },
              { value: 'group_suspect', label: '疑似联名/群体' },
              { value: 'cohandling', label: '会办' },
            ]}
          />
          <Checkbox.Group
            aria-label="其他标识"
            value={TOGGLES.filter((t) => sp.get(t.value) === 'true').map((t) => t.value)}
            onChange={(v) =>
              update(Object.fromEntries(TOGGLES.map((t) => [t.value, v.includes(t.value) ? 'true' : null])))
            }
            options={TOGGLES.map((t) => ({ value: t.value, label: t.label }))}
          />
          <Button onClick={() => setSp(new URLSearchParams())}>清除条件</Button>
        </Space>
      </section>
      {expansions.length > 0 ? (
        <Alert
          type="info"
          showIcon
          className="xf-search-synonyms"
          message={
            <span className="xf-synonym-note">
              同时检索同义词：
              {expansions.map((w) => (
                <span key={w.word} style={{ marginInlineEnd: 12 }}>
                  <Typography.Text strong>{w.word}</Typography.Text> →{' '}
                  {w.synonyms.map((s) => (
                    <Tag key={s}>{s}</Tag>
                  ))}
                </span>
              ))}
            </span>
          }
        />
      ) : null}
      <ProTable<CaseRow>
        rowKey="id"
        headerTitle={`查询结果（共 ${totalText(list.data)} 件）`}
        search={false}
        options={false}
        loading={list.isFetching}
        dataSource={Array.isArray(list.data?.items) ? list.data.items : []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '没有符合条件的信访事项' }}
        toolBarRender={() => [
          <Button
            key="export"
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportXlsx()}
          >
            导出 Excel
          </Button>,
        ]}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: () => `共 ${totalText(list.data)} 件`,
        }}
        onChange={tableChange(update)}
        columns={caseColumns({
          tr: (s) => s,
          sort,
          order,
          numberSortable: true,
          closedGreen: true,
          widths: { form: 80, place: 120, due: 170 },
        })}
      />
    </PageContainer>
  );
}
