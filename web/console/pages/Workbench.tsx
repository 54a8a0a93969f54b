// 工作台: the caller's queues as tabs with counts, as the server defines them for the role (GET
// /api/v1/workbench/queues: the landing queue first — a handler's 办理中, a reviewer's approvals, a
// leader's 督办件), for 本单位 or 我的 (claimed by or handed to me). Each list is a server-side paged
// and sorted table (GET /api/v1/cases with the queue's parameters) with a deadline countdown; queue,
// scope, filters, page and sort live in the URL so a list can be bookmarked or saved as a view.
// Selected rows can be claimed, or received (受理) in bulk where the queue allows. Export: the
// current list as .xlsx, made by the server (GET /api/v1/cases/export.xlsx, at most 10,000 rows).
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Checkbox, DatePicker, Input, Segmented, Select, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CASE_FLAGS, FLAG_RULES } from '../../../src/domain/flags.ts';
import { FORM_NAMES, FORMS } from '../../../src/domain/lifecycle/vocabulary.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { ariaLabel } from '../../shared/aria.ts';
import { type CaseList, type CaseRow, caseColumns, tableChange, totalText } from '../caseTable.tsx';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';
import { FILTER_KEYS, isQueues, type Queue, type QueuesAnswer } from '../workbench/api.ts';
import { BulkBar } from '../workbench/BulkBar.tsx';
import { SavedViews } from '../workbench/SavedViews.tsx';

/** The current filters of the URL (sent with the queues' counts and with the list). */
function filtersOf(sp: URLSearchParams): Record<string, string> {
  const f: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = sp.get(k);
    if (v) f[k] = v;
  }
  return f;
}

