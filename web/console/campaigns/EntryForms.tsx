// The register's forms: add an entry (a petitioned case by its id, or a dispute not yet petitioned:
// description, place, category, parties, risk, responsible unit, 三跨三分离 kinds — no names or phone
// numbers of people) and move an entry's status (and, for 三跨三分离 matters, whether it is stable).
import {
  ModalForm,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import {
  CROSS_KIND_NAMES,
  ENTRY_CATEGORIES,
  ENTRY_STATUS_NAMES,
  ENTRY_TRANSITIONS,
  type EntryStatus,
  RISK_NAMES,
} from '../../../src/domain/campaigns/vocabulary.ts';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import type { Entry } from './types.ts';

const options = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label }));

export function AddEntryForm({
  campaignId,
  defaultPlace,
  onDone,
}: {
  campaignId: number;
  defaultPlace: string;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const [place, setPlace] = useState(defaultPlace);
  const units = useQuery({
    queryKey: ['jurisdiction-units', place],
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${place}`),
    enabled: /^\d{6}(\d{3})?$/.test(place),
  });
  return (
    <ModalForm
      title="登记排查台账"
      trigger={<Button type="primary">登记矛盾纠纷</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ jurisdictionCode: defaultPlace, riskLevel: 'medium', partiesCount: 1 }}
      onValuesChange={(v: { jurisdictionCode?: string }) => {
        if (v.jurisdictionCode !== undefined) setPlace(v.jurisdictionCode);
      }}
      onFinish={async (v: Record<string, unknown>) => {
        const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
        if (body.caseId) {
          body.caseId = Number(body.caseId);
          delete body.jurisdictionCode;
        }
        try {
          await api(`/api/v1/campaigns/${campaignId}/entries`, { body });
          message.success('已登记');
          await onDone();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormText name="caseId" label="关联信访事项编号（内部编号，可不填）" />
      <ProFormTextArea
        name="description"
        label="矛盾纠纷概况"
        placeholder="只写事由，不写当事人姓名、电话、身份证号"
      />
      <ProFormText name="jurisdictionCode" label="发生地（行政区划代码）" />
      <ProFormSelect
        name="category"
        label="问题类别"
        options={ENTRY_CATEGORIES.map((c) => ({ value: c, label: c }))}
      />
      <ProFormDigit name="partiesCount" label="涉及人数" min={1} />
      <ProFormSelect name="riskLevel" label="风险等级" options={options(RISK_NAMES)} />
      <ProFormSelect
        name="responsibleUnitId"
        label="责任单位"
        options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
      <ProFormSelect
        name="crossKinds"
        label="三跨三分离"
        mode="multiple"
        options={options(CROSS_KIND_NAMES)}
      />
    </ModalForm>
  );
}

export function EntryStatusForm({
  campaignId,
  entry,
  onDone,
}: {
  campaignId: number;
  entry: Entry;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const next = ENTRY_TRANSITIONS[entry.status as EntryStatus] ?? [];
  const cross = entry.crossKinds.length > 0;
  if (next.length === 0 && !cross) return null;
  return (
    <ModalForm
      title={`更新状态：${entry.description.slice(0, 20)}`}
      trigger={
        <Button size="small" type="link">
          更新
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ status: next[0] ?? entry.status, stable: entry.stable ?? undefined }}
      onFinish={async (v: { status: string; note?: string; stable?: boolean }) => {
        try {
          await api(`/api/v1/campaigns/${campaignId}/entries/${entry.id}/status`, {
            body: {
              status: v.status,
              note: v.note || undefined,
              ...(cross && v.stable !== undefined ? { stable: v.stable } : {}),
            },
          });
          message.success('已更新');
          await onDone();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormSelect
        name="status"
        label="化解状态"
        options={[...(cross ? [entry.status] : []), ...next].map((s) => ({
          value: s,
          label: ENTRY_STATUS_NAMES[s as EntryStatus],
        }))}
      />
      {cross ? <ProFormSwitch name="stable" label="是否稳定" /> : null}
      <ProFormTextArea name="note" label="情况说明" />
    </ModalForm>
  );
}
