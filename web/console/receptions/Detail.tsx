// One reception: what the portal publishes, the bookings (names as the role sees them), booking for
// a visitor (代约; 约访 are booked here), cancelling, and the record once it has taken place —
// batches, persons, the matters raised (by case number: linked, or registered on the spot on the
// 登记 page first), solved on the spot, the leader's decision and follow-up tasks.
import {
  ModalForm,
  PageContainer,
  ProFormDigit,
  ProFormList,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { MAX_BOOKING_PEOPLE } from '../../../src/domain/receptions/kinds.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { Loading } from '../session.tsx';
import { type Booking, type SlotDetail, STATUS_COLORS } from './types.ts';

type Message = ReturnType<typeof App.useApp>['message'];

async function run(message: Message, send: () => Promise<unknown>, done: string, after: () => unknown) {
  try {
    await send();
    message.success(done);
    await after();
    return true;
  } catch (e) {
    message.error(errorMessage(e));
    return false;
  }
}

/** A case number typed by staff → its id (the case list's search by number, in the caller's scope). */
async function caseIdOf(caseNumber: string): Promise<number> {
  const r = await api<{ items: { id: number; caseNumber: string }[] }>(
    `/api/v1/cases?q=${encodeURIComponent(caseNumber.trim())}&pageSize=5`,
  );
  const hit = r.items.find((c) => c.caseNumber === caseNumber.trim());
  if (!hit) throw new Error(`未找到信访件编号为 ${caseNumber} 的事项`);
  return hit.id;
}

function BookForm({ id, after }: { id: number; after: () => unknown }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ name: string; phone: string; matter?: string; caseNumber?: string; peopleCount?: number }>
      title="代为预约"
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button>代为预约</Button>}
      onFinish={(v) =>
        run(
          message,
          async () =>
            api(`/api/v1/receptions/${id}/bookings`, {
              body: {
                name: v.name,
                phone: v.phone,
                matter: v.matter || undefined,
                peopleCount: v.peopleCount,
                caseId: v.caseNumber ? await caseIdOf(v.caseNumber) : undefined,
              },
            }),
          '已预约，信访人将收到短信',
          after,
        )
      }
    >
      <ProFormText name="name" label="信访人姓名" rules={[{ required: true, message: '请填写姓名' }]} />
      <ProFormText name="phone" label="手机号" rules={[{ required: true, message: '请填写手机号' }]} />
      <ProFormText name="caseNumber" label="信访件编号（已登记的事项，可选）" />
      <ProFormTextArea name="matter" label="反映事项（新事项简述）" fieldProps={{ maxLength: 300 }} />
      <ProFormDigit name="peopleCount" label="人数" min={1} max={MAX_BOOKING_PEOPLE} initialValue={1} />
    </ModalForm>
  );
}

interface RecordValues {
  batches: number;
  persons: number;
  decision: string;
  matters?: { caseNumber: string; solvedOnSpot?: boolean; note?: string }[];
  followUps?: string;
}

