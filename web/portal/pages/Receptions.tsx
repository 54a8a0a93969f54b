// 领导接访: the published calendar (who receives, when, where, on which topics, seats left — open to
// all, no login), booking a seat with one of one's matters or a short description of a new one
// (login), and one's bookings with cancelling. 约访 are by invitation: staff book them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyBooking, PublicSlot as Slot } from '../../../src/receptions/contract.ts';
import { api, type CaseSummary, errorMessage } from '../../shared/api.ts';
import { Loading, useMe } from '../session.tsx';

function BookDialog({ slot, onClose }: { slot: Slot; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ caseId?: number; matter?: string }>();
  const [busy, setBusy] = useState(false);
  const cases = useQuery({
    queryKey: ['cases'],
    queryFn: () => api<{ items: CaseSummary[] }>('/api/v1/cases?pageSize=100'),
  });
  return (
    <Modal
      open
      title={t('预约接访')}
      okText={t('确认预约')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          const r = await api<{ number: string }>('/api/v1/my/receptions', {
            body: { slotId: slot.id, caseId: v.caseId, matter: v.matter?.trim() || undefined },
          });
          message.success(t('预约成功，预约号{{n}}，短信已发送', { n: r.number }));
          await qc.invalidateQueries({ queryKey: ['receptions'] });
          onClose();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>
        {slot.date} {slot.time} · {slot.leader} · {slot.place}
      </p>
      <Form form={form} layout="vertical">
        <Form.Item name="caseId" label={t('反映的信访事项')}>
          <Select
            allowClear
            aria-label={t('反映的信访事项')}
            placeholder={t('选择我的信访事项')}
            options={(cases.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.caseNumber} ${c.subject}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="matter" label={t('或简要描述新的事项')}>
          <Input.TextArea aria-label={t('或简要描述新的事项')} maxLength={300} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MyBookings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['receptions', 'mine'],
    queryFn: () => api<{ items: MyBooking[] }>('/api/v1/my/receptions'),
  });
  if (!q.data?.items.length) return null;
  return (
    <Card className="xf-card" title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('我的预约')}</h2>}>
      <List
        dataSource={q.data.items}
        renderItem={(b) => (
          <List.Item
            key={b.id}
            actions={
              b.status === 'booked'
                ? [
                    <Button
                      key="cancel"
                      size="small"
                      onClick={async () => {
                        try {
                          await api(`/api/v1/bookings/${b.id}/cancel`, { body: {} });
                          message.success(t('已取消预约'));
                          await qc.invalidateQueries({ queryKey: ['receptions'] });
                        } catch (e) {
                          message.error(errorMessage(e));
                        }
                      }}
                    >
                      {t('取消预约')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${b.slot.date} ${b.slot.time} ${b.slot.leader}${b.slot.kindName}`}
              description={
                <>
                  <Tag color={b.status === 'booked' ? 'red' : 'default'}>{b.statusName}</Tag>
                  {t('预约号')} {b.number} · {b.slot.place}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function ReceptionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [booking, setBooking] = useState<Slot | null>(null);
  const q = useQuery({
    queryKey: ['receptions', 'public'],
    queryFn: () => api<{ items: Slot[] }>('/api/v1/public/receptions'),
  });
  const citizen = me.data?.abilities.receptionBook === true;
  const mine = useQuery({
    queryKey: ['receptions', 'mine'],
    queryFn: () => api<{ items: MyBooking[] }>('/api/v1/my/receptions'),
    enabled: citizen,
  });
  const booked = new Set((mine.data?.items ?? []).filter((b) => b.status === 'booked').map((b) => b.slot.id));
  if (q.isPending) return <Loading />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {citizen ? <MyBookings /> : null}
      <Card className="xf-card" title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('领导接访日程')}</h2>}>
        {q.data.items.length === 0 ? (
          <Empty description={t('近期没有安排领导接访')} />
        ) : (
          <List
            itemLayout="vertical"
            dataSource={q.data.items}
            renderItem={(s) => (
              <List.Item
                key={s.id}
                actions={[
                  s.status !== 'open' ? (
                    <Tag key="s">{s.statusName}</Tag>
                  ) : !s.citizenBooks ? (
                    <span key="i" className="xf-muted">
                      {t('约访由工作人员联系预约')}
                    </span>
                  ) : booked.has(s.id) ? (
                    <Tag key="m" color="red">
                      {t('已预约')}
                    </Tag>
                  ) : s.seatsLeft === 0 ? (
                    <Tag key="f">{t('已约满')}</Tag>
                  ) : citizen ? (
                    <Button
                      key="b"
                      type="primary"
                      size="small"
                      onClick={() => setBooking(s)}
                      aria-label={`${t('预约')} ${s.leader}`}
                    >
                      {t('预约')}
                    </Button>
                  ) : (
                    <Link key="l" to="/login">
                      {t('登录后预约')}
                    </Link>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      <Tag color={s.kind === 'video' ? 'purple' : 'red'}>{s.kindName}</Tag>
                      {s.date} {s.time} {s.leader}
                    </span>
                  }
                  description={
                    <>
                      <div>
                        {t('地点')}：{s.place}
                      </div>
                      <div>
                        {t('主题')}：{s.topics}
                      </div>
                      <div className="xf-muted">
                        {s.unit} · {t('剩余名额')} {s.seatsLeft}/{s.capacity}
                      </div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {booking ? <BookDialog slot={booking} onClose={() => setBooking(null)} /> : null}
    </Space>
  );
}
