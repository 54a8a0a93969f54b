// 权益保障卡: the registrar's counter tools — check the card a visitor shows (typed or scanned: 越级 or
// not, with the guidance notice to download; the counter's past checks below) and issue a card for a first visit — and the cards of
// the jurisdiction with the 越级上访率 (cards issued, visits with a card, 越级 visits).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Row,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';
import { Entries } from './Entries.tsx';
import type { Card as CardItem, CardRates, CheckAnswer, CheckedVisit } from './types.ts';

const downloadGuidance = (visitId: number) =>
  downloadFile(`/api/v1/cards/visits/${visitId}/guidance.docx`, 'guidance.docx');

/** 核验记录: the checks made at this bureau's counter, newest first; 越级 ones with their notice. */
function CheckedVisits() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const visits = useQuery({
    queryKey: ['card-visits'],
    queryFn: () => api<{ items: CheckedVisit[] }>('/api/v1/cards/visits'),
  });
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        本单位核验记录
      </Typography.Title>
      {visits.isError ? <Typography.Text type="danger">{errorMessage(visits.error)}</Typography.Text> : null}
      <Table<CheckedVisit>
        rowKey="id"
        size="middle"
        loading={visits.isPending}
        dataSource={visits.data?.items ?? []}
        locale={{ emptyText: '本单位尚未核验过权益保障卡' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '核验时间', dataIndex: 'at', width: 160, render: (v) => formatDateTime(v) },
          { title: '卡号', dataIndex: 'cardNo', render: (v) => <Link to={`/cards/${v}`}>{v}</Link> },
          { title: '持卡人', dataIndex: 'holder', width: 90 },
          {
            title: '信访事项',
            dataIndex: 'subject',
            render: (v, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link>,
          },
          {
            title: '核验结果',
            dataIndex: 'verdictName',
            width: 120,
            render: (v, r) => (r.skipped ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
          { title: '事项所在层级', dataIndex: 'rightLevelName', width: 110 },
          {
            title: '引导告知书',
            key: 'guidance',
            width: 120,
            render: (_, r) =>
              r.skipped ? (
                <Button
                  size="small"
                  onClick={() =>
                    downloadGuidance(r.id)
                      .then(() => qc.invalidateQueries({ queryKey: ['card-visits'] }))
                      .catch((e) => message.error(errorMessage(e)))
                  }
                >
                  {r.guidanceIssued ? '再次下载' : '出具'}
                </Button>
              ) : (
                '—'
              ),
          },
          { title: '核验人', dataIndex: 'checkedBy', width: 150, ellipsis: true },
        ]}
      />
    </>
  );
}

function CheckVisit() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [cardNo, setCardNo] = useState('');
  const [answer, setAnswer] = useState<CheckAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      setAnswer(await api<CheckAnswer>('/api/v1/cards/check-visit', { body: { cardNo } }));
      await qc.invalidateQueries({ queryKey: ['card-visits'] });
    } catch (e) {
      setAnswer(null);
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <Space.Compact style={{ width: 560, marginBottom: 16 }}>
        <Input
          aria-label="权益保障卡号"
          placeholder="输入卡号，或用扫码枪扫描卡上二维码"
          value={cardNo}
          onChange={(e) => setCardNo(e.target.value)}
          onPressEnter={check}
        />
        <Button type="primary" loading={busy} onClick={check} disabled={!cardNo.trim()}>
          核验
        </Button>
      </Space.Compact>
      {answer ? (
        <>
          <Alert
            type={answer.skipped ? 'error' : 'success'}
            showIcon
            message={answer.verdictName}
            description={answer.message}
            action={
              answer.skipped ? (
                <Button
                  onClick={() =>
                    downloadGuidance(answer.visitId)
                      .then(() => qc.invalidateQueries({ queryKey: ['card-visits'] }))
                      .catch((e) => message.error(errorMessage(e)))
                  }
                >
                  出具引导告知书
                </Button>
              ) : undefined
            }
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph>
            持卡人：{answer.holder}　卡号：{answer.card.cardNo}　发卡机关：{answer.card.unit}（
            {answer.card.levelName}）　信访件编号：
            {answer.card.caseNumber}
          </Typography.Paragraph>
          <Entries entries={answer.card.entries} />
        </>
      ) : null}
      <CheckedVisits />
    </Card>
  );
}

