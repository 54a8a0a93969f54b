// The forms of 部门联动: refer a matter (its type's member bodies from the domain table), the steps
// of a referral (跟踪, 反馈, 要求补充), and 跨省协作 (open, a letter, close with the outcome). Each
// posts to /api/v1/linkage.
import {
  ModalForm,
  ProFormDependency,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App } from 'antd';
import type { ReactElement } from 'react';
import {
  COOPERATION_OUTCOME_NAMES,
  COOPERATION_OUTCOMES,
  COUNTERPART_PROVINCES,
  LETTER_DIRECTION_NAMES,
  LETTER_DIRECTIONS,
} from '../../../src/domain/linkage/crossProvince.ts';
import {
  MEMBER_BODY_DEFS,
  REFERRAL_RULES,
  REFERRAL_TYPES,
  type ReferralType,
} from '../../../src/domain/linkage/referrals.ts';
import { api, errorMessage } from '../../shared/api.ts';

export async function submit(
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

export const TYPE_OPTIONS = REFERRAL_TYPES.map((t) => ({
  value: t,
  label: `${REFERRAL_RULES[t].name}（${REFERRAL_RULES[t].bodies.map((b) => MEMBER_BODY_DEFS[b].short).join('、')}，${REFERRAL_RULES[t].feedbackDays}日内反馈）`,
}));

/** 移交联席会议成员单位: the type decides the bodies offered. */
export function ReferForm(props: { caseId: number; trigger: ReactElement; onDone: (id: number) => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ type: ReferralType; body?: string; reason: string; request?: string; deadline?: string }>
      title="移交联席会议成员单位"
      width={620}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      initialValues={{ type: 'legal' }}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api<{ id: number }>('/api/v1/linkage/referrals', {
              body: {
                ...v,
                caseId: props.caseId,
                request: v.request || undefined,
                deadline: v.deadline || undefined,
              },
            }),
          '已移交',
          (r) => props.onDone((r as { id: number }).id),
        )
      }
    >
      <ProFormSelect
        name="type"
        label="事项类型"
        showSearch
        options={TYPE_OPTIONS}
        rules={[{ required: true }]}
      />
      <ProFormDependency name={['type']}>
        {({ type }) => (
          <ProFormSelect
            name="body"
            label="成员单位（不选为该类型的主办单位）"
            options={(REFERRAL_RULES[type as ReferralType]?.bodies ?? []).map((b) => ({
              value: b,
              label: MEMBER_BODY_DEFS[b].short,
            }))}
          />
        )}
      </ProFormDependency>
      <ProFormTextArea
        name="reason"
        label="移交事由"
        fieldProps={{ maxLength: 5000, rows: 3 }}
        rules={[{ required: true, message: '请填写移交事由' }]}
      />
      <ProFormDependency name={['type']}>
        {({ type }) => (
          <ProFormTextArea
            name="request"
            label="工作要求（可选）"
            placeholder={REFERRAL_RULES[type as ReferralType]?.ask}
            fieldProps={{ maxLength: 2000, rows: 2 }}
          />
        )}
      </ProFormDependency>
      <ProFormText name="deadline" label="反馈期限（不填按类型默认天数）" fieldProps={{ type: 'date' }} />
    </ModalForm>
  );
}

const STEP_FIELDS = {
  track: { title: '跟踪记录', field: 'note', label: '跟踪情况', done: '已记录' },
  feedback: { title: '登记成员单位反馈', field: 'feedback', label: '反馈内容', done: '已登记反馈' },
  return: { title: '要求补充反馈', field: 'reason', label: '补充反馈要求', done: '已要求补充' },
} as const;

