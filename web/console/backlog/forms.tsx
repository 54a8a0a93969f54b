// The forms of the backlog actions: the proposal (reason, level, responsible unit, deadline), the
// plan step, progress, and the opinion texts of the decisions. Each posts one action to
// POST /api/v1/backlog/:id/actions (or POST /api/v1/backlog for a case's manual proposal).
import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { ReactElement } from 'react';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';

/** The opinion each decision asks for. */
export const NOTE_LABELS: Record<string, string> = {
  dismiss: '排除理由',
  approve: '认定意见',
  reject: '不予认定理由',
  request_close: '化解情况说明',
  approve_close: '审核意见',
  return_close: '退回理由',
  request_unflag: '撤销理由',
  approve_unflag: '审批意见',
  reject_unflag: '不同意理由',
};

export const LEVEL_OPTIONS = [
  { value: 'county', label: '县级' },
  { value: 'city', label: '市级' },
  { value: 'province', label: '省级' },
];

const dateField = (name: string, label: string) => (
  <ProFormText
    name={name}
    label={label}
    fieldProps={{ type: 'date' }}
    rules={[{ required: true, message: `请选择${label}` }]}
  />
);

function useUnits(code: string) {
  return useQuery({
    queryKey: ['jurisdiction-units', code],
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${code}`),
    enabled: code.length > 0,
  });
}

async function submit(
  message: ReturnType<typeof App.useApp>['message'],
  send: () => Promise<unknown>,
  done: string,
  after: () => Promise<unknown> | unknown,
): Promise<boolean> {
  try {
    await send();
    message.success(done);
    await after();
    return true;
  } catch (e) {
    message.error(errorMessage(e));
    return false;
  }
}

/** 提请认定: on a candidate (`matterId`) or on a case without one (`caseId`). */
export function ProposeForm(props: {
  matterId?: number;
  caseId?: number;
  jurisdictionCode: string;
  trigger: ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const units = useUnits(props.jurisdictionCode);
  return (
    <ModalForm<{ reason: string; level: string; responsibleUnitId: number; deadline: string }>
      title="提请认定积案"
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      initialValues={{ level: 'county' }}
      onFinish={(v) =>
        submit(
          message,
          () =>
            props.matterId
              ? api(`/api/v1/backlog/${props.matterId}/actions`, { body: { action: 'propose', ...v } })
              : api('/api/v1/backlog', { body: { caseId: props.caseId, ...v } }),
          '已提请上一级信访部门认定',
          props.onDone,
        )
      }
    >
      <ProFormTextArea
        name="reason"
        label="认定理由"
        rules={[{ required: true, message: '请填写认定理由' }]}
      />
      <ProFormSelect name="level" label="积案级别" options={LEVEL_OPTIONS} rules={[{ required: true }]} />
      <ProFormSelect
        name="responsibleUnitId"
        label="责任单位"
        showSearch
        options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        rules={[{ required: true, message: '请选择责任单位' }]}
      />
      {dateField('deadline', '化解期限')}
    </ModalForm>
  );
}

/** A decision or request with its opinion text. */
export function NoteForm(props: { matterId: number; action: string; label: string; onDone: () => unknown }) {
  const { message } = App.useApp();
  const field = NOTE_LABELS[props.action] ?? '意见';
  return (
    <ModalForm<{ note: string }>
      title={props.label}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button>{props.label}</Button>}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/backlog/${props.matterId}/actions`, {
              body: { action: props.action, note: v.note },
            }),
          `已${props.label}`,
          props.onDone,
        )
      }
    >
      <ProFormTextArea name="note" label={field} rules={[{ required: true, message: `请填写${field}` }]} />
    </ModalForm>
  );
}

export function StepForm(props: { matterId: number; onDone: () => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ title: string; ownerName: string; dueDate: string }>
      title="添加方案步骤"
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button size="small">添加步骤</Button>}
      onFinish={(v) =>
        submit(
          message,
          () => api(`/api/v1/backlog/${props.matterId}/actions`, { body: { action: 'add_step', ...v } }),
          '已添加步骤',
          props.onDone,
        )
      }
    >
      <ProFormText name="title" label="步骤内容" rules={[{ required: true, message: '请填写步骤内容' }]} />
      <ProFormText name="ownerName" label="责任人" rules={[{ required: true, message: '请填写责任人' }]} />
      {dateField('dueDate', '完成日期')}
    </ModalForm>
  );
}

export function ProgressForm(props: {
  matterId: number;
  steps: { id: number; title: string }[];
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ note: string; stepId?: number }>
      title="记录化解进展"
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button size="small">记录进展</Button>}
      onFinish={(v) =>
        submit(
          message,
          () => api(`/api/v1/backlog/${props.matterId}/actions`, { body: { action: 'add_progress', ...v } }),
          '已记录进展',
          props.onDone,
        )
      }
    >
      <ProFormTextArea name="note" label="进展情况" rules={[{ required: true, message: '请填写进展情况' }]} />
      <ProFormSelect
        name="stepId"
        label="对应步骤（可选）"
        allowClear
        options={props.steps.map((s) => ({ value: s.id, label: s.title }))}
      />
    </ModalForm>
  );
}

export function EvidenceForm(props: {
  matterId: number;
  standard: string;
  name: string;
  hint: string;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ evidence: string }>
      title={`佐证材料：${props.name}`}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button size="small">填写佐证</Button>}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/backlog/${props.matterId}/actions`, {
              body: { action: 'record_evidence', standard: props.standard, evidence: v.evidence },
            }),
          '已保存佐证材料',
          props.onDone,
        )
      }
    >
      <ProFormTextArea
        name="evidence"
        label="佐证材料说明（文书、记录、附件名称及位置）"
        placeholder={props.hint}
        rules={[{ required: true, message: '请填写佐证材料说明' }]}
      />
    </ModalForm>
  );
}
