// On a case's page: who works the matter in the unit holding it (认领人), with 认领 and 移交同事
// (GET/POST /api/v1/workbench/cases/:id/…; the server decides who may and which colleagues could
// take it). Shows nothing when the answer is not the expected shape (page tests have no server).
import { ModalForm, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Typography } from 'antd';
import type { AssigneeAnswer } from '../../../src/workbench/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';

export function CaseAssignee(props: { caseId: number; state: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = ['workbench-assignee', props.caseId, props.state];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<AssigneeAnswer>(`/api/v1/workbench/cases/${props.caseId}/assignee`),
    retry: false,
  });
  const a = q.data;
  if (!a || typeof a.canClaim !== 'boolean' || !Array.isArray(a.colleagues)) return null;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['workbench-assignee', props.caseId] });
    void qc.invalidateQueries({ queryKey: ['case', props.caseId], exact: true });
  };
  const claim = async () => {
    try {
      await api(`/api/v1/workbench/cases/${props.caseId}/claim`, { body: {} });
      message.success('已认领');
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card size="small" title="本单位办理人" style={{ marginBottom: 16 }} aria-label="本单位办理人">
      <Space wrap>
        <Typography.Text data-testid="assignee">
          {a.assignee ? `${a.assignee.name}（${formatDateTime(a.assignee.since)}起）` : '尚无人认领'}
        </Typography.Text>
        {a.canClaim ? (
          <Button size="small" type="primary" onClick={() => void claim()}>
            认领
          </Button>
        ) : null}
        {a.colleagues.length > 0 ? (
          <ModalForm<{ userId: number; note?: string }>
            title="移交同事"
            trigger={<Button size="small">移交同事</Button>}
            modalProps={{ destroyOnHidden: true }}
            submitter={{ searchConfig: { submitText: '确认移交' } }}
            onFinish={async (v) => {
              try {
                await api(`/api/v1/workbench/cases/${props.caseId}/hand-over`, {
                  body: { userId: v.userId, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
                });
                message.success('已移交');
                refresh();
                return true;
              } catch (e) {
                message.error(errorMessage(e));
                return false;
              }
            }}
          >
            <ProFormSelect
              name="userId"
              label="同事"
              rules={[{ required: true, message: '请选择同事' }]}
              options={a.colleagues.map((c) => ({ value: c.id, label: `${c.name}（${c.roleName}）` }))}
            />
            <ProFormTextArea name="note" label="移交说明" fieldProps={{ maxLength: 500 }} />
          </ModalForm>
        ) : null}
      </Space>
    </Card>
  );
}
