// The forms of 访调对接: referring a matter (to a body a matter at its place may go to), recording a
// session, the outcome, and a third party's part. Each posts to /api/v1/mediation.
import {
  ModalForm,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { INTERVENTION_KINDS, INTERVENTION_NAMES } from '../../../src/domain/mediation/referrals.ts';
import { api, errorMessage } from '../../shared/api.ts';
import type { BodyItem } from './types.ts';

type Message = ReturnType<typeof App.useApp>['message'];

export async function submit(
  message: Message,
  send: () => Promise<unknown>,
  done: string,
  after: (r: unknown) => unknown,
) {
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

const dateOf = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : undefined);

/** 移交调解 of a case: the bodies of its place and the levels above. */
export function ReferForm(props: { caseId: number; trigger: ReactElement; onDone: (id: number) => unknown }) {
  const { message } = App.useApp();
  const bodies = useQuery({
    queryKey: ['mediation', 'bodies', 'case', props.caseId],
    queryFn: () => api<{ items: BodyItem[] }>(`/api/v1/mediation/bodies?caseId=${props.caseId}`),
  });
  return (
    <ModalForm<{
      bodyId: number;
      scope: string;
      part?: string;
      reason: string;
      deadline?: string;
      mediator?: string;
    }>
      title="移交调解"
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      initialValues={{ scope: 'whole' }}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api<{ id: number }>('/api/v1/mediation/referrals', {
              body: {
                ...v,
                caseId: props.caseId,
                deadline: dateOf(v.deadline),
                part: v.part || undefined,
                mediator: v.mediator || undefined,
              },
            }),
          '已移交调解',
          (r) => props.onDone((r as { id: number }).id),
        )
      }
    >
      <ProFormSelect
        name="bodyId"
        label="调解组织"
        showSearch
        options={(bodies.data?.items ?? []).map((b) => ({
          value: b.id,
          label: `${b.name}（${b.kindName}，${b.deadlineDays}日）`,
        }))}
        rules={[{ required: true, message: '请选择调解组织' }]}
      />
      <ProFormRadio.Group
        name="scope"
        label="移交范围"
        options={[
          { value: 'whole', label: '整体移交' },
          { value: 'part', label: '部分移交' },
        ]}
      />
      <ProFormTextArea
        name="part"
        label="移交的部分（部分移交时填写）"
        fieldProps={{ maxLength: 1000, rows: 2 }}
      />
      <ProFormTextArea
        name="reason"
        label="移交说明"
        rules={[{ required: true, message: '请填写移交说明' }]}
        fieldProps={{ maxLength: 2000 }}
      />
      <ProFormText name="deadline" label="调解期限（默认按调解类型）" fieldProps={{ type: 'date' }} />
      <ProFormText name="mediator" label="调解员" fieldProps={{ maxLength: 50 }} />
    </ModalForm>
  );
}

/** 参加人员, one a line: 姓名，身份 */
function parseAttendees(text: string) {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, ...role] = l.split(/[，,、\s]+/);
      return { name: name ?? '', role: role.join(' ') || '参加人' };
    });
}

export function SessionForm(props: { referralId: number; trigger: ReactElement; onDone: () => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ date: string; place: string; attendees: string; notes: string; mediator?: string }>
      title="记录调解"
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/mediation/referrals/${props.referralId}/actions`, {
              body: {
                action: 'record_session',
                date: dateOf(v.date),
                place: v.place,
                attendees: parseAttendees(v.attendees ?? ''),
                notes: v.notes,
                mediator: v.mediator || undefined,
              },
            }),
          '已记录调解',
          props.onDone,
        )
      }
    >
      <ProFormText
        name="date"
        label="调解日期"
        rules={[{ required: true, message: '请选择调解日期' }]}
        fieldProps={{ type: 'date' }}
      />
      <ProFormText name="place" label="调解地点" rules={[{ required: true, message: '请填写调解地点' }]} />
      <ProFormTextArea
        name="attendees"
        label="参加人员（每行一人：姓名，身份）"
        rules={[{ required: true, message: '请填写参加人员' }]}
        fieldProps={{ rows: 3, placeholder: '张三，信访人\n李四，物业公司代表' }}
      />
      <ProFormTextArea
        name="notes"
        label="调解情况"
        rules={[{ required: true, message: '请填写调解情况' }]}
        fieldProps={{ maxLength: 5000 }}
      />
      <ProFormText name="mediator" label="调解员" fieldProps={{ maxLength: 50 }} />
    </ModalForm>
  );
}

/** 达成协议 / 调解不成 / 撤回: one text each. */
export function OutcomeForm(props: {
  referralId: number;
  action: 'record_agreement' | 'record_no_agreement' | 'withdraw';
  label: string;
  trigger: ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const field = props.action === 'record_agreement' ? 'terms' : 'reason';
  const fieldLabel =
    props.action === 'record_agreement'
      ? '协议内容'
      : props.action === 'withdraw'
        ? '撤回理由'
        : '调解不成的原因';
  return (
    <ModalForm<Record<string, string>>
      title={props.label}
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/mediation/referrals/${props.referralId}/actions`, {
              body: { action: props.action, [field]: v[field] },
            }),
          `已${props.label}`,
          props.onDone,
        )
      }
    >
      <ProFormTextArea
        name={field}
        label={fieldLabel}
        rules={[{ required: true, message: `请填写${fieldLabel}` }]}
        fieldProps={{ rows: 5, maxLength: 5000 }}
      />
    </ModalForm>
  );
}

export function InterventionForm(props: { caseId: number; trigger: ReactElement; onDone: () => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{
      kind: string;
      provider: string;
      organization?: string;
      date: string;
      activity: string;
      result: string;
    }>
      title="记录第三方参与"
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      initialValues={{ kind: 'lawyer' }}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api('/api/v1/mediation/interventions', {
              body: {
                ...v,
                caseId: props.caseId,
                date: dateOf(v.date),
                organization: v.organization || undefined,
              },
            }),
          '已记录',
          props.onDone,
        )
      }
    >
      <ProFormRadio.Group
        name="kind"
        label="参与类型"
        options={INTERVENTION_KINDS.map((k) => ({ value: k, label: INTERVENTION_NAMES[k] }))}
      />
      <ProFormText name="provider" label="参与人员" rules={[{ required: true, message: '请填写参与人员' }]} />
      <ProFormText name="organization" label="所在机构" />
      <ProFormText
        name="date"
        label="参与日期"
        rules={[{ required: true, message: '请选择参与日期' }]}
        fieldProps={{ type: 'date' }}
      />
      <ProFormTextArea
        name="activity"
        label="参与情况"
        rules={[{ required: true, message: '请填写参与情况' }]}
      />
      <ProFormTextArea
        name="result"
        label="参与效果"
        rules={[{ required: true, message: '请填写参与效果' }]}
      />
    </ModalForm>
  );
}