function listQuery(queue: Queue | undefined, sp: URLSearchParams, extra: Record<string, string>): string {
  const q = new URLSearchParams(filtersOf(sp));
  for (const [k, v] of Object.entries(queue?.params ?? {})) q.set(k, v);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export default function WorkbenchPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const { t: tr } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const qc = useQueryClient();
  const [selected, setSelected] = useState<number[]>([]);
  const scope = sp.get('scope') === 'mine' ? 'mine' : 'unit';
  const countQuery = new URLSearchParams({ ...filtersOf(sp), scope }).toString();
  const queues = useQuery({
    queryKey: ['workbench-queues', countQuery],
    queryFn: () => api<QueuesAnswer>(`/api/v1/workbench/queues?${countQuery}`),
  });
  const items = isQueues(queues.data) ? queues.data.items : [];
  const tab =
    items.find((t) => t.key === sp.get('tab')) ??
    items.find((t) => t.key === (isQueues(queues.data) ? queues.data.landing : null)) ??
    items[0];
  const label = tab?.label ?? '';
  const page = Number(sp.get('page') ?? 1) || 1;
  const pageSize = Number(sp.get('pageSize') ?? 20) || 20;
  const sort = sp.get('sort') === 'receivedAt' ? 'receivedAt' : 'dueAt';
  const order = sp.get('order') === 'desc' ? 'desc' : 'asc';

  const update = (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };

  const query = listQuery(tab, sp, {
    page: String(page),
    pageSize: String(pageSize),
    sort,
    order,
    ...(scope === 'mine' ? { assignee: 'me' } : {}),
  });
  const list = useQuery({
    queryKey: ['cases', query],
    queryFn: () => api<CaseList>(`/api/v1/cases?${query}`),
    enabled: tab !== undefined,
  });
  const refresh = () => {
    setSelected([]);
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['workbench-queues'] });
  };

  async function exportXlsx() {
    setExporting(true);
    try {
      const q = listQuery(tab, sp, {
        sort,
        order,
        title: label,
        ...(scope === 'mine' ? { assignee: 'me' } : {}),
      });
      const h = await downloadFile(`/api/v1/cases/export.xlsx?${q}`, 'cases.xlsx');
      const total = Number(h.get('x-export-total') ?? 0);
      const rows = Number(h.get('x-export-rows') ?? 0);
      if (total > rows) {
        message.warning(
          `筛选结果共 ${total} 件，超过导出上限，仅导出前 ${rows} 件；请缩小筛选范围后分批导出`,
        );
      } else {
        message.success(`已导出 ${rows} 件`);
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  const flagValue = [
    sp.get('backlog') === 'true' ? 'backlog' : '',
    sp.get('supervised') === 'true' ? 'supervised' : '',
  ].filter(Boolean);
  const from = sp.get('from');
  const to = sp.get('to');

  return (
    <PageContainer
      title={<h1 className="xf-h1">{tr('工作台')}</h1>}
      subTitle={`${me.unit?.name ?? ''} · ${tr('我的待办')}`}
      tabActiveKey={tab?.key}
      onTabChange={(key) => {
        setSelected([]);
        update({ tab: key, sort: null, order: null, view: null });
      }}
      tabList={items.map((t) => ({
        key: t.key,
        tab: (
          <span title={t.hint}>
            {tr(t.label)}{' '}
            <Badge
              count={totalText({ total: t.count, totalCapped: t.countCapped })}
              showZero
              color={t.key === 'overdue' ? '#cf1322' : '#6b6b6b'}
            />
          </span>
        ),
      }))}
    >
      <section
        aria-label={tr('筛选')}
        style={{ background: '#fff', padding: 16, marginBottom: 16, borderRadius: 6 }}
      >
        <Space wrap size={[16, 12]} style={{ marginBottom: 12, display: 'flex' }}>
          <Segmented
            aria-label={tr('范围')}
            value={scope}
            onChange={(v) => {
              setSelected([]);
              update({ scope: v === 'mine' ? 'mine' : null, view: null });
            }}
            options={[
              { value: 'unit', label: tr('本单位') },
              { value: 'mine', label: tr('我的（已认领）') },
            ]}
          />
          <SavedViews sp={sp} queue={tab?.key ?? 'overdue'} onOpen={(next) => setSp(next)} />
          {tab ? <span style={{ color: '#6b6b6b' }}>{tab.hint}</span> : null}
        </Space>
        <Space wrap size={[16, 12]}>
          <Input.Search
            key={sp.get('q') ?? ''}
            aria-label="检索"
            placeholder="检索：标题、内容、编号、证件号或手机号"
            allowClear
            defaultValue={sp.get('q') ?? ''}
            style={{ width: 320 }}
            onSearch={(v) => update({ q: v.trim() })}
          />
          <Select
            aria-label={tr('信访形式')}
            placeholder={tr('信访形式')}
            allowClear
            mode="multiple"
            style={{ minWidth: 180 }}
            value={sp.get('form')?.split(',').filter(Boolean) ?? []}
            onChange={(v: string[]) => update({ form: v.join(',') })}
            options={FORMS.map((f) => ({ value: f, label: FORM_NAMES[f] }))}
          />
          <Input.Search
            aria-label={tr('问题属地代码')}
            placeholder={tr('问题属地代码（如 320106）')}
            allowClear
            defaultValue={sp.get('jurisdiction') ?? ''}
            style={{ width: 240 }}
            onSearch={(v) => {
              const code = v.trim();
              if (code && !/^\d{6}(\d{3})?$/.test(code)) {
                message.warning('行政区划代码应为6位或9位数字');
                return;
              }
              update({ jurisdiction: code });
            }}
          />
          <Checkbox.Group
            aria-label={tr('标识')}
            value={flagValue}
            onChange={(v) =>
              update({
                backlog: v.includes('backlog') ? 'true' : null,
                supervised: v.includes('supervised') ? 'true' : null,
              })
            }
            options={[
              { value: 'supervised', label: tr('督办件') },
              { value: 'backlog', label: tr('积案') },
            ]}
          />
          <Select
            aria-label={tr('事项标识')}
            placeholder={tr('事项标识')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 160 }}
            value={sp.get('flag') ?? undefined}
            onChange={(v?: string) => update({ flag: v ?? null })}
            options={[
              ...CASE_FLAGS.map((f) => ({ value: f, label: FLAG_RULES[f].name })),
              { value: 'anonymous', label: '匿名信访' },
              { value: 'group_suspect', label: '疑似联名/群体' },
            ]}
          />
          <DatePicker.RangePicker
            aria-label={tr('收到日期')}
            placeholder={[tr('收到日期起'), tr('收到日期止')]}
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(r) =>
              update({
                from: r?.[0] ? r[0].format('YYYY-MM-DD') : null,
                to: r?.[1] ? r[1].format('YYYY-MM-DD') : null,
              })
            }
          />
          <Button
            onClick={() => {
              const next = new URLSearchParams();
              if (tab) next.set('tab', tab.key);
              if (scope === 'mine') next.set('scope', 'mine');
              setSp(next);
            }}
          >
            {tr('清除筛选')}
          </Button>
        </Space>
      </section>
      <ProTable<CaseRow>
        rowKey="id"
        headerTitle={tr('{{label}}（共 {{n}} 件）', { label: tr(label), n: totalText(list.data) })}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          preserveSelectedRowKeys: false,
          // Named for screen readers: a bare checkbox per row says nothing about its matter.
          getCheckboxProps: (r) => ariaLabel(tr('选择 {{no}}', { no: r.caseNumber })),
          getTitleCheckboxProps: () => ariaLabel(tr('全选本页')),
        }}
        tableAlertRender={false}
        search={false}
        options={false}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : tr('暂无待办事项') }}
        toolBarRender={() => [
          <BulkBar
            key="bulk"
            queue={tab?.key}
            selected={selected}
            rows={list.data?.items ?? []}
            onDone={refresh}
          />,
          <Button key="reload" icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
            {tr('刷新')}
          </Button>,
          <Tooltip key="export" title={tr('导出当前筛选条件下的全部事项为 Excel（.xlsx），最多 10,000 件')}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
              {tr('导出 Excel')}
            </Button>
          </Tooltip>,
        ]}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          // The pager offers the first `cap` rows' pages; the text says there are more.
          showTotal: () => tr('共 {{n}} 件', { n: totalText(list.data) }),
        }}
        onChange={tableChange(update)}
        columns={caseColumns({
          tr,
          sort,
          order,
          ellipsisSubject: !sp.get('q'),
          widths: { form: 90, place: 110, due: 180 },
        })}
      />
    </PageContainer>
  );
}
