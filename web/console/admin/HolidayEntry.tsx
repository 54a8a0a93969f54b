// 录入放假安排: for a year the shipped calendar does not cover, the province administrator enters the
// State Council's holidays (with the weekend days inside each block) and make-up workdays, and saves
// the whole year (PUT /api/v1/calendar/years/:year). Running deadlines are recomputed on save.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SpecialDay, YearEntered } from '../../../src/calendar/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';

export interface EnteredDay {
  date: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
}

/** '春节' → name; '调休上班（春节）' → '春节'. */
const nameOf = (d: { kind: string; label: string }) =>
  d.kind === 'makeup_workday' ? d.label.replace(/^调休上班（(.*)）$/, '$1') : d.label;

export function HolidayEntry({ year, days }: { year: number; days: SpecialDay[] }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ days: EnteredDay[] }>();
  async function save(v: { days?: EnteredDay[] }) {
    setSaving(true);
    try {
      const r = await api<YearEntered>(`/api/v1/calendar/years/${year}`, {
        method: 'PUT',
        body: { days: (v.days ?? []).map((d) => ({ ...d, name: d.name.trim() })) },
      });
      message.success(`已保存${year}年放假安排（${r.days}天），重算在办期限 ${r.recomputedCases} 件`);
      await qc.invalidateQueries({ queryKey: ['holidays', year] });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Card size="small" title={`录入${year}年放假安排`} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        按国务院办公厅公布的通知逐日录入：放假的每一天（含其中的周末）选“放假”，调休上班的周末选“调休上班”，名称填节日（如“春节”）。
        保存后替换该年已录入的全部日期，正在计算的期限立即按新日历重算。
      </Typography.Paragraph>
      <Form
        form={form}
        onFinish={save}
        initialValues={{ days: days.map((d) => ({ date: d.date, kind: d.kind, name: nameOf(d) })) }}
      >
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'date']}
                    rules={[
                      { required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式为 YYYY-MM-DD' },
                    ]}
                  >
                    <Input
                      aria-label={`第${i + 1}天日期`}
                      placeholder={`${year}-01-01`}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择' }]}>
                    <Select
                      aria-label={`第${i + 1}天类型`}
                      style={{ width: 120 }}
                      options={[
                        { value: 'holiday', label: '放假' },
                        { value: 'makeup_workday', label: '调休上班' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: '请填写节日' }]}
                  >
                    <Input
                      aria-label={`第${i + 1}天节日`}
                      placeholder="春节"
                      maxLength={20}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Space>
                <Button onClick={() => add({ kind: 'holiday' })}>添加一天</Button>
                <Button type="primary" htmlType="submit" loading={saving}>
                  保存{year}年放假安排
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
