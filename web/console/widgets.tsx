// Pieces the console pages share: the lazily loaded place cascader (GET /api/v1/jurisdictions?parent=),
// the unit picker (place, then one of its units from GET /api/v1/jurisdictions/:code) and the
// deadline countdown tag.
import { Alert, Cascader, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { LegalHint } from '../../src/classify/contract.ts';
import type { JurisdictionDetail, Unit } from '../../src/orgs/contract.ts';
import { api, errorMessage, type Jurisdiction } from '../shared/api.ts';

interface PlaceOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: PlaceOption[];
}

async function childPlaces(parent?: string): Promise<PlaceOption[]> {
  const r = await api<{ items: Jurisdiction[] }>(`/api/v1/jurisdictions${parent ? `?parent=${parent}` : ''}`);
  return r.items.map((j) => ({ value: j.code, label: j.name, isLeaf: j.childCount === 0 }));
}

/** Cascader over the jurisdiction tree; any level may be chosen. Value: the codes from the province down. */
export function PlaceCascader(props: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const [options, setOptions] = useState<PlaceOption[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    childPlaces()
      .then(setOptions)
      .catch((e) => setError(errorMessage(e)));
  }, []);
  return (
    <Cascader
      id={props.id}
      aria-label={props['aria-label']}
      style={props.style ?? { width: '100%' }}
      options={options}
      value={props.value}
      changeOnSelect
      placeholder={error ?? props.placeholder ?? '请选择行政区划'}
      status={error ? 'error' : undefined}
      loadData={async (selected) => {
        const target = selected[selected.length - 1] as PlaceOption | undefined;
        if (!target) return;
        try {
          target.children = await childPlaces(target.value);
          if (target.children.length === 0) target.isLeaf = true;
        } catch (e) {
          setError(errorMessage(e));
        }
        setOptions((o) => [...o]);
      }}
      onChange={(v) => props.onChange?.((v ?? []) as string[])}
    />
  );
}

/** A unit as GET /api/v1/jurisdictions/{code} lists it. */
export type UnitRow = Unit;

/** A unit: first its place, then one of that place's units. Value: the unit id. */
export function UnitPicker(props: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  id?: string;
}) {
  const [place, setPlace] = useState<string[]>([]);
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [loading, setLoading] = useState(false);
  const code = place[place.length - 1];
  useEffect(() => {
    if (!code) {
      setUnits([]);
      return;
    }
    let live = true;
    setLoading(true);
    api<JurisdictionDetail>(`/api/v1/jurisdictions/${code}`)
      .then((r) => live && setUnits(r.units))
      .catch(() => live && setUnits([]))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PlaceCascader
        aria-label="单位所在行政区划"
        placeholder="先选择行政区划"
        value={place}
        onChange={(v) => {
          // A different place: the unit chosen before no longer belongs to it.
          if (v[v.length - 1] !== code && props.value !== undefined) props.onChange?.(undefined);
          setPlace(v);
        }}
      />
      <Select
        id={props.id}
        aria-label={props.id ? undefined : '单位'}
        placeholder={code ? '选择单位' : '请先选择行政区划'}
        disabled={!code}
        loading={loading}
        showSearch
        optionFilterProp="label"
        value={props.value}
        onChange={(v) => props.onChange?.(v)}
        options={units.filter((u) => !u.retired).map((u) => ({ value: u.id, label: u.name }))}
      />
    </Space>
  );
}

/** 剩余N天 (orange when ≤ 3), 超期N天 (red), or 已到期 today. */
export function DueTag({ days }: { days: number | null | undefined }) {
  if (days === null || days === undefined) return <span style={{ color: '#6b6b6b' }}>—</span>;
  if (days < 0) return <Tag color="red">超期{-days}天</Tag>;
  if (days === 0) return <Tag color="volcano">今日到期</Tag>;
  if (days <= 3) return <Tag color="orange">剩余{days}天</Tag>;
  return <Tag color="green">剩余{days}天</Tag>;
}

/** The legal-channel hints as notices: on the registration form and on every case page. */
export function LegalHintAlerts({ hints }: { hints: readonly LegalHint[] | undefined }) {
  return (
    <>
      {(hints ?? []).map((h) => (
        <Alert
          key={h.ruleId}
          type="info"
          showIcon
          message={`依法分类处理提示：${h.label}（受理机关：${h.competentBody}）`}
          description={
            <>
              <div>{h.advice}</div>
              <Typography.Text type="secondary">命中词：{h.matched.join('、')}</Typography.Text>
            </>
          }
        />
      ))}
    </>
  );
}
