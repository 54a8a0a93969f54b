// On a co-handled matter's page (会办): the lead unit, the coordinating bureau, 三跨三分离, every
// co-unit's part (会办意见), and for a co-unit's staff the form to file theirs. The lead replies with
// the usual 出具处理意见书 once all parts are in (the server refuses before).
import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { CohandlingAnswer } from '../../../src/cohandling/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';

export function CaseCohandling(props: { caseId: number; state: string }) {
  const me = useStaff();
  const qc = useQueryClient();
  const { message } = App.useApp();
  // The state in the key: a 会办交办 on this page changes it, and the card appears.
  const key = ['cohandling', props.caseId, props.state];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<CohandlingAnswer>(`/api/v1/cases/${props.caseId}/cohandling`),
    retry: false,
  });
  const v = q.data?.cohandling;
  if (!v || !Array.isArray(v.parts)) return null;
  const mine = v.parts.find((p) => p.unitId === me.unit?.id);
  const canFile = mine && ['handling', 'extension_pending'].includes(props.state);
  return (
    <Card
      size="small"
      title="会办"
      style={{ marginBottom: 16 }}
      extra={
        canFile ? (
          <ModalForm<{ feedback: string }>
            title="反馈会办意见"
            trigger={
              <Button size="small" type="primary">
                {mine.feedbackAt ? '修改会办意见' : '反馈会办意见'}
              </Button>
            }
            initialValues={{ feedback: mine.feedback ?? '' }}
            modalProps={{ destroyOnHidden: true }}
            onFinish={async (f) => {
              try {
                await api(`/api/v1/cases/${props.caseId}/cohandling/feedback`, {
                  body: { feedback: f.feedback },
                });
                message.success('已反馈会办意见');
                await qc.invalidateQueries({ queryKey: key });
                return true;
              } catch (e) {
                message.error(errorMessage(e));
                return false;
              }
            }}
          >
            <ProFormTextArea
              name="feedback"
              label="会办意见"
              rules={[{ required: true, whitespace: true, message: '请填写会办意见' }]}
              fieldProps={{ maxLength: 5000, rows: 5 }}
            />
          </ModalForm>
        ) : null
      }
    >
      <Descriptions column={2} size="small">
        <Descriptions.Item label="牵头单位">{v.leadUnit}</Descriptions.Item>
        <Descriptions.Item label="协调单位">{v.coordinatingUnit}</Descriptions.Item>
        <Descriptions.Item label="三跨三分离">
          <Space wrap>
            {v.crossTypes.map((t) => (
              <Tag key={t.key} color="blue">
                {t.name}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="会办要求">{v.instructions ?? '—'}</Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        header={v.pending ? `会办意见（${v.pending}个单位尚未反馈）` : '会办意见（已全部反馈）'}
        dataSource={v.parts}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space>
                  {p.unit}
                  {p.feedbackAt ? (
                    <Tag color="green">已反馈 {formatDateTime(p.feedbackAt)}</Tag>
                  ) : (
                    <Tag color="orange">待反馈</Tag>
                  )}
                </Space>
              }
              description={
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.feedback ?? ''}</Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
