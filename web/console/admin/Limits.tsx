// 办理期限: the limits in force for a jurisdiction (GET /api/v1/settings/limits/:code, including what
// it inherits) and the administrator's own setting (PUT; applies to the subtree).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { CLOCK_NAMES, CLOCKS, type ClockName } from '../../../src/domain/lifecycle/clockNames.ts';
import type { LimitsAnswer } from '../../../src/settings/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { PlaceCascader } from '../widgets.tsx';

const OTHER: { key: Exclude<keyof LimitsAnswer, 'clocks'>; label: string }[] = [
  { key: 'maxExtensionDays', label: '延期最多天数' },
  { key: 'nearDueDays', label: '临期提醒（到期前天数）' },
  { key: 'maxRepresentatives', label: '集体访最多代表人数' },
  { key: 'groupVisitSize', label: '集体访人数（含）' },
];

export default function LimitsPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [code, setCode] = useState(me.jurisdiction?.code ?? '320000');
  const [form] = Form.useForm<LimitsAnswer>();
  const limits = useQuery({
    queryKey: ['limits', code],
    queryFn: () => api<LimitsAnswer>(`/api/v1/settings/limits/${code}`),
  });
  useEffect(() => {
    if (limits.data) form.setFieldsValue(limits.data);
  }, [limits.data, form]);

  async function save(v: LimitsAnswer) {
    try {
      const r = await api<LimitsAnswer>(`/api/v1/settings/limits/${code}`, { method: 'PUT', body: v });
      qc.setQueryData(['limits', code], r);
      message.success('已保存，对本辖区及下级生效（下级另行设置的除外）');
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <PageContainer title={<h1 className="xf-h1">办理期限</h1>}>
      <Card>
        <Space style={{ marginBottom: 16 }}>
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
          <Typography.Text type="secondary">当前：{code}</Typography.Text>
        </Space>
        {limits.isError ? <Alert type="error" showIcon message={errorMessage(limits.error)} /> : null}
        <Form form={form} onFinish={save} layout="vertical">
          <Table
            size="small"
            pagination={false}
            rowKey="clock"
            dataSource={CLOCKS.map((clock) => ({ clock }))}
            columns={[
              { title: '期限', dataIndex: 'clock', render: (c: ClockName) => CLOCK_NAMES[c] },
              {
                title: '时长',
                render: (_, r) => (
                  <Form.Item name={['clocks', r.clock, 'amount']} noStyle rules={[{ required: true }]}>
                    <InputNumber aria-label={`${CLOCK_NAMES[r.clock]}时长`} min={1} max={365} />
                  </Form.Item>
                ),
              },
              {
                title: '计算方式',
                render: (_, r) => (
                  <Form.Item name={['clocks', r.clock, 'unit']} noStyle>
                    <Select
                      aria-label={`${CLOCK_NAMES[r.clock]}计算方式`}
                      style={{ width: 140 }}
                      options={[
                        { value: 'calendar_days', label: '日（自然日）' },
                        { value: 'working_days', label: '工作日' },
                      ]}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Space wrap size={24} style={{ marginTop: 16 }}>
            {OTHER.map((o) => (
              <Form.Item key={o.key} name={o.key} label={o.label}>
                <InputNumber min={0} max={1000} />
              </Form.Item>
            ))}
          </Space>
          <Typography.Paragraph type="secondary">
            期限自触发之日的次日起算，末日为节假日的顺延至节假日后的第一个工作日；工作日期限跳过休息日并计入调休上班日（国务院办公厅公布的节假日安排）。
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" disabled={!limits.data}>
            保存
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
