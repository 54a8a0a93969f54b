// 热点问题 panel of 数据分析: the hotspots of the window (GET /analytics/hotspots), each with its size
// (the count opens the cases), petitioners, first and last date, a small trend of cases per day or
// week, and — when it was put together from several parts — why: the same place and matter, a
// shared name, the same petitioner again or the same matter, with the words they share and the
// cases of each part (docs/hotspots.md).
import { Badge, Card, List, Popover, Space, Tag, Typography } from 'antd';
import { hotspotTitle } from '../../../src/domain/hotspotSubject.ts';
import { type Filters, type Hotspot, type HotspotMerge, useHotspots } from '../../shared/analytics/api.ts';
import { CaseLinks, State } from './Panels.tsx';

const REASONS: Record<HotspotMerge['reason'], string> = {
  place: '同一地点、同一事项',
  name: '同一名称、同一事项',
  topic: '同一主题（无具体地点）',
  follow_up: '同一信访人再次反映',
  matter: '同一事项',
};

const UNITS = { day: '日', week: '周', month: '30日' } as const;

/** Cases per period as a row of bars (no chart library: one per list item). */
function Trend({ trend }: { trend: NonNullable<Hotspot['trend']> }) {
  const max = Math.max(1, ...trend.counts);
  const w = 3;
  const h = 18;
  return (
    <svg
      role="img"
      aria-label={`按${UNITS[trend.unit]}件数：${trend.counts.join('、')}`}
      width={trend.counts.length * (w + 1)}
      height={h}
      style={{ verticalAlign: 'middle' }}
    >
      {trend.counts.map((n, i) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: one bar per day of a fixed window
          key={i}
          x={i * (w + 1)}
          y={h - Math.max(n > 0 ? 2 : 0, (n / max) * h)}
          width={w}
          height={Math.max(n > 0 ? 2 : 0, (n / max) * h)}
          fill={n > 0 ? '#c41d1d' : '#d9d9d9'}
        />
      ))}
    </svg>
  );
}

/** Why the parts of a hotspot were merged, one line per part, with its cases. */
export function MergeEvidence({ merges }: { merges: HotspotMerge[] }) {
  return (
    <List<HotspotMerge>
      size="small"
      style={{ maxWidth: 420 }}
      dataSource={merges}
      renderItem={(m) => (
        <List.Item>
          <Space direction="vertical" size={2}>
            <span>
              <Tag>{REASONS[m.reason]}</Tag>
              {m.place ? <Typography.Text strong>{m.place}</Typography.Text> : null}
              <Typography.Text type="secondary">
                （{m.caseIds.length}件，相似度{m.similarity.toFixed(2)}）
              </Typography.Text>
            </span>
            {m.shared.length > 0 ? (
              <Typography.Text type="secondary">共同词：{m.shared.join('、')}</Typography.Text>
            ) : null}
            <CaseLinks ids={m.caseIds} />
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Where a county's hotspot is concentrated: "中央门街道3件、宁海路街道1件等4个街道". */
function streetsText(streets: Hotspot['streets'] | undefined): string | null {
  if (!streets?.length) return null;
  const named = streets
    .slice(0, 2)
    .map((s) => `${s.name}${s.count}件`)
    .join('、');
  return streets.length > 2 ? `${named}等${streets.length}个街道` : named;
}

export function HotspotPanel({ filters }: { filters: Filters }) {
  const q = useHotspots(filters, 10);
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title="热点问题">
      <State q={q} empty={!items.length}>
        <List<Hotspot>
          size="small"
          dataSource={items}
          renderItem={(h, i) => (
            <List.Item
              extra={
                <Space size={12}>
                  {h.trend ? <Trend trend={h.trend} /> : null}
                  <Popover title="相关案件" content={<CaseLinks ids={h.caseIds} />}>
                    <Typography.Link>{h.size}件</Typography.Link>
                  </Popover>
                </Space>
              }
            >
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    <Badge count={i + 1} color={i < 3 ? '#c41d1d' : '#6b6b6b'} />
                    <span>{hotspotTitle(h)}</span>
                    {h.growth !== null && h.growth > 1 ? <Tag color="red">上升</Tag> : null}
                    {h.merges?.length ? (
                      <Popover title="合并依据" content={<MergeEvidence merges={h.merges} />}>
                        <Typography.Link>合并{h.merges.length}处</Typography.Link>
                      </Popover>
                    ) : null}
                  </Space>
                }
                description={[
                  h.place?.name,
                  streetsText(h.streets),
                  `${h.petitioners}名信访人`,
                  h.firstDate && h.lastDate
                    ? h.firstDate === h.lastDate
                      ? h.firstDate
                      : `${h.firstDate}至${h.lastDate}`
                    : null,
                  h.topWords.slice(0, 4).join('、'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      </State>
    </Card>
  );
}
