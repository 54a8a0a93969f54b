// 短信模板: the SMS texts per stage (GET/PUT /api/v1/settings/sms-templates; province administrators).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import type { SmsTemplates, SmsTemplatesSaved } from '../../../src/settings/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';

const STAGE_NAMES: Record<string, string> = {
  registered: '登记',
  accepted: '受理',
  handling: '交办',
  result: '办理结果',
  not_accepted: '不予受理',
  forwarded: '转送',
  extended: '延期',
  review_decided: '复查意见',
  rereview_decided: '复核意见',
  channelled: '导入法定途径',
};

export default function SmsTemplatesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Record<string, string>>();
  const q = useQuery({
    queryKey: ['sms-templates'],
    queryFn: () => api<SmsTemplates>('/api/v1/settings/sms-templates'),
  });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data.templates);
  }, [q.data, form]);
  return (
    <PageContainer title={<h1 className="xf-h1">短信模板</h1>}>
      <Card>
        {q.isError ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : null}
        <Typography.Paragraph type="secondary">
          可用占位符：{q.data?.placeholders.map((p) => `{${p}}`).join('、')}
          。短信不得包含身份证号码。仅省级管理员可以修改。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (templates) => {
            try {
              const r = await api<SmsTemplatesSaved>('/api/v1/settings/sms-templates', {
                method: 'PUT',
                body: { templates },
              });
              qc.setQueryData(['sms-templates'], { ...q.data, templates: r.templates });
              message.success('短信模板已保存');
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          {Object.keys(q.data?.templates ?? {}).map((stage) => (
            <Form.Item
              key={stage}
              name={stage}
              label={`${STAGE_NAMES[stage] ?? stage}（${stage}）`}
              rules={[{ required: true, min: 4, max: 300, message: '模板为4到300字' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={300} showCount />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" disabled={!q.data}>
            保存
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
