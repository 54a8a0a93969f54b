// The forms of 督查督办: raising an order (on a case, or on a unit of the caller's jurisdiction), the
// unit's feedback, and returning feedback with a reason. Each posts to /api/v1/supervision.
import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { ORDER_TYPE_RULES, ORDER_TYPES } from '../../../src/domain/supervision/orders.ts';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';

export const TYPE_OPTIONS = ORDER_TYPES.map((t) => ({
  value: t,
  label: `${ORDER_TYPE_RULES[t].name}（${ORDER_TYPE_RULES[t].feedbackDays}日内反馈${ORDER_TYPE_RULES[t].letter ? '，制发督办函' : ''}）`,
}));

async function submit(
  message: ReturnType<typeof App.useApp>['message'],
  send: () => Promise<unknown>,
  done: string,
  after: (r: unknown) => Promise<unknown> | unknown,
): Promise<boolean> {
  try {
    const r = await send();
    message.success(done);
    await after(r);
    return true;
  } catch (e) {
    message.error(errorMessage(e));
    return false;
  }
}

/** 督办: on a case (`caseId`, addressed to its unit unless another is chosen) or on a unit. */
export function RaiseForm(props: {
  caseId?: number;
  jurisdictionCode: string;
  trigger: ReactElement;
  onDone: (id: number) => unknown;
}) {
  const { message } = App.useApp();
  const units = useQuery({
    queryKey: ['jurisdiction-units', props.jurisdictionCode],
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${props.jurisdictionCode}`),
    enabled: props.jurisdictionCode.length > 0,
  });
  const onCase = props.caseId !== undefined;
  return (
    <ModalForm<{ type: string; unitId?: number; facts: string; requirements: string; deadline?: string }>
      title={onCase ? '督办该信访事项' : '督办单位'}
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      initialValues={{ type: 'online' }}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api<{ id: number }>('/api/v1/supervision', {
              body: {
                ...v,
                deadline: v.deadline || undefined,
                target: onCase ? 'case' : 'unit',
                caseId: props.caseId,
              },
            }),
          '已发出督办',
          (r) => props.onDone((r as { id: number }).id),
        )
      }
    >
      <ProFormSelect name="type" label="督办方式" options={TYPE_OPTIONS} rules={[{ required: true }]} />
      <ProFormSelect
        name="unitId"
        label={onCase ? '被督办单位（默认为承办单位）' : '被督办单位'}
        showSearch
        options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        rules={onCase ? [] : [{ required: true, message: '请选择被督办单位' }]}
      />
      <ProFormTextArea
        name="facts"
        label="督办事项（情况）"
        fieldProps={{ maxLength: 5000, rows: 3 }}
        rules={[{ required: true, message: '请填写督办事项' }]}
      />
      <ProFormTextArea
        name="requirements"
        label="督办要求"
        fieldProps={{ maxLength: 5000, rows: 3 }}
        rules={[{ required: true, message: '请填写督办要求' }]}
      />
      <ProFormText
        name="deadline"
        label="反馈期限（不填按督办方式的默认天数）"
        fieldProps={{ type: 'date' }}
      />
    </ModalForm>
  );
}

/** 报送反馈 (the addressed unit), 退回 (the raising bureau). */
export function ActionForm(props: {
  orderId: number;
  action: 'file_feedback' | 'return';
  trigger: ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const feedback = props.action === 'file_feedback';
  return (
    <ModalForm<{ feedback?: string; attachments?: string; reason?: string; deadline?: string }>
      title={feedback ? '报送督办反馈' : '退回反馈'}
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/supervision/${props.orderId}/actions`, {
              body: {
                action: props.action,
                ...v,
                attachments: v.attachments || undefined,
                deadline: v.deadline || undefined,
              },
            }),
          feedback ? '已报送反馈' : '已退回',
          props.onDone,
        )
      }
    >
      {feedback ? (
        <>
          <ProFormTextArea
            name="feedback"
            label="反馈内容（办理情况、处理结果）"
            fieldProps={{ maxLength: 5000, rows: 4 }}
            rules={[{ required: true, message: '请填写反馈内容' }]}
          />
          <ProFormText name="attachments" label="附件说明（可选）" fieldProps={{ maxLength: 1000 }} />
        </>
      ) : (
        <>
          <ProFormTextArea
            name="reason"
            label="退回理由"
            fieldProps={{ maxLength: 2000, rows: 3 }}
            rules={[{ required: true, message: '请填写退回理由' }]}
          />
          <ProFormText name="deadline" label="新的反馈期限（可选）" fieldProps={{ type: 'date' }} />
        </>
      )}
    </ModalForm>
  );
}