/** 跟踪记录, 登记反馈, 要求补充反馈 on a referral. */
export function ReferralStepForm(props: {
  id: number;
  action: keyof typeof STEP_FIELDS;
  trigger: ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const f = STEP_FIELDS[props.action];
  return (
    <ModalForm<Record<string, string>>
      title={f.title}
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/linkage/referrals/${props.id}/actions`, {
              body: { action: props.action, ...v, deadline: v.deadline || undefined },
            }),
          f.done,
          props.onDone,
        )
      }
    >
      <ProFormTextArea
        name={f.field}
        label={f.label}
        fieldProps={{ maxLength: 5000, rows: 4 }}
        rules={[{ required: true, message: `请填写${f.label}` }]}
      />
      {props.action === 'return' ? (
        <ProFormText name="deadline" label="新的反馈期限（可选）" fieldProps={{ type: 'date' }} />
      ) : null}
    </ModalForm>
  );
}

const PROVINCE_OPTIONS = Object.entries(COUNTERPART_PROVINCES).map(([value, label]) => ({ value, label }));
const DIRECTION_OPTIONS = LETTER_DIRECTIONS.map((d) => ({ value: d, label: LETTER_DIRECTION_NAMES[d] }));

function LetterFields(props: { prefix?: string; required: boolean }) {
  const n = (k: string) => (props.prefix ? [props.prefix, k] : k);
  const req = (m: string) => (props.required ? [{ required: true, message: m }] : []);
  return (
    <>
      <ProFormText
        name={n('date')}
        label="函件日期"
        fieldProps={{ type: 'date' }}
        rules={req('请填写函件日期')}
      />
      <ProFormSelect
        name={n('direction')}
        label="方向"
        options={DIRECTION_OPTIONS}
        rules={req('请选择方向')}
      />
      <ProFormText name={n('reference')} label="文号（可选）" fieldProps={{ maxLength: 100 }} />
      <ProFormTextArea
        name={n('summary')}
        label="函件内容摘要"
        fieldProps={{ maxLength: 2000, rows: 2 }}
        rules={req('请填写函件内容摘要')}
      />
    </>
  );
}

/** 发起跨省协作 on a case, with its first letter if one was sent already. */
export function CooperationForm(props: { caseId: number; trigger: ReactElement; onDone: () => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{
      counterpartProvince: string;
      counterpartBureau: string;
      subject: string;
      letter?: { date?: string; direction?: string; reference?: string; summary?: string };
    }>
      title="发起跨省协作"
      width={620}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) => {
        const l = v.letter;
        const letter = l?.date && l.summary ? { ...l, reference: l.reference || undefined } : undefined;
        return submit(
          message,
          () => api('/api/v1/linkage/cooperations', { body: { ...v, caseId: props.caseId, letter } }),
          '已发起跨省协作',
          props.onDone,
        );
      }}
    >
      <ProFormSelect
        name="counterpartProvince"
        label="协作省份"
        showSearch
        options={PROVINCE_OPTIONS}
        rules={[{ required: true, message: '请选择协作省份' }]}
      />
      <ProFormText
        name="counterpartBureau"
        label="对方协作单位"
        placeholder="如：安徽省滁州市信访局"
        rules={[{ required: true, message: '请填写对方协作单位' }]}
      />
      <ProFormTextArea
        name="subject"
        label="协作事项"
        rules={[{ required: true, message: '请填写协作事项' }]}
      />
      <LetterFields prefix="letter" required={false} />
    </ModalForm>
  );
}

/** 登记函件 or 结束协作 on a cooperation record. */
export function CooperationStepForm(props: {
  id: number;
  action: 'letter' | 'close';
  trigger: ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const letter = props.action === 'letter';
  return (
    <ModalForm<{ letter?: Record<string, string>; outcome?: string; note?: string }>
      title={letter ? '登记协作函件' : '结束协作'}
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/linkage/cooperations/${props.id}/actions`, {
              body: letter
                ? { action: 'letter', letter: { ...v.letter, reference: v.letter?.reference || undefined } }
                : { action: 'close', outcome: v.outcome, note: v.note },
            }),
          letter ? '已登记函件' : '协作已结束',
          props.onDone,
        )
      }
    >
      {letter ? (
        <LetterFields prefix="letter" required />
      ) : (
        <>
          <ProFormSelect
            name="outcome"
            label="协作结果"
            options={COOPERATION_OUTCOMES.map((o) => ({ value: o, label: COOPERATION_OUTCOME_NAMES[o] }))}
            rules={[{ required: true, message: '请选择协作结果' }]}
          />
          <ProFormTextArea
            name="note"
            label="结果说明"
            rules={[{ required: true, message: '请填写结果说明' }]}
          />
        </>
      )}
    </ModalForm>
  );
}
