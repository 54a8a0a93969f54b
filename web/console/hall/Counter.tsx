// 接待大厅 (counter): register a visitor and issue the queue number; the ID number typed or read
// (keyboard-wedge reader, idReader.ts) shows the visitor's earlier matters at once; group visits
// name their ≤ 5 representatives; call the next number to this window, finish or mark left; the
// lawyers on duty today and their consultations on a matter; a link to the waiting-room display.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { keyboardWedgeReader } from './idReader.ts';
import type { Duty, History, Visit } from './types.ts';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const ID_RE = /^\d{17}[\dXx]$/;

interface RegisterValues {
  idNumber?: string;
  name: string;
  phone?: string;
  visitors: number;
  representatives?: { name: string }[];
  purpose: string;
}

function HistoryCard({ history }: { history: History | null }) {
  if (!history)
    return (
      <Card size="small" title="来访人以往信访事项">
        <Empty description="录入或读取身份证号后显示" />
      </Card>
    );
  return (
    <Card size="small" title={`来访人以往信访事项（${history.idNumber}）`} data-testid="visitor-history">
      {history.matters.length === 0 && history.visits.length === 0 ? (
        <Typography.Text>无以往信访记录（初次来访）</Typography.Text>
      ) : null}
      <List
        size="small"
        dataSource={history.matters}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              <Link to={`/cases/${m.id}`}>{m.caseNumber}</Link>
              {m.subject}
              <Tag>{m.stateName}</Tag>
              <Typography.Text type="secondary">{formatDateTime(m.receivedAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {history.visits.length ? (
        <Typography.Text type="secondary">
          本大厅来访 {history.visits.length} 次：
          {history.visits.map((v) => `${v.day} ${v.queueLabel}号`).join('；')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

function Lawyers({ onConsult }: { onConsult: (d: Duty) => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ lawyerName: string; firm: string; specialty?: string }>();
  const q = useQuery({
    queryKey: ['hall', 'lawyers', today()],
    queryFn: () => api<{ items: Duty[] }>(`/api/v1/hall/lawyers?from=${today()}&to=${today()}`),
  });
  const add = async (v: { lawyerName: string; firm: string; specialty?: string }) => {
    try {
      await api('/api/v1/hall/lawyers', { body: { ...v, day: today() } });
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['hall', 'lawyers'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card size="small" title="今日值班法律顾问" style={{ marginTop: 16 }}>
      <List
        size="small"
        locale={{ emptyText: '今日无律师值班' }}
        dataSource={q.data?.items ?? []}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button key="c" size="small" onClick={() => onConsult(d)}>
                记录咨询意见
              </Button>,
            ]}
          >
            {d.lawyerName}（{d.firm}
            {d.specialty ? `，${d.specialty}` : ''}）· 已接待咨询 {d.consultations} 次
          </List.Item>
        )}
      />
      <Form form={form} layout="inline" onFinish={add} style={{ marginTop: 8 }}>
        <Form.Item name="lawyerName" rules={[{ required: true, message: '请填写律师姓名' }]}>
          <Input placeholder="律师姓名" aria-label="律师姓名" />
        </Form.Item>
        <Form.Item name="firm" rules={[{ required: true, message: '请填写律师事务所' }]}>
          <Input placeholder="律师事务所" aria-label="律师事务所" />
        </Form.Item>
        <Form.Item name="specialty">
          <Input placeholder="擅长领域" aria-label="擅长领域" />
        </Form.Item>
        <Button htmlType="submit">安排值班</Button>
      </Form>
    </Card>
  );
}

export default function HallCounterPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RegisterValues>();
  const [history, setHistory] = useState<History | null>(null);
  const [issued, setIssued] = useState<Visit | null>(null);
  const [counter, setCounter] = useState('1号窗口');
  const [consulting, setConsulting] = useState<Duty | null>(null);
  const [consult] = Form.useForm<{ caseId?: number; advice: string }>();
  const queue = useQuery({
    queryKey: ['hall', 'queue'],
    queryFn: () => api<{ day: string; items: Visit[] }>('/api/v1/hall/queue'),
    refetchInterval: 5000,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['hall'] });

  const lookup = async (idNumber: string) => {
    if (!ID_RE.test(idNumber)) return;
    try {
      setHistory(await api<History>('/api/v1/hall/lookup', { body: { idNumber } }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  // A keyboard-wedge reader types the number wherever the focus is: put it in the field, look it up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one reader for the page's life; lookup only calls setters
  useEffect(
    () =>
      keyboardWedgeReader().start((id) => {
        form.setFieldValue('idNumber', id);
        void lookup(id);
      }),
    [],
  );

  const register = async (v: RegisterValues) => {
    try {
      const r = await api<{ visit: Visit; history: History | null }>('/api/v1/hall/visits', {
        body: {
          ...v,
          idNumber: v.idNumber || undefined,
          phone: v.phone || undefined,
          representatives: v.representatives ?? [],
        },
      });
      setIssued(r.visit);
      if (r.history) setHistory(r.history);
      form.resetFields();
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const step = (path: string, body?: unknown) => async () => {
    try {
      const r = await api<{ visit: Visit | null }>(`/api/v1/hall/${path}`, { method: 'POST', body });
      if (path === 'call-next' && !r.visit) message.info('没有等候的来访人');
      else if (r.visit?.status === 'called')
        message.success(`已叫号：${r.visit.queueLabel}号 到 ${r.visit.counter}`);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <PageContainer
      title={<h1 className="xf-h1">接待大厅</h1>}
      extra={
        <Space wrap>
          <Input
            value={counter}
            onChange={(e) => setCounter(e.target.value)}
            style={{ width: 120 }}
            aria-label="接待窗口"
          />
          <Button type="primary" onClick={step('call-next', { counter })}>
            叫下一号
          </Button>
          <Link to="/hall/display" target="_blank">
            打开叫号屏
          </Link>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title="来访登记取号">
            {issued ? (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 12 }}
                message={`取号成功：${issued.queueLabel}号（${issued.name}，${issued.visitors}人）`}
              />
            ) : null}
            <Form form={form} layout="vertical" onFinish={register} initialValues={{ visitors: 1 }}>
              <Form.Item name="idNumber" label="身份证号（可用读卡器读取）">
                <Input
                  maxLength={18}
                  onChange={(e) => void lookup(e.target.value.trim())}
                  placeholder="18位身份证号码"
                />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="phone" label="手机号码">
                    <Input maxLength={11} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="visitors"
                label="来访人数"
                rules={[{ required: true, message: '请填写来访人数' }]}
              >
                <InputNumber min={1} max={10000} />
              </Form.Item>
              <Form.List name="representatives">
                {(fields, { add, remove }) => (
                  <Form.Item label="推选代表（5人以上走访须推选，不超过5人）">
                    {fields.map((f, i) => (
                      <Space key={f.key} style={{ display: 'flex', marginBottom: 4 }}>
                        <Form.Item
                          name={[f.name, 'name']}
                          noStyle
                          rules={[{ required: true, message: '请填写代表姓名' }]}
                        >
                          <Input placeholder={`代表${i + 1}姓名`} aria-label={`代表${i + 1}姓名`} />
                        </Form.Item>
                        <Button onClick={() => remove(f.name)}>删除</Button>
                      </Space>
                    ))}
                    {fields.length < 5 ? (
                      <Button onClick={() => add()}>添加代表</Button>
                    ) : (
                      <Typography.Text type="secondary">代表不超过5人</Typography.Text>
                    )}
                  </Form.Item>
                )}
              </Form.List>
              <Form.Item
                name="purpose"
                label="来访事由"
                rules={[{ required: true, message: '请填写来访事由' }]}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                登记取号
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <HistoryCard history={history} />
          <Lawyers onConsult={setConsulting} />
        </Col>
      </Row>
      <Card size="small" title={`今日排队（${queue.data?.day ?? ''}）`} style={{ marginTop: 16 }}>
        <Table<Visit>
          rowKey="id"
          size="small"
          loading={queue.isPending}
          dataSource={queue.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '号码', dataIndex: 'queueLabel' },
            { title: '姓名', dataIndex: 'name' },
            {
              title: '人数',
              dataIndex: 'visitors',
              render: (n: number, v) =>
                v.representatives.length ? `${n}（代表：${v.representatives.join('、')}）` : n,
            },
            { title: '事由', dataIndex: 'purpose' },
            {
              title: '状态',
              dataIndex: 'statusName',
              render: (s: string, v) => (
                <Tag color={v.status === 'called' ? 'red' : v.status === 'waiting' ? 'blue' : 'default'}>
                  {s}
                  {v.counter && v.status === 'called' ? ` · ${v.counter}` : ''}
                </Tag>
              ),
            },
            {
              title: '操作',
              render: (_: unknown, v) =>
                v.status === 'waiting' || v.status === 'called' ? (
                  <Space>
                    <Button size="small" onClick={step(`visits/${v.id}/call`, { counter })}>
                      {v.status === 'called' ? '重叫' : '叫号'}
                    </Button>
                    {v.status === 'called' ? (
                      <Button size="small" onClick={step(`visits/${v.id}/finish`, {})}>
                        接待完毕
                      </Button>
                    ) : null}
                    <Button size="small" onClick={step(`visits/${v.id}/leave`)}>
                      过号
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        title={consulting ? `记录法律咨询意见：${consulting.lawyerName}` : ''}
        open={consulting !== null}
        onCancel={() => setConsulting(null)}
        onOk={() => consult.submit()}
        okText="记入信访事项"
        destroyOnHidden
      >
        <Form
          form={consult}
          layout="vertical"
          onFinish={async (v) => {
            try {
              await api('/api/v1/hall/consultations', {
                body: { dutyId: consulting?.id, caseId: v.caseId, advice: v.advice },
              });
              message.success('咨询意见已记入信访事项');
              setConsulting(null);
              await refresh();
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          <Form.Item
            name="caseId"
            label="信访事项编号（内部编号）"
            rules={[{ required: true, message: '请填写信访事项编号' }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="advice"
            label="法律咨询意见"
            rules={[{ required: true, message: '请填写咨询意见' }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
