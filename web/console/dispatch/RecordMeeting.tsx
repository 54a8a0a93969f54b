// The form that records this week's dispatch meeting (POST /api/v1/dispatch/meetings): date,
// attendees, notes, and decisions — each with an owner (staff of the jurisdiction), a due date and
// optionally one of the agenda's cases. Saved as held (决定事项 reach their owners) or as a draft.
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';
import { api, errorMessage } from '../../shared/api.ts';
import type { OwnerCandidate, Topic } from './types.ts';

interface Values {
  date: string;
  attendees: string;
  notes?: string;
  hold: boolean;
  decisions?: { title: string; ownerUserId: number; dueDate: string; caseId?: number }[];
}

const todayShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function RecordMeeting({ topics, onSaved }: { topics: Topic[]; onSaved: () => unknown }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const owners = useQuery({
    queryKey: ['dispatch-owners'],
    queryFn: () => api<{ items: OwnerCandidate[] }>('/api/v1/dispatch/owners'),
  });
  const cases = [
    ...new Map(
      topics.filter((t) => t.caseId && t.caseNumber).map((t) => [t.caseId, `${t.caseNumber} ${t.title}`]),
    ),
  ];
  return (
    <Card size="small" title="记录本周调度会">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: todayShanghai(), hold: true, decisions: [{}] }}
        onFinish={async (v) => {
          try {
            await api('/api/v1/dispatch/meetings', {
              method: 'POST',
              body: {
                date: v.date,
                attendees: v.attendees
                  .split(/[,，、;；\s]+/)
                  .map((s) => s.trim())
                  .filter(Boolean),
                notes: v.notes ?? '',
                hold: v.hold,
                decisions: (v.decisions ?? []).map((d) => ({
                  title: d.title,
                  ownerUserId: d.ownerUserId,
                  dueDate: d.dueDate,
                  ...(d.caseId ? { caseId: d.caseId } : {}),
                })),
              },
            });
            message.success(v.hold ? '调度会已记录，决定事项已送达负责人' : '草稿已保存');
            await onSaved();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Space size={16} align="start" wrap>
          <Form.Item name="date" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="attendees"
            label="参会人员"
            tooltip="多人用顿号或逗号分隔"
            rules={[{ required: true, message: '请填写参会人员' }]}
          >
            <Input placeholder="如：王局长、李科长" style={{ width: 420 }} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label="会议记录">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'title']}
                    label={`决定事项${i + 1}`}
                    rules={[{ required: true, message: '请填写决定事项' }]}
                  >
                    <Input style={{ width: 320 }} maxLength={500} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'ownerUserId']}
                    label="负责人"
                    rules={[{ required: true, message: '请选择负责人' }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 260 }}
                      loading={owners.isLoading}
                      options={(owners.data?.items ?? []).map((o) => ({
                        value: o.id,
                        label: `${o.name}（${o.role}，${o.unit}）`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'dueDate']}
                    label="完成期限"
                    rules={[{ required: true, message: '请选择完成期限' }]}
                  >
                    <Input type="date" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'caseId']} label="关联信访件（可选）">
                    <Select
                      allowClear
                      style={{ width: 280 }}
                      options={cases.map(([id, label]) => ({ value: id, label }))}
                    />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      删除
                    </Button>
                  </Form.Item>
                </Space>
              ))}
              <Button onClick={() => add({})}>添加决定事项</Button>
            </Space>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Form.Item name="hold" valuePropName="checked" noStyle>
            <Checkbox>会议已召开（决定事项即送达负责人）</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存调度会
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
