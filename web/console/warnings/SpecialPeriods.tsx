// 重大活动保障期: periods declared for the administrator's jurisdiction and below (GET/POST/DELETE
// /api/v1/special-periods). Inside one, warning thresholds are multiplied by the factor and
// supervisors receive a daily digest.
import { PlusOutlined } from '@ant-design/icons';
import {
  ModalForm,
  PageContainer,
  ProFormDateRangePicker,
  ProFormDigit,
  ProFormText,
  ProTable,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Tag } from 'antd';
import type { SpecialPeriod as Period } from '../../../src/warnings/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { PlaceCascader } from '../widgets.tsx';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const asDate = (v: unknown) =>
  typeof v === 'string' ? v.slice(0, 10) : (v as { format(f: string): string }).format('YYYY-MM-DD');

export default function SpecialPeriodsPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['special-periods'],
    queryFn: () => api<{ items: Period[] }>('/api/v1/special-periods'),
  });
  const mine = (p: Period) => p.scope.code.startsWith(me.jurisdiction?.scopePrefix ?? '\u0000');

  return (
    <PageContainer title={<h1 className="xf-h1">重大活动保障期</h1>}>
      <ProTable<Period>
        rowKey="id"
        search={false}
        options={false}
        headerTitle="保障期内预警阈值按系数收紧，并每日向督查员发送预警日报"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无保障期' }}
        pagination={false}
        toolBarRender={() => [
          <ModalForm<{ name: string; dates: unknown[]; scope: string[]; thresholdFactor: number }>
            key="new"
            title="新建保障期"
            width={560}
            layout="vertical"
            modalProps={{ destroyOnHidden: true }}
            initialValues={{ thresholdFactor: 0.5 }}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新建保障期
              </Button>
            }
            onFinish={async (v) => {
              const scope = v.scope?.[v.scope.length - 1] ?? me.jurisdiction?.code;
              try {
                await api('/api/v1/special-periods', {
                  method: 'POST',
                  body: {
                    name: v.name,
                    from: asDate(v.dates[0]),
                    to: asDate(v.dates[1]),
                    scope,
                    thresholdFactor: v.thresholdFactor,
                  },
                });
                message.success('已设置保障期');
                await qc.invalidateQueries({ queryKey: ['special-periods'] });
                return true;
              } catch (e) {
                message.error(errorMessage(e));
                return false;
              }
            }}
          >
            <ProFormText
              name="name"
              label="名称"
              placeholder="如：全国两会"
              rules={[{ required: true, min: 2 }]}
            />
            <ProFormDateRangePicker name="dates" label="起止日期" rules={[{ required: true }]} />
            <Form.Item name="scope" label="范围（默认本辖区）">
              <PlaceCascader aria-label="范围" placeholder={me.jurisdiction?.name ?? ''} />
            </Form.Item>
            <ProFormDigit
              name="thresholdFactor"
              label="阈值系数（0.5 即阈值减半）"
              min={0.1}
              max={1}
              fieldProps={{ step: 0.1, precision: 2 }}
              rules={[{ required: true }]}
            />
          </ModalForm>,
        ]}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '范围', dataIndex: ['scope', 'name'] },
          { title: '开始', dataIndex: 'from', width: 120 },
          { title: '结束', dataIndex: 'to', width: 120 },
          { title: '阈值系数', dataIndex: 'thresholdFactor', width: 100 },
          {
            title: '状态',
            key: 'status',
            width: 90,
            render: (_, p) =>
              p.to < today() ? (
                <Tag>已结束</Tag>
              ) : p.from > today() ? (
                <Tag color="blue">未开始</Tag>
              ) : (
                <Tag color="red">进行中</Tag>
              ),
          },
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_, p) =>
              mine(p) ? (
                <Popconfirm
                  title="删除该保障期？"
                  onConfirm={async () => {
                    try {
                      await api(`/api/v1/special-periods/${p.id}`, { method: 'DELETE' });
                      await qc.invalidateQueries({ queryKey: ['special-periods'] });
                    } catch (e) {
                      message.error(errorMessage(e));
                    }
                  }}
                >
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              ) : (
                <Tag>上级设置</Tag>
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
