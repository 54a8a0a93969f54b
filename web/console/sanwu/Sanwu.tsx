// 三无县（市、区）评定: the counties of the caller's scope for a year with their status and result;
// each row opens its evidence (per criterion: from the platform with its count and the matters
// behind it, or entered by hand). A supervisor or leader of the bureau above records an evaluation
// (the manual criteria met or not, with the basis); its leader decides it.
import {
  ModalForm,
  PageContainer,
  ProFormRadio,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { criteriaOf } from '../../../src/domain/linkage/sanwu.ts';
import type { EvaluationsAnswer } from '../../../src/sanwu/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { submit } from '../linkage/forms.tsx';
import type { SanwuEvaluation } from '../linkage/types.ts';

type ListAnswer = EvaluationsAnswer;

const metTag = (met: boolean | null) =>
  met === null ? <Tag>待认定</Tag> : met ? <Tag color="green">达到</Tag> : <Tag color="red">未达到</Tag>;

function Evidence({ e }: { e: SanwuEvaluation }) {
  if (!e.evidence.length) return <Typography.Text type="secondary">尚未评定</Typography.Text>;
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={e.evidence}
      columns={[
        { title: '标准', dataIndex: 'name' },
        {
          title: '依据',
          key: 'src',
          width: 90,
          render: (_, x) =>
            x.evidence === 'platform' ? <Tag color="blue">平台数据</Tag> : <Tag>人工认定</Tag>,
        },
        {
          title: '平台统计',
          key: 'count',
          width: 200,
          render: (_, x) =>
            x.count === null ? (
              '—'
            ) : (
              <Space size={4} wrap>
                <span>{x.count} 件</span>
                {x.caseIds.slice(0, 5).map((id) => (
                  <Link key={id} to={`/cases/${id}`}>
                    #{id}
                  </Link>
                ))}
              </Space>
            ),
        },
        { title: '结论', key: 'met', width: 90, render: (_, x) => metTag(x.met) },
        { title: '说明', dataIndex: 'note', render: (v) => v ?? '' },
      ]}
    />
  );
}

function RecordForm(props: { e: SanwuEvaluation; onDone: () => unknown }) {
  const { message } = App.useApp();
  const manual = criteriaOf(props.e.year).filter((c) => c.evidence === 'manual');
  const initial: Record<string, unknown> = { opinion: props.e.opinion ?? undefined };
  for (const x of props.e.evidence)
    if (x.evidence === 'manual') {
      initial[`met_${x.key}`] = x.met === null ? undefined : x.met ? 'yes' : 'no';
      initial[`note_${x.key}`] = x.note ?? undefined;
    }
  return (
    <ModalForm<Record<string, string>>
      title={`${props.e.name} ${props.e.year}年度三无评定`}
      width={620}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      initialValues={initial}
      trigger={<Button size="small">{props.e.id ? '修改评定' : '评定'}</Button>}
      onFinish={(v) =>
        submit(
          message,
          () =>
            api('/api/v1/sanwu/evaluations', {
              body: {
                jurisdiction: props.e.jurisdictionCode,
                year: props.e.year,
                manual: manual
                  .filter((c) => v[`met_${c.key}`])
                  .map((c) => ({
                    key: c.key,
                    met: v[`met_${c.key}`] === 'yes',
                    note: v[`note_${c.key}`] || undefined,
                  })),
                opinion: v.opinion || undefined,
              },
            }),
          '已保存评定（平台数据已重新计算）',
          props.onDone,
        )
      }
    >
      <Typography.Paragraph type="secondary">
        平台数据类标准按本年度数据自动认定，保存时重新计算。
      </Typography.Paragraph>
      {manual.map((c) => (
        <div key={c.key}>
          <ProFormRadio.Group
            name={`met_${c.key}`}
            label={`${c.name}（${c.hint}）`}
            options={[
              { value: 'yes', label: '达到' },
              { value: 'no', label: '未达到' },
            ]}
          />
          <ProFormText name={`note_${c.key}`} placeholder="依据说明" fieldProps={{ maxLength: 1000 }} />
        </div>
      ))}
      <ProFormTextArea name="opinion" label="评定意见（可选）" fieldProps={{ maxLength: 2000 }} />
    </ModalForm>
  );
}

export default function SanwuPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({
    queryKey: ['sanwu', year],
    queryFn: () => api<ListAnswer>(`/api/v1/sanwu/evaluations?year=${year}`),
    retry: false,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['sanwu'] });
  const decide = async (id: number) => {
    try {
      await api(`/api/v1/sanwu/evaluations/${id}/decide`, { body: {} });
      message.success('已作出评定');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const criteria = criteriaOf(year);
  return (
    <PageContainer
      title={<h1 className="xf-h1">三无县（市、区）评定</h1>}
      content={
        <Typography.Text type="secondary">
          {year}年度标准：{criteria.map((c) => c.name).join('、')}
          。由上级信访部门评定，领导作出评定后不再修改。
        </Typography.Text>
      }
      extra={
        <Select
          aria-label="年度"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: `${y}年度` }))}
        />
      }
    >
      {q.isError ? <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          ['县（市、区）', q.data?.summary.counties ?? 0],
          ['已评定', q.data?.summary.decided ?? 0],
          ['达标（三无县）', q.data?.summary.qualified ?? 0],
        ].map(([label, n]) => (
          <Col span={8} key={label}>
            <Card size="small">
              <Statistic title={label} value={n} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Table<SanwuEvaluation>
          rowKey="jurisdictionCode"
          size="middle"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={false}
          expandable={{ expandedRowRender: (e) => <Evidence e={e} />, rowExpandable: (e) => e.id !== null }}
          columns={[
            { title: '县（市、区）', dataIndex: 'name', width: 140 },
            {
              title: '状态',
              key: 'status',
              width: 100,
              render: (_, e) => (
                <Tag
                  color={e.status === 'decided' ? 'green' : e.status === 'draft' ? 'processing' : 'default'}
                >
                  {e.statusName}
                </Tag>
              ),
            },
            {
              title: '结果',
              key: 'result',
              width: 170,
              render: (_, e) =>
                e.resultName ? (
                  <Tag color={e.result === 'qualified' ? 'green' : 'red'}>{e.resultName}</Tag>
                ) : e.id ? (
                  <Tag>待补充人工认定</Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: '未达到的标准',
              key: 'failed',
              render: (_, e) =>
                e.evidence
                  .filter((x) => x.met === false)
                  .map((x) => x.name)
                  .join('、') || '—',
            },
            {
              title: '操作',
              key: 'act',
              width: 180,
              render: (_, e) => (
                <Space size={4}>
                  {e.canEvaluate ? <RecordForm e={e} onDone={refresh} /> : null}
                  {e.canDecide && e.id ? (
                    <Popconfirm
                      title={`按当前依据作出评定：${e.resultName}？`}
                      onConfirm={() => decide(e.id as number)}
                    >
                      <Button size="small" type="primary">
                        作出评定
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
