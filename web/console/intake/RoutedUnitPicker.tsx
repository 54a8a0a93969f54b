// 交办/转送 target: a unit found by name (GET /api/v1/intake/units, the caller's subtree, the
// matter's place first), starting with the department the matter's category routes to
// (GET /api/v1/cases/:id/classification). 按行政区划选择 falls back to the place-then-unit picker
// for a unit outside the list.
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';
import { UnitPicker } from '../widgets.tsx';
import { isClassification, type UnitHit } from './types.ts';

const DEBOUNCE_MS = 250;

export function RoutedUnitPicker(props: {
  caseId: number;
  value?: number;
  onChange?: (v: number | undefined) => void;
  id?: string;
}) {
  const { value, onChange } = props;
  const [byPlace, setByPlace] = useState(false);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const preselected = useRef(false);
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [typed]);
  const cls = useQuery({
    queryKey: ['classification', props.caseId],
    queryFn: () => api<unknown>(`/api/v1/cases/${props.caseId}/classification`),
    retry: false,
  });
  const c = isClassification(cls.data) ? cls.data : null;
  const routed = c?.routed?.department;
  const hits = useQuery({
    queryKey: ['intake-units', q, c?.jurisdictionCode],
    enabled: q.length > 0,
    queryFn: () =>
      api<{ items: UnitHit[] }>(
        `/api/v1/intake/units?q=${encodeURIComponent(q)}${c ? `&near=${c.jurisdictionCode}` : ''}`,
      ),
    retry: false,
  });
  // The routed department is chosen once, when nothing is chosen yet.
  useEffect(() => {
    if (preselected.current || value !== undefined || routed?.unitId === undefined) return;
    preselected.current = true;
    onChange?.(routed.unitId);
  }, [routed?.unitId, value, onChange]);

  if (byPlace)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <UnitPicker value={value} onChange={onChange} id={props.id} />
        <Button type="link" size="small" onClick={() => setByPlace(false)}>
          按名称查找
        </Button>
      </Space>
    );
  const items = Array.isArray(hits.data?.items) ? hits.data.items : [];
  const options = items.map((u) => ({
    value: u.id,
    label: u.name,
    desc: u.jurisdictionName,
  }));
  if (routed?.unitId !== undefined && !options.some((o) => o.value === routed.unitId))
    options.unshift({ value: routed.unitId, label: routed.unitName ?? routed.name, desc: '建议承办' });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        id={props.id}
        aria-label={props.id ? undefined : '承办单位'}
        showSearch
        filterOption={false}
        value={value}
        onSearch={setTyped}
        onChange={(v) => onChange?.(v)}
        loading={cls.isPending || hits.isFetching}
        placeholder="输入单位名称查找，如：住建"
        notFoundContent={q ? '本辖区没有名称含此字样的单位' : '输入单位名称查找'}
        options={options}
        optionRender={(o) => (
          <Space>
            <span>{o.label}</span>
            {o.value === routed?.unitId ? <Tag color="green">建议承办</Tag> : null}
            <span style={{ color: '#6b6b6b' }}>{o.data.desc}</span>
          </Space>
        )}
      />
      {routed?.unitId !== undefined && value === routed.unitId ? (
        <span style={{ color: '#389e0d' }}>已按内容分类“{c?.routed?.category}”预选建议承办单位</span>
      ) : null}
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setByPlace(true)}>
        按行政区划选择其他单位
      </Button>
    </Space>
  );
}
