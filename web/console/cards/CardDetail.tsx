// One rights card as staff read it: the face (number, holder, issuing body), the handling written on
// it, the visits made with it (越级 or not), the printable PDF, and the link to its matter.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { downloadFile } from '../download.ts';
import { Loading } from '../session.tsx';
import { Entries } from './Entries.tsx';
import type { Card as CardItem } from './types.ts';

export default function CardDetailPage() {
  const { no } = useParams();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['card', no], queryFn: () => api<CardItem>(`/api/v1/cards/${no}`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  const c = q.data;
  return (
    <PageContainer
      title={<h1 className="xf-h1">{`权益保障卡 ${c.cardNo}`}</h1>}
      extra={
        <Button
          type="primary"
          onClick={() =>
            downloadFile(`/api/v1/cards/${c.cardNo}/card.pdf`, 'card.pdf').catch((e) =>
              message.error(errorMessage(e)),
            )
          }
        >
          打印卡片（PDF）
        </Button>
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Card title={<h2 className="xf-h2">卡面</h2>} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="持卡人">{c.holder}</Descriptions.Item>
              <Descriptions.Item label="发卡机关">{`${c.unit}（${c.levelName}）`}</Descriptions.Item>
              <Descriptions.Item label="发卡日期">{formatDate(c.issuedAt)}</Descriptions.Item>
              <Descriptions.Item label="信访事项">
                <Link to={`/cases/${c.caseId}`}>{`${c.caseNumber} ${c.subject}`}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="办理状态">{c.stateName}</Descriptions.Item>
              <Descriptions.Item label="事项所在层级">{c.matterLevelName}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={12}>
          <Card title={<h2 className="xf-h2">办理情况记载</h2>} style={{ marginBottom: 16 }}>
            <Entries entries={c.entries} />
          </Card>
        </Col>
      </Row>
      <Card title={<h2 className="xf-h2">凭卡走访</h2>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.visits ?? []}
          columns={[
            { title: '时间', dataIndex: 'at', render: (v) => formatDateTime(v) },
            { title: '接待机关', dataIndex: 'unit' },
            {
              title: '核验结果',
              dataIndex: 'verdictName',
              render: (v, r) => <Tag color={r.skipped ? 'red' : 'green'}>{v}</Tag>,
            },
            { title: '引导告知书', dataIndex: 'guidanceIssued', render: (v) => (v ? '已出具' : '—') },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
