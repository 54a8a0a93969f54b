// 分类建议的准确程度: how the classifier's suggestions kept at intake held up against the categories
// the matters were filed under, in the page's place over the last months (GET
// /api/v1/intake/suggestion-quality; docs/classifier.md) — the figure that says whether registrars
// can lean on the suggestion, by category and by how sure the suggestion was.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import type { SuggestionQualityItem } from '../../../src/intake/contract.ts';
import { MIN_RATE_SAMPLE, pct } from '../../shared/analytics/format.ts';
import { api, errorMessage } from '../../shared/api.ts';

const MONTHS = [3, 6, 12] as const;

/** A rate with the matters behind it; grey and unalarming below the sample the statistics trust. */
function Rate({ value, of, count = true }: { value: number | null; of: number; count?: boolean }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      <Typography.Text type={of < MIN_RATE_SAMPLE ? 'secondary' : undefined}>{pct(value)}</Typography.Text>
      {count ? <Typography.Text type="secondary">（{of} 件）</Typography.Text> : null}
    </span>
  );
}

export function SuggestionQuality({ code }: { code: string }) {
  const [months, setMonths] = useState<number>(6);
  const q = useQuery({
    queryKey: ['suggestion-quality', code, months],
    queryFn: () =>
      api<SuggestionQualityItem>(`/api/v1/intake/suggestion-quality?scope=${code}&months=${months}`),
  });
  const d = q.data;
  return (
    <Card
      title="分类建议的准确程度"
      style={{ marginTop: 16 }}
      extra={
        <Segmented
          aria-label="统计时段"
          value={months}
          onChange={(v) => setMonths(Number(v))}
          options={MONTHS.map((m) => ({ value: m, label: `近 ${m} 个月` }))}
        />
      }
      loading={q.isPending}
    >
      <Typography.Paragraph type="secondary">
        登记时系统给出的内容分类建议，与事项最终归入的类别对照（{code}
        及下级，按登记时间）。“登记时自行填写”的事项不受建议提示，最能说明建议本身的准确程度。
      </Typography.Paragraph>
      {q.error ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : null}
      {d && d.matters === 0 ? (
        <Alert
          type="info"
          showIcon
          message="这段时间还没有已确定类别、且登记时有分类建议的事项"
          description={d.pending ? `另有 ${d.pending} 件的建议待确认。` : undefined}
        />
      ) : null}
      {d && d.matters > 0 ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {d.matters < MIN_RATE_SAMPLE ? (
            <Alert type="warning" showIcon message={`仅 ${d.matters} 件事项，比例仅供参考`} />
          ) : null}
          <Row gutter={24}>
            <Col xs={12} md={6}>
              <Statistic title="首选建议即最终类别" value={pct(d.firstRight)} />
              <Typography.Text type="secondary">{d.matters} 件</Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="前三项建议含最终类别" value={pct(d.inTopThree)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="登记时自填类别、与首选建议一致"
                value={pct(d.givenAtRegistration.firstRight)}
              />
              <Typography.Text type="secondary">{d.givenAtRegistration.matters} 件</Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="建议待确认" value={d.pending} suffix="件" />
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={d.byCategory}
            columns={[
              { title: '最终类别', dataIndex: 'name' },
              { title: '事项', dataIndex: 'matters', align: 'right' },
              {
                title: '首选建议即此类',
                render: (_, c) =>
                  c.suggestable ? (
                    <Rate value={c.firstRight} of={c.matters} count={false} />
                  ) : (
                    <Typography.Text type="secondary">不作建议，由登记人选择</Typography.Text>
                  ),
              },
              {
                title: '建议为此类时确属此类',
                render: (_, c) => <Rate value={c.precision} of={c.suggested} />,
              },
            ]}
          />
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Typography.Title level={5}>按建议的把握程度</Typography.Title>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={d.bands}
                columns={[
                  { title: '建议概率', dataIndex: 'label' },
                  { title: '平均概率', render: (_, b) => pct(b.meanConfidence) },
                  {
                    title: '实际归入首选建议',
                    render: (_, b) => <Rate value={b.firstRight} of={b.matters} />,
                  },
                ]}
              />
              <Typography.Text type="secondary">
                两列相近，说明建议显示的概率可信。
                {d.byVersion.some((v) => v.modelVersion === 'lexicon')
                  ? '内置关键词表的概率未经数据校准，训练模型后方可参照。'
                  : ''}
              </Typography.Text>
            </Col>
            <Col xs={24} md={12}>
              <Typography.Title level={5}>常见改判</Typography.Title>
              {d.corrections.length === 0 ? (
                <Typography.Text type="secondary">没有改判的事项</Typography.Text>
              ) : (
                <ul className="xf-plain-list">
                  {d.corrections.map((c) => (
                    <li key={`${c.suggestedCode}-${c.finalCode}`}>
                      建议“{c.suggestedName}”，归入“{c.finalName}”：{c.matters} 件
                    </li>
                  ))}
                </ul>
              )}
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                按模型
              </Typography.Title>
              <ul className="xf-plain-list">
                {d.byVersion.map((v) => (
                  <li key={v.modelVersion}>
                    {v.modelName}：首选即最终类别 <Rate value={v.firstRight} of={v.matters} />
                    ，前三项含最终类别 {pct(v.inTopThree)}
                  </li>
                ))}
              </ul>
            </Col>
          </Row>
        </Space>
      ) : null}
    </Card>
  );
}
