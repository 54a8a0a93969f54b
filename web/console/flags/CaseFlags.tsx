// On a case's page: its national flags (重大紧急, 同意公开, 涉法涉诉, 涉港澳台侨外, 扬言), the button to
// change them (POST /cases/:id/flags; the server decides who may), and the upward reports of 重大紧急
// with 签收 for the bureau that received one.
import { ModalForm, ProFormCheckbox, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { CASE_FLAGS, type CaseFlag, FLAG_RULES } from '../../../src/domain/flags.ts';
import type { FlagsAnswer } from '../../../src/flags/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';

const colorOf = (f: string) => (f in FLAG_RULES ? FLAG_RULES[f as CaseFlag].color : 'default');

export function CaseFlags(props: { caseId: number }) {
  const me = useStaff();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = ['flags', props.caseId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<FlagsAnswer>(`/api/v1/cases/${props.caseId}/flags`),
    retry: false,
  });
  if (!q.data || !Array.isArray(q.data.flags)) return null;
  const current = q.data.flags.map((f) => f.flag);
  return (
    <Card
      size="small"
      title="事项标识"
      style={{ marginBottom: 16 }}
      extra={
        <ModalForm<{ flags: CaseFlag[]; note?: string }>
          title="修改事项标识"
          trigger={<Button size="small">修改标识</Button>}
          initialValues={{ flags: current }}
          modalProps={{ destroyOnHidden: true }}
          onFinish={async (v) => {
            const set = v.flags.filter((f) => !current.includes(f));
            const clear = CASE_FLAGS.filter((f) => current.includes(f) && !v.flags.includes(f));
            if (set.length + clear.length === 0) return true;
            try {
              await api(`/api/v1/cases/${props.caseId}/flags`, {
                body: { set, clear, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
              });
              message.success(set.includes('major_urgent') ? '已标记，并已向上一级信访部门上报' : '已保存');
              await qc.invalidateQueries({ queryKey: key });
              return true;
            } catch (e) {
              message.error(errorMessage(e));
              return false;
            }
          }}
        >
          <ProFormCheckbox.Group
            name="flags"
            label="标识"
            options={CASE_FLAGS.map((f) => ({ value: f, label: FLAG_RULES[f].name }))}
            extra="标记“重大紧急”即向上一级信访部门上报，并短信告知其领导"
          />
          <ProFormTextArea name="note" label="说明" fieldProps={{ maxLength: 500 }} />
        </ModalForm>
      }
    >
      {q.data.flags.length === 0 ? <Typography.Text type="secondary">无</Typography.Text> : null}
      <Space wrap>
        {q.data.flags.map((f) => (
          <Tag key={f.flag} color={colorOf(f.flag)} title={f.note ?? undefined}>
            {f.name}
          </Tag>
        ))}
      </Space>
      {q.data.reports.length ? (
        <List
          size="small"
          header="上报记录"
          dataSource={q.data.reports}
          renderItem={(r) => (
            <List.Item
              actions={
                !r.acknowledgedAt && me.abilities.flagAcknowledge && me.unit?.id === r.toUnitId
                  ? [
                      <Button
                        key="ack"
                        size="small"
                        type="primary"
                        onClick={async () => {
                          try {
                            await api(`/api/v1/flag-reports/${r.id}/acknowledge`, { method: 'POST' });
                            await qc.invalidateQueries({ queryKey: key });
                          } catch (e) {
                            message.error(errorMessage(e));
                          }
                        }}
                      >
                        签收
                      </Button>,
                    ]
                  : []
              }
            >
              {r.fromUnit}→{r.toUnit} {r.flagName} {formatDateTime(r.reportedAt)}
              {r.acknowledgedAt ? (
                <Tag color="green" style={{ marginInlineStart: 8 }}>
                  已签收
                </Tag>
              ) : (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  未签收
                </Tag>
              )}
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
