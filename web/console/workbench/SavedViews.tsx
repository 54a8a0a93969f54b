// 我的视图: the caller's saved views (a queue, 我的/本单位 and the filters under a name). Choosing one
// sets the URL; 保存视图 saves the current one (same name: replaced). GET/POST/DELETE
// /api/v1/workbench/views.
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space } from 'antd';
import { api, errorMessage } from '../../shared/api.ts';
import { FILTER_KEYS, type SavedView } from './api.ts';

export function SavedViews(props: {
  sp: URLSearchParams;
  queue: string;
  onOpen: (next: URLSearchParams) => void;
}) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const views = useQuery({
    queryKey: ['workbench-views'],
    queryFn: () => api<{ items: SavedView[] }>('/api/v1/workbench/views'),
    retry: false,
  });
  const items = Array.isArray(views.data?.items) ? views.data.items : [];
  const open = (id: number) => {
    const v = items.find((x) => x.id === id);
    if (!v) return;
    const next = new URLSearchParams({ tab: v.queue, view: String(v.id) });
    for (const [k, val] of Object.entries(v.filters)) next.set(k, val);
    props.onOpen(next);
  };
  const current = Number(props.sp.get('view')) || undefined;
  return (
    <Space>
      <Select
        aria-label="我的视图"
        placeholder="我的视图"
        style={{ minWidth: 160 }}
        allowClear
        value={items.some((v) => v.id === current) ? current : undefined}
        onChange={(id?: number) => (id ? open(id) : undefined)}
        options={items.map((v) => ({ value: v.id, label: v.name }))}
      />
      {current && items.some((v) => v.id === current) ? (
        <Button
          aria-label="删除视图"
          icon={<DeleteOutlined />}
          onClick={async () => {
            try {
              await api(`/api/v1/workbench/views/${current}`, { method: 'DELETE' });
              await qc.invalidateQueries({ queryKey: ['workbench-views'] });
              message.success('已删除视图');
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        />
      ) : null}
      <ModalForm<{ name: string }>
        title="保存视图"
        trigger={<Button icon={<SaveOutlined />}>保存视图</Button>}
        modalProps={{ destroyOnHidden: true }}
        submitter={{ searchConfig: { submitText: '保存' } }}
        onFinish={async ({ name }) => {
          const filters: Record<string, string> = {};
          for (const k of FILTER_KEYS) {
            const v = props.sp.get(k);
            if (v) filters[k] = v;
          }
          try {
            const r = await api<{ id: number }>('/api/v1/workbench/views', {
              body: {
                name: name.trim(),
                queue: props.queue,
                scope: props.sp.get('scope') === 'mine' ? 'mine' : 'unit',
                filters,
              },
            });
            await qc.invalidateQueries({ queryKey: ['workbench-views'] });
            message.success('已保存视图');
            const next = new URLSearchParams(props.sp);
            next.set('view', String(r.id));
            props.onOpen(next);
            return true;
          } catch (e) {
            message.error(errorMessage(e));
            return false;
          }
        }}
      >
        <ProFormText
          name="name"
          label="视图名称"
          rules={[{ required: true, message: '请输入名称' }]}
          fieldProps={{ maxLength: 40 }}
        />
      </ModalForm>
    </Space>
  );
}
