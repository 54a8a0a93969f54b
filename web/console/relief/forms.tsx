// The forms of 信访救助: the application on a matter (applicant, reason, amount in 元 → fen), the
// approval at the level awaited (amount approved, opinion), refusal, a payment record, and closing.
// Each posts to /api/v1/relief.
import {
  ModalForm,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { RELIEF_LIMITS, RELIEF_MAX_FEN, yuan } from '../../../src/domain/linkage/relief.ts';
import { api } from '../../shared/api.ts';
import { submit } from '../linkage/forms.tsx';

/** 元 as typed (two decimals) → integer fen. */
export const toFen = (y: number) => Math.round(y * 100);

export function ApplyForm(props: { caseId: number; trigger: ReactElement; onDone: (id: number) => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ applicantName: string; applicantIdNumber?: string; reason: string; amount: number }>
      title="登记信访救助申请"
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api<{ id: number }>('/api/v1/relief', {
              body: {
                caseId: props.caseId,
                applicantName: v.applicantName,
                applicantIdNumber: v.applicantIdNumber || undefined,
                reason: v.reason,
                requestedFen: toFen(v.amount),
              },
            }),
          '已登记救助申请',
          (r) => props.onDone((r as { id: number }).id),
        )
      }
    >
      <ProFormText
        name="applicantName"
        label="申请人姓名"
        rules={[{ required: true, message: '请填写申请人姓名' }]}
      />
      <ProFormText name="applicantIdNumber" label="身份证号码（可选）" fieldProps={{ maxLength: 18 }} />
      <ProFormTextArea
        name="reason"
        label="困难情况与申请理由"
        fieldProps={{ maxLength: 5000, rows: 3 }}
        rules={[{ required: true, message: '请填写困难情况与申请理由' }]}
      />
      <ProFormDigit
        name="amount"
        label={`申请金额（元；县级审批至${yuan(RELIEF_LIMITS[3] ?? 0)}元，设区市级至${yuan(RELIEF_LIMITS[2] ?? 0)}元，以上报省级）`}
        min={0.01}
        max={RELIEF_MAX_FEN / 100}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true, message: '请填写申请金额' }]}
      />
    </ModalForm>
  );
}

type Step = 'approve' | 'reject' | 'pay' | 'close';
const TITLES: Record<Step, string> = {
  approve: '审批同意',
  reject: '不予救助',
  pay: '登记发放',
  close: '救助结案',
};

export function ReliefStepForm(props: {
  id: number;
  action: Step;
  /** The amount offered by default (fen): asked, or what is left to pay. */
  defaultFen?: number;
  trigger: ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const a = props.action;
  return (
    <ModalForm<Record<string, string | number>>
      title={TITLES[a]}
      width={540}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      initialValues={{
        amount: props.defaultFen !== undefined ? props.defaultFen / 100 : undefined,
        method: 'bank',
      }}
      onFinish={(v) => {
        const body =
          a === 'approve'
            ? { action: a, amountFen: toFen(Number(v.amount)), opinion: v.opinion }
            : a === 'reject'
              ? { action: a, opinion: v.opinion }
              : a === 'pay'
                ? {
                    action: a,
                    amountFen: toFen(Number(v.amount)),
                    date: v.date,
                    payer: v.payer,
                    method: v.method,
                    voucher: v.voucher,
                  }
                : { action: a, undertakingSigned: true, note: v.note || undefined };
        return submit(
          message,
          () => api(`/api/v1/relief/${props.id}/actions`, { body }),
          `${TITLES[a]}：已保存`,
          props.onDone,
        );
      }}
    >
      {a === 'approve' || a === 'pay' ? (
        <ProFormDigit
          name="amount"
          label={a === 'approve' ? '批准金额（元）' : '发放金额（元）'}
          min={0.01}
          fieldProps={{ precision: 2 }}
          rules={[{ required: true, message: '请填写金额' }]}
        />
      ) : null}
      {a === 'approve' || a === 'reject' ? (
        <ProFormTextArea
          name="opinion"
          label={a === 'approve' ? '审批意见' : '不予救助理由'}
          rules={[{ required: true, message: '请填写意见' }]}
        />
      ) : null}
      {a === 'pay' ? (
        <>
          <ProFormText
            name="date"
            label="发放日期"
            fieldProps={{ type: 'date' }}
            rules={[{ required: true, message: '请填写发放日期' }]}
          />
          <ProFormText
            name="payer"
            label="发放单位"
            placeholder="如：鼓楼区民政局"
            rules={[{ required: true, message: '请填写发放单位' }]}
          />
          <ProFormSelect
            name="method"
            label="发放方式"
            options={[
              { value: 'bank', label: '银行转账' },
              { value: 'cash', label: '现金' },
            ]}
          />
          <ProFormText name="voucher" label="凭证号" rules={[{ required: true, message: '请填写凭证号' }]} />
        </>
      ) : null}
      {a === 'close' ? (
        <ProFormTextArea
          name="note"
          label="结案说明（确认救助金已足额发放、信访人已签署息诉罢访承诺书）"
          fieldProps={{ maxLength: 2000 }}
        />
      ) : null}
    </ModalForm>
  );
}