function RecordForm({ slot, after }: { slot: SlotDetail; after: () => unknown }) {
  const { message } = App.useApp();
  const active = slot.bookings.filter((b) => b.status === 'booked');
  return (
    <ModalForm<RecordValues>
      title="登记接访记录"
      width={680}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button type="primary">登记接访记录</Button>}
      initialValues={{
        batches: Math.max(1, active.length),
        persons: Math.max(
          1,
          active.reduce((n, b) => n + b.peopleCount, 0),
        ),
        matters: active
          .filter((b) => b.caseNumber)
          .map((b) => ({ caseNumber: b.caseNumber, solvedOnSpot: false })),
      }}
      onFinish={(v) =>
        run(
          message,
          async () => {
            const matters = [];
            for (const m of v.matters ?? [])
              if (m.caseNumber?.trim())
                matters.push({
                  caseId: await caseIdOf(m.caseNumber),
                  solvedOnSpot: !!m.solvedOnSpot,
                  note: m.note || undefined,
                });
            return api(`/api/v1/receptions/${slot.id}/record`, {
              body: {
                batches: v.batches,
                persons: v.persons,
                decision: v.decision,
                matters,
                followUps: (v.followUps ?? '')
                  .split('\n')
                  .map((t) => t.trim())
                  .filter(Boolean)
                  .map((task) => ({ task })),
                attendedBookingIds: active.map((b) => b.id),
              },
            });
          },
          '已登记接访记录',
          after,
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="现场反映的新事项，请先在“登记”页面登记（来访），再填写其信访件编号。"
      />
      <Space>
        <ProFormDigit name="batches" label="接待批次" min={1} rules={[{ required: true }]} />
        <ProFormDigit name="persons" label="接待人次" min={1} rules={[{ required: true }]} />
      </Space>
      <ProFormList name="matters" label="反映事项" creatorButtonProps={{ creatorButtonText: '添加事项' }}>
        <Space align="start">
          <ProFormText
            name="caseNumber"
            label="信访件编号"
            rules={[{ required: true, message: '请填写信访件编号' }]}
          />
          <ProFormSwitch name="solvedOnSpot" label="当场解决" />
          <ProFormText name="note" label="说明" />
        </Space>
      </ProFormList>
      <ProFormTextArea
        name="decision"
        label="领导处理意见"
        rules={[{ required: true, message: '请填写领导处理意见' }]}
      />
      <ProFormTextArea name="followUps" label="后续任务（每行一项）" />
    </ModalForm>
  );
}

export default function ReceptionDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['reception', id],
    queryFn: () => api<SlotDetail>(`/api/v1/receptions/${id}`),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  const s = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['reception', id] });
  return (
    <PageContainer
      title={<h1 className="xf-h1">{`${s.leader} ${s.kindName}`}</h1>}
      extra={
        <Space>
          {s.can.book ? <BookForm id={s.id} after={refresh} /> : null}
          {s.can.record ? <RecordForm slot={s} after={refresh} /> : null}
          {s.can.cancel ? (
            <Button
              danger
              onClick={() =>
                run(
                  message,
                  () => api(`/api/v1/receptions/${s.id}/cancel`, { body: {} }),
                  '已取消接访',
                  refresh,
                )
              }
            >
              取消接访
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="接访方式">{s.kindName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[s.status]}>{s.statusName}</Tag>
            {s.cancelReason ? `（${s.cancelReason}）` : null}
          </Descriptions.Item>
          <Descriptions.Item label="时间">{`${s.date} ${s.time}`}</Descriptions.Item>
          <Descriptions.Item label="地点">{s.place}</Descriptions.Item>
          <Descriptions.Item label="接访主题">{s.topics}</Descriptions.Item>
          <Descriptions.Item label="预约">{`${s.capacity - s.seatsLeft}/${s.capacity}`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 className="xf-h2">预约</h2>} style={{ marginBottom: 16 }}>
        <Table<Booking>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={s.bookings}
          locale={{ emptyText: <Empty description="暂无预约" /> }}
          columns={[
            { title: '预约号', dataIndex: 'number', width: 90 },
            { title: '信访人', dataIndex: 'name', width: 100 },
            { title: '手机号', dataIndex: 'phone', width: 130, render: (v) => v ?? '—' },
            {
              title: '反映事项',
              key: 'matter',
              render: (_, b) =>
                b.caseId ? <Link to={`/cases/${b.caseId}`}>{b.caseNumber}</Link> : (b.matter ?? '—'),
            },
            { title: '人数', dataIndex: 'peopleCount', width: 60 },
            {
              title: '方式',
              dataIndex: 'via',
              width: 80,
              render: (v) => (v === 'portal' ? '网上预约' : '代约'),
            },
            { title: '状态', dataIndex: 'statusName', width: 80 },
            { title: '预约时间', dataIndex: 'bookedAt', width: 150, render: (v) => formatDateTime(v) },
          ]}
        />
      </Card>
      <Card title={<h2 className="xf-h2">接访记录</h2>}>
        {s.record ? (
          <>
            <Descriptions column={3} size="small">
              <Descriptions.Item label="接待批次">{s.record.batches}</Descriptions.Item>
              <Descriptions.Item label="接待人次">{s.record.persons}</Descriptions.Item>
              <Descriptions.Item label="当场解决">{`${s.record.solvedOnSpot}件`}</Descriptions.Item>
              <Descriptions.Item label="领导处理意见" span={3}>
                {s.record.decision}
              </Descriptions.Item>
              <Descriptions.Item label="登记人">{`${s.record.recordedBy} ${formatDateTime(s.record.recordedAt)}`}</Descriptions.Item>
            </Descriptions>
            <Table
              rowKey="caseId"
              size="small"
              pagination={false}
              dataSource={s.record.matters}
              columns={[
                {
                  title: '信访件编号',
                  dataIndex: 'caseNumber',
                  render: (v, m) => <Link to={`/cases/${m.caseId}`}>{v}</Link>,
                },
                { title: '事项', dataIndex: 'subject' },
                {
                  title: '当场解决',
                  dataIndex: 'solvedOnSpot',
                  render: (v) => (v ? <Tag color="green">当场解决</Tag> : '—'),
                },
                { title: '说明', dataIndex: 'note', render: (v) => v ?? '—' },
              ]}
            />
            {s.record.followUps.length ? (
              <>
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  后续任务
                </Typography.Title>
                <ul>
                  {s.record.followUps.map((f) => (
                    <li key={f.task}>
                      {f.task}
                      {f.unit ? `（${f.unit}）` : ''}
                      {f.deadline ? ` ${f.deadline}前` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <Empty description={s.status === 'cancelled' ? '接访已取消' : '接访结束后登记'} />
        )}
      </Card>
    </PageContainer>
  );
}
