// The forms of the expert library: assigning an expert to a matter (the server refuses an expert of
// a unit concerned, 回避, with its reason), and recording the expert's written opinion.
import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import type { ReactElement } from 'react';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api } from '../../shared/api.ts';
import { submit } from '../mediation/forms.tsx';
import type { ExpertItem } from './types.ts';

export function AssignForm(props: {
  caseId: number;
  backlogMatterId?: number;
  jurisdictionCode: string;
  trigger: ReactElement;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const experts = useQuery({
    queryKey: ['experts', 'list', 'available'],
    queryFn: () => api<{ items: ExpertItem[] }>('/api/v1/experts'),
  });
  const units = useQuery({
    queryKey: ['jurisdiction-units', props.jurisdictionCode],
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${props.jurisdictionCode}`),
  });
  return (
    <ModalForm<{ expertId: number; question: string; complainedUnitId?: number }>
      title="指派专家"
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api('/api/v1/expert-assignments', {
              body: { ...v, caseId: props.caseId, backlogMatterId: props.backlogMatterId },
            }),
          '已指派专家',
          props.onDone,
        )
      }
    >
      <ProFormSelect
        name="expertId"
        label="专家"
        showSearch
        options={(experts.data?.items ?? [])
          .filter((e) => e.availability !== 'unavailable')
          .map((e) => ({
            value: e.id,
            label: `${e.name}（${e.fieldName}，${e.levelName}，${e.affiliation}，在办${e.openAssignments}件）`,
          }))}
        rules={[{ required: true, message: '请选择专家' }]}
      />
      <ProFormSelect
        name="complainedUnitId"
        label="被反映单位（与承办单位不同时选择，用于回避审查）"
        showSearch
        options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
      <ProFormTextArea
        name="question"
        label="咨询事项"
        rules={[{ required: true, message: '请填写咨询事项' }]}
      />
    </ModalForm>
  );
}

export function OpinionForm(props: { assignmentId: number; trigger: ReactElement; onDone: () => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ opinion: string; date: string }>
      title="录入专家意见"
      width={600}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={props.trigger}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api(`/api/v1/expert-assignments/${props.assignmentId}/actions`, {
              body: { action: 'file_opinion', ...v },
            }),
          '已录入专家意见',
          props.onDone,
        )
      }
    >
      <ProFormText
        name="date"
        label="意见日期"
        rules={[{ required: true, message: '请选择意见日期' }]}
        fieldProps={{ type: 'date' }}
      />
      <ProFormTextArea
        name="opinion"
        label="专家意见"
        rules={[{ required: true, message: '请填写专家意见' }]}
        fieldProps={{ rows: 6, maxLength: 5000 }}
      />
    </ModalForm>
  );
}
