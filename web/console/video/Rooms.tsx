// 视频接访: the rooms of the caller's scope (upcoming first) and scheduling a new one — on a matter
// (the citizen is its online petitioner) and/or with a county reception hall.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { type Hall, type RoomDetail, type RoomItem, STATUS_COLORS } from './types.ts';

interface FormValues {
  title: string;
  caseId?: number;
  scheduledAt: Dayjs;
  hallUserId?: number;
}

export function ScheduleForm({
  onDone,
  caseId,
  small,
}: {
  onDone: (id: number) => void;
  caseId?: number;
  small?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const halls = useQuery({
    queryKey: ['video', 'halls'],
    queryFn: () => api<{ items: Hall[] }>('/api/v1/video/halls'),
    enabled: open,
  });
  const submit = async (v: FormValues) => {
    try {
      const room = await api<RoomDetail>('/api/v1/video/rooms', {
        body: {
          title: v.title,
          caseId: v.caseId,
          hallUserId: v.hallUserId,
          scheduledAt: v.scheduledAt.format(),
        },
      });
      message.success('已安排视频接访');
      setOpen(false);
      onDone(room.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Button
        type={small ? 'default' : 'primary'}
        size={small ? 'small' : 'middle'}
        onClick={() => setOpen(true)}
      >
        安排视频接访
      </Button>
      <Modal
        title="安排视频接访"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="安排"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ caseId }}>
          <Form.Item name="title" label="接访主题" rules={[{ required: true, message: '请填写接访主题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="caseId" label="信访事项编号（内部编号，信访人为该事项的网上信访人）">
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="scheduledAt"
            label="预约时间"
            rules={[{ required: true, message: '请选择预约时间' }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="hallUserId" label="县级接待大厅（可选）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={halls.isPending}
              options={(halls.data?.items ?? []).map((h) => ({
                value: h.id,
                label: `${h.unit} · ${h.name}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function VideoRoomsPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['video', 'rooms'],
    queryFn: () => api<{ items: RoomItem[] }>('/api/v1/video/rooms'),
  });
  return (
    <PageContainer
      title={<h1 className="xf-h1">视频接访</h1>}
      extra={
        <ScheduleForm
          onDone={async (id) => {
            await qc.invalidateQueries({ queryKey: ['video'] });
            navigate(`/video/${id}`);
          }}
        />
      }
    >
      <Table<RoomItem>
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '预约时间', dataIndex: 'scheduledAt', render: (v: string) => formatDateTime(v) },
          {
            title: '接访主题',
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/video/${r.id}`}>{v}</Link>,
          },
          {
            title: '信访事项',
            dataIndex: 'caseNumber',
            render: (v: string | null, r) => (v ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : '—'),
          },
          { title: '接访单位', dataIndex: 'unit' },
          { title: '接访人', dataIndex: 'host' },
          {
            title: '参加',
            render: (_: unknown, r) =>
              [r.withCitizen ? '信访人' : null, r.withHall ? '县级接待大厅' : null]
                .filter(Boolean)
                .join('、'),
          },
          {
            title: '状态',
            dataIndex: 'statusName',
            render: (v: string, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag>,
          },
        ]}
      />
    </PageContainer>
  );
}
