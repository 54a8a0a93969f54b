// 法定途径清单: the legal-channel rules behind the registrar's 依法分类处理 hints
// (GET/PUT/DELETE /api/v1/settings/legal-channels). The list is edited here and saved as a whole
// for the chosen jurisdiction; it applies to the subtree unless a lower jurisdiction has its own.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { LegalChannelList, RuleView } from '../../../src/settings/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { PlaceCascader } from '../widgets.tsx';

type Draft = Omit<RuleView, 'keywords' | 'unless'> & { keywords: string; unless?: string };

const words = (text?: string) =>
  (text ?? '')
    .split(/[\n,，、]/)
    .map((k) => k.trim())
    .filter(Boolean);
const toDraft = (r: RuleView): Draft => ({
  ...r,
  keywords: r.keywords.join('\n'),
  unless: r.unless?.join('\n'),
  enabled: r.enabled !== false,
});
const fromDraft = (d: Draft): RuleView => {
  const unless = words(d.unless);
  return {
    ...d,
    category: d.category?.trim() || undefined,
    keywords: words(d.keywords),
    unless: unless.length > 0 ? unless : undefined,
  };
};

export default function LegalChannelsPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [code, setCode] = useState(me.jurisdiction?.code ?? '320000');
  const [rules, setRules] = useState<RuleView[]>([]);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ index: number; draft: Draft }>();
  const [form] = Form.useForm<Draft>();
  const q = useQuery({
    queryKey: ['legal-channels', code],
    queryFn: () => api<LegalChannelList>(`/api/v1/settings/legal-channels?code=${code}`),
  });
  useEffect(() => {
    if (q.data) {
      setRules(q.data.rules);
      setDirty(false);
    }
  }, [q.data]);
  useEffect(() => {
    if (editing) form.setFieldsValue(editing.draft);
  }, [editing, form]);
  const channels = q.data?.channels ?? {};

  async function save(method: 'PUT' | 'DELETE') {
    try {
      const r =
        method === 'PUT'
          ? await api<LegalChannelList>('/api/v1/settings/legal-channels', { method, body: { code, rules } })
          : await api<LegalChannelList>(`/api/v1/settings/legal-channels?code=${code}`, { method });
      qc.setQueryData(['legal-channels', code], r);
      message.success(
        method === 'PUT' ? '已保存，对本辖区及下级生效（下级另行设置的除外）' : '已改用上级或默认清单',
      );
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <PageContainer title={<h1 className="xf-h1">法定途径清单</h1>}>
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <span>行政区划：</span>
          <PlaceCascader
            aria-label="行政区划"
            style={{ width: 320 }}
            placeholder={code}
            onChange={(v) => {
              const last = v[v.length - 1];
              if (last) setCode(last);
            }}
          />
          <Typography.Text type="secondary">
            当前：{code}，{q.data?.source ? `使用 ${q.data.source} 设置的清单` : '使用系统默认清单'}
          </Typography.Text>
        </Space>
        {q.isError ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : null}
        <Typography.Paragraph type="secondary">
          登记时信访内容命中关键词即提示应通过的法定途径（提示不代替审查决定）。关键词写作“判决+不服”表示两个词都出现才命中。
        </Typography.Paragraph>
        <Table<RuleView>
          size="small"
          rowKey="id"
          pagination={false}
          loading={q.isLoading}
          dataSource={rules}
          columns={[
            { title: '规则', dataIndex: 'label', width: 200 },
            { title: '法定途径', dataIndex: 'channel', width: 160, render: (c: string) => channels[c] ?? c },
            {
              title: '关键词',
              dataIndex: 'keywords',
              render: (ks: string[]) => ks.map((k) => <Tag key={k}>{k}</Tag>),
            },
            { title: '受理机关', dataIndex: 'competentBody', width: 200 },
            {
              title: '状态',
              dataIndex: 'enabled',
              width: 70,
              render: (e?: boolean) => (e === false ? <Tag>停用</Tag> : <Tag color="green">启用</Tag>),
            },
            {
              title: '操作',
              width: 120,
              render: (_, r, i) => (
                <Space>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setEditing({ index: i, draft: toDraft(r) })}
                  >
                    编辑
                  </Button>
                  <Popconfirm
                    title={`删除规则“${r.label}”？`}
                    onConfirm={() => {
                      setRules(rules.filter((_, k) => k !== i));
                      setDirty(true);
                    }}
                  >
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button
            onClick={() =>
              setEditing({
                index: -1,
                draft: {
                  id: '',
                  channel: 'litigation',
                  label: '',
                  keywords: '',
                  competentBody: '',
                  advice: '',
                  enabled: true,
                },
              })
            }
          >
            新增规则
          </Button>
          <Button type="primary" disabled={!dirty} onClick={() => save('PUT')}>
            保存清单
          </Button>
          {q.data?.source === code ? (
            <Popconfirm title="删除本辖区的清单，改用上级或默认清单？" onConfirm={() => save('DELETE')}>
              <Button danger>改用上级清单</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Card>
      <Modal
        title={editing && editing.index >= 0 ? '编辑规则' : '新增规则'}
        open={editing !== undefined}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        okText="确定"
        destroyOnHidden
        width={640}
      >
        <Form<Draft>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(d) => {
            const rule = fromDraft(d);
            const next = [...rules];
            if (editing && editing.index >= 0) next[editing.index] = rule;
            else next.push(rule);
            setRules(next);
            setDirty(true);
            setEditing(undefined);
          }}
        >
          <Space size={16} style={{ display: 'flex' }}>
            <Form.Item
              label="规则编号"
              name="id"
              rules={[
                { required: true, message: '请填写规则编号' },
                { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母、数字或下划线，以字母开头' },
              ]}
            >
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              label="规则名称"
              name="label"
              rules={[{ required: true, max: 40, message: '请填写规则名称（40字以内）' }]}
            >
              <Input style={{ width: 360 }} />
            </Form.Item>
          </Space>
          <Space size={16} style={{ display: 'flex' }}>
            <Form.Item label="法定途径" name="channel" rules={[{ required: true }]}>
              <Select
                style={{ width: 260 }}
                options={Object.entries(channels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label="限定内容分类（可选）" name="category">
              <Input style={{ width: 200 }} placeholder="如：劳动和社会保障" />
            </Form.Item>
            <Form.Item label="启用" name="enabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item
            label="关键词"
            name="keywords"
            extra="每行一个；“判决+不服”表示两个词都出现才命中；每个词至少2个字"
            rules={[{ required: true, message: '至少填写一个关键词' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
          <Form.Item
            label="排除词（可选）"
            name="unless"
            extra="出现任一排除词时不提示，每行一个；如“合同纠纷”规则排除“劳动合同”"
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item
            label="受理机关"
            name="competentBody"
            rules={[{ required: true, max: 100, message: '请填写受理机关' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="告知意见"
            name="advice"
            rules={[{ required: true, max: 500, message: '请填写告知意见（500字以内）' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
