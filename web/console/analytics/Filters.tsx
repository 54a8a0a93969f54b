// The filter bar of 数据分析: period (with presets), scope (a cascader rooted at the caller's own
// jurisdiction, so nothing outside it can be chosen; the server checks again), category and form.
// Category and form narrow the KPI cards (that category's figures), the trend and forecast
// (category) and the case lists; the by-place figures are not kept per category.
import { Cascader, DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FORM_NAMES, useIndicators } from '../../shared/analytics/api.ts';
import { monthStart, today } from '../../shared/analytics/format.ts';
import { api, type Jurisdiction } from '../../shared/api.ts';

export interface Place {
  code: string;
  name: string;
}

export interface PageFilters {
  from: string;
  to: string;
  /** From the caller's jurisdiction down to the scope looked at. */
  path: Place[];
  category?: string;
  form?: string;
}

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const D = 'YYYY-MM-DD';

function presets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const t = dayjs(today());
  return [
    { label: '近30天', value: [t.subtract(29, 'day'), t] },
    { label: '本月', value: [dayjs(monthStart()), t] },
    {
      label: '上月',
      value: [t.subtract(1, 'month').startOf('month'), t.subtract(1, 'month').endOf('month')],
    },
    { label: '本季度', value: [t.month(Math.floor(t.month() / 3) * 3).startOf('month'), t] },
    { label: '本年', value: [t.startOf('year'), t] },
    { label: '近12个月', value: [t.subtract(11, 'month').startOf('month'), t] },
  ];
}

async function children(code: string): Promise<Option[]> {
  const r = await api<{ items: Jurisdiction[] }>(`/api/v1/jurisdictions?parent=${code}`);
  return r.items.map((j) => ({ value: j.code, label: j.name, isLeaf: j.childCount === 0 }));
}

function ScopeCascader({
  root,
  path,
  onChange,
}: {
  root: Place;
  path: Place[];
  onChange: (p: Place[]) => void;
}) {
  const [options, setOptions] = useState<Option[]>([{ value: root.code, label: root.name, isLeaf: false }]);
  useEffect(
    () => setOptions([{ value: root.code, label: root.name, isLeaf: false }]),
    [root.code, root.name],
  );
  return (
    <Cascader
      aria-label="统计范围"
      style={{ width: 260 }}
      allowClear={false}
      changeOnSelect
      options={options}
      value={path.map((p) => p.code)}
      // The drill-down can reach places whose options are not loaded yet: show the names we know.
      displayRender={() => path.map((p) => p.name).join(' / ')}
      loadData={async (selected) => {
        const target = selected[selected.length - 1] as Option | undefined;
        if (!target) return;
        target.children = await children(target.value).catch(() => []);
        if (target.children.length === 0) target.isLeaf = true;
        setOptions((o) => [...o]);
      }}
      onChange={(codes, selected) => {
        const picked = (selected ?? []) as Option[];
        if (!codes?.length) return;
        onChange(picked.map((o) => ({ code: o.value, name: o.label })));
      }}
    />
  );
}

export function FilterBar({
  root,
  value,
  onChange,
}: {
  root: Place;
  value: PageFilters;
  onChange: (f: PageFilters) => void;
}) {
  // The categories with cases in this period and place (their codes are what the API filters by).
  const scope = value.path[value.path.length - 1]?.code;
  const byCategory = useIndicators({ from: value.from, to: value.to, scope }, 'category');
  const categories = (byCategory.data?.rows ?? []).map((r) => ({ value: r.key, label: r.label }));
  return (
    <Space wrap size={12} aria-label="筛选条件">
      <DatePicker.RangePicker
        aria-label="统计期间"
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        presets={presets()}
        disabledDate={(d) => d.isAfter(dayjs(today()))}
        onChange={(v) => {
          if (v?.[0] && v[1]) onChange({ ...value, from: v[0].format(D), to: v[1].format(D) });
        }}
      />
      <ScopeCascader root={root} path={value.path} onChange={(path) => onChange({ ...value, path })} />
      <Select
        aria-label="问题类别"
        placeholder="全部类别"
        allowClear
        style={{ width: 170 }}
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
        options={categories}
      />
      <Select
        aria-label="信访形式"
        placeholder="全部形式"
        allowClear
        style={{ width: 130 }}
        value={value.form}
        onChange={(form) => onChange({ ...value, form })}
        options={Object.entries(FORM_NAMES).map(([k, v]) => ({ value: k, label: v }))}
      />
    </Space>
  );
}
