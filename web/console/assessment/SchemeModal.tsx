// 考核方案: the items of the year's scheme of a level (points, per-case deductions) — read by anyone
// who sees the scorecard; the provincial bureau's leaders and administrators change the points and
// save them as the year's override, or restore the defaults.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import type { Scheme, SchemeItem } from './types.ts';

const labelOf = (i: SchemeItem) => i.label;

export function SchemeButton({ year, level }: { year: number; level: string }) {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<SchemeItem[] | null>(null);
  const q = useQuery({
    queryKey: ['assessment', 'scheme', year, level],
    enabled: open,
    queryFn: () => api<Scheme>(`/api/v1/assessment/schemes/${year}/${level}`),
  });
  const canEdit = me.abilities.assessmentScheme;
  const items = draft ?? q.data?.items ?? [];
  const save = async (next: SchemeItem[]) => {
    try {
      await api(`/api/v1/assessment/schemes/${year}/${level}`, { method: 'PUT', body: { items: next } });
      message.success(next.length ? '已保存本年度考核方案' : '已恢复默认方案');
      setDraft(null);
      await qc.invalidateQueries({ queryKey: ['assessment'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const set = (idx: number, patch: { points?: number; perCase?: number }) =>
    setDraft(items.map((it, i) => (i === idx ? { ...it, ...patch } : it)));
  return (
    <>
      <Button onClick={() => setOpen(true)}>考核方案</Button>
      <Modal
        open={open}
        width={640}
        title={`${year}年度考核方案${q.data ? `（${q.data.source === 'override' ? '本年度调整' : '默认'}）` : ''}`}
        onCancel={() => {
          setOpen(false);
          setDraft(null);
        }}
        footer={
          canEdit ? (
            <Space>
              <Button onClick={() => save([])}>恢复默认</Button>
              <Button type="primary" disabled={!draft} onClick={() => draft && save(draft)}>
                保存
              </Button>
            </Space>
          ) : null
        }
      >
        {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
        <Table<SchemeItem>
          rowKey="key"
          size="small"
          loading={q.isPending}
          pagination={false}
          dataSource={items}
          columns={[
            { title: '指标', key: 'label', render: (_, i) => labelOf(i) },
            {
              title: '计分方式',
              key: 'how',
              render: (_, i) =>
                i.kind === 'rate' ? (
                  <Tag>{i.better === 'lower' ? '越低越好' : '越高越好'}</Tag>
                ) : (
                  <Space>
                    每件扣
                    {canEdit ? (
                      <InputNumber
                        aria-label={`${labelOf(i)}每件扣分`}
                        size="small"
                        min={0.1}
                        max={100}
                        step={0.5}
                        value={i.perCase}
                        onChange={(v) => v !== null && set(items.indexOf(i), { perCase: v })}
                      />
                    ) : (
                      i.perCase
                    )}
                    分（按月）
                  </Space>
                ),
            },
            {
              title: '分值',
              key: 'points',
              width: 110,
              render: (_, i) =>
                canEdit ? (
                  <InputNumber
                    aria-label={`${labelOf(i)}分值`}
                    size="small"
                    min={1}
                    max={100}
                    value={i.points}
                    onChange={(v) => v !== null && set(items.indexOf(i), { points: v })}
                  />
                ) : (
                  i.points
                ),
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                满分
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{items.reduce((s, i) => s + i.points, 0)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Modal>
    </>
  );
}