function Issue() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [caseNumber, setCaseNumber] = useState('');
  return (
    <Card>
      <Typography.Paragraph type="secondary">
        向初次走访的信访人发放权益保障卡：先在“登记”页面登记来访，再填写其信访件编号。
      </Typography.Paragraph>
      <Space.Compact style={{ width: 480 }}>
        <Input
          aria-label="信访件编号"
          placeholder="信访件编号"
          value={caseNumber}
          onChange={(e) => setCaseNumber(e.target.value)}
        />
        <Button
          type="primary"
          disabled={!caseNumber.trim()}
          onClick={async () => {
            try {
              const c = await api<CardItem>('/api/v1/cards', { body: { caseNumber: caseNumber.trim() } });
              message.success(`已发卡：${c.cardNo}`);
              navigate(`/cards/${c.cardNo}`);
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          发卡
        </Button>
      </Space.Compact>
    </Card>
  );
}

function List() {
  const me = useStaff();
  const [q, setQ] = useState('');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const cards = useQuery({
    queryKey: ['cards', q],
    queryFn: () => api<{ items: CardItem[] }>(`/api/v1/cards${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  });
  const rates = useQuery({
    queryKey: ['card-rates', from, to],
    queryFn: () => api<CardRates>(`/api/v1/cards/rates?from=${from}&to=${to}`),
  });
  const r = rates.data;
  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <span>{me.jurisdiction?.name}</span>
        <DatePicker.RangePicker
          aria-label="统计期间"
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
      </Space>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          ['发卡数', r?.issued ?? 0, ''],
          ['凭卡走访', r?.visitsWithCard ?? 0, '次'],
          ['越级走访', r?.skipped ?? 0, '次'],
          ['越级上访率', r?.skipRate ?? '—', r?.skipRate === null ? '' : '%'],
        ].map(([label, n, suffix]) => (
          <Col span={6} key={String(label)}>
            <Card size="small">
              <Statistic title={label} value={n} suffix={suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Input.Search
        aria-label="查找卡号"
        placeholder="卡号"
        allowClear
        style={{ width: 320, marginBottom: 12 }}
        onSearch={setQ}
      />
      {cards.isError ? <Typography.Text type="danger">{errorMessage(cards.error)}</Typography.Text> : null}
      <Table<CardItem>
        rowKey="id"
        size="middle"
        loading={cards.isPending}
        dataSource={cards.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '卡号', dataIndex: 'cardNo', render: (v) => <Link to={`/cards/${v}`}>{v}</Link> },
          { title: '持卡人', dataIndex: 'holder', width: 100 },
          {
            title: '信访事项',
            dataIndex: 'subject',
            render: (v, c) => <Link to={`/cases/${c.caseId}`}>{v}</Link>,
          },
          { title: '发卡机关', dataIndex: 'unit' },
          { title: '办理状态', dataIndex: 'stateName', width: 110 },
          { title: '发卡日期', dataIndex: 'issuedAt', width: 120, render: (v) => formatDate(v) },
        ]}
      />
    </Card>
  );
}

export default function CardsPage() {
  const me = useStaff();
  const registrar = me.abilities.rightsCardCheck;
  return (
    <PageContainer title={<h1 className="xf-h1">权益保障卡</h1>}>
      <Tabs
        items={[
          ...(registrar
            ? [
                { key: 'check', label: '凭卡核验', children: <CheckVisit /> },
                { key: 'issue', label: '发卡', children: <Issue /> },
              ]
            : []),
          { key: 'list', label: '发卡统计', children: <List /> },
        ]}
      />
    </PageContainer>
  );
}
