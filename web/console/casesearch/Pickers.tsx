// Search-as-you-type pickers of 案件查询: a place by name or code (GET /api/v1/search/places: 鼓楼 →
// 南京市鼓楼区 and its streets; 320106 → the same by code) and a unit by name (GET /api/v1/search/units:
// 住建 → 鼓楼区住房和城乡建设局), both within the caller's jurisdiction. The chosen value is a code or
// a unit id, which the case list filters by; the label is kept so a bookmarked URL reads well. And
// the category filter with the province's 细分类 below each category.
import { Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { type CategoryNode, categoryTree } from '../../../src/domain/admin/categories.ts';
import type { Place, UnitOption } from '../../../src/search/contract.ts';
import { api } from '../../shared/api.ts';
import { useCategoryDictionary } from '../categoryDictionary.ts';

interface Option {
  value: string;
  label: string;
}

function useLookup(url: (q: string) => string, toOptions: (items: never[]) => Option[], text: string) {
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    let live = true;
    setLoading(true);
    // A short pause so that typing 挹江门 asks once, not three times.
    const timer = setTimeout(() => {
      api<{ items?: unknown }>(url(q))
        .then((r) => live && setOptions(Array.isArray(r.items) ? toOptions(r.items as never[]) : []))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, url, toOptions]);
  return { options, loading };
}

const placeUrl = (q: string) => `/api/v1/search/places?q=${encodeURIComponent(q)}`;
const placeOptions = (items: Place[]) =>
  items.map((p) => ({ value: p.code, label: `${p.label}（${p.code}）` }));
const unitUrl = (q: string) => `/api/v1/search/units?q=${encodeURIComponent(q)}`;
const unitOptions = (items: UnitOption[]) => items.map((u) => ({ value: String(u.id), label: u.name }));

function Lookup(props: {
  value?: string;
  label?: string;
  onChange: (value: string | null, label: string | null) => void;
  placeholder: string;
  ariaLabel: string;
  url: (q: string) => string;
  toOptions: (items: never[]) => Option[];
  width: number;
}) {
  const [text, setText] = useState('');
  const { options, loading } = useLookup(props.url, props.toOptions, text);
  // The chosen value stays shown (with its label) when the options list no longer has it.
  const shown =
    props.value && !options.some((o) => o.value === props.value)
      ? [{ value: props.value, label: props.label ?? props.value }, ...options]
      : options;
  return (
    <Select
      aria-label={props.ariaLabel}
      showSearch
      allowClear
      filterOption={false}
      placeholder={props.placeholder}
      style={{ width: props.width }}
      value={props.value || undefined}
      options={shown}
      loading={loading}
      notFoundContent={text.trim() ? (loading ? '查找中…' : '无匹配项') : '输入名称或代码'}
      onSearch={setText}
      onChange={(v?: string) => {
        const label = shown.find((o) => o.value === v)?.label ?? null;
        props.onChange(v ?? null, v ? label : null);
        setText('');
      }}
    />
  );
}

export function PlacePicker(props: {
  value?: string;
  label?: string;
  onChange: (code: string | null, label: string | null) => void;
}) {
  return (
    <Lookup
      {...props}
      ariaLabel="问题属地"
      placeholder="问题属地：名称或代码"
      url={placeUrl}
      toOptions={placeOptions as (items: never[]) => Option[]}
      width={260}
    />
  );
}

export function UnitFilterPicker(props: {
  value?: string;
  label?: string;
  onChange: (id: string | null, label: string | null) => void;
}) {
  return (
    <Lookup
      {...props}
      ariaLabel="当前办理单位"
      placeholder="当前办理单位：名称"
      url={unitUrl}
      toOptions={unitOptions as (items: never[]) => Option[]}
      width={240}
    />
  );
}

/**
 * 内容分类 for the search: the 16 categories, and below each the province's live 二、三级分类
 * (细分类) when the dictionary has any — a second level finds its third levels too.
 */
export function CategoryFilter(props: { value?: string; onChange: (code?: string) => void }) {
  const dictionary = useCategoryDictionary();
  const toData = (n: CategoryNode): TreeData => ({
    value: n.code,
    title: n.name,
    ...(n.children ? { children: n.children.map(toData) } : {}),
  });
  return (
    <TreeSelect
      aria-label="内容分类"
      placeholder="内容分类"
      allowClear
      showSearch
      treeNodeFilterProp="title"
      style={{ width: 200 }}
      popupMatchSelectWidth={280}
      value={props.value}
      onChange={(v?: string) => props.onChange(v)}
      treeData={categoryTree(dictionary.data?.entries ?? [], false).map(toData)}
    />
  );
}

interface TreeData {
  value: string;
  title: string;
  children?: TreeData[];
}
