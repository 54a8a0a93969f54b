// The KPI cards: each indicator's value with 同比 (same dates last year) and 环比 (the period of the
// same length just before) as coloured arrows; the formula is the card's tooltip. A card with cases
// behind it opens them. A rate shows how many matters it is computed over, and its change is not
// coloured or arrowed when either period has fewer than MIN_RATE_SAMPLE (src/domain/indicators).
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Tooltip, Typography } from 'antd';
import {
  type Filters,
  type Indicators,
  type Metric,
  useDefinitions,
  useTotals,
} from '../../shared/analytics/api.ts';
import {
  change,
  changeColor,
  changeText,
  INDICATORS,
  type IndicatorDef,
  previousPeriod,
  previousYear,
  sampleSize,
  sampleText,
  THIN_TEXT,
  thinSample,
  valueText,
} from '../../shared/analytics/format.ts';
import { errorMessage } from '../../shared/api.ts';

/** The cases to open from a card (the metric of GET /analytics/cases), where there is one. */
const CARD_METRIC: Partial<Record<keyof Indicators, Metric>> = {
  total: 'total',
  onlineShare: 'online',
  onTimeCompletionRate: 'overdue',
  satisfactionRate: 'unsatisfied',
  skipLevelRate: 'skippedLevel',
  repeatRate: 'repeat',
  groupBatches: 'group',
};

export function Kpis({
  filters,
  onOpen,
}: {
  filters: Filters;
  onOpen: (metric: Metric, label: string) => void;
}) {
  const now = useTotals(filters);
  const prevPeriod = useTotals({ ...filters, ...previousPeriod(filters.from, filters.to) });
  const prevYear = useTotals({ ...filters, ...previousYear(filters.from, filters.to) });
  const definitions = useDefinitions();
  const totals = now.totals;
  if (now.isError) return <Alert type="error" showIcon message={errorMessage(now.error)} />;
  if (!totals) {
    return now.isPending ? (
      <Skeleton active />
    ) : (
      <Typography.Text type="secondary">指标接口尚未启用，暂无指标数据</Typography.Text>
    );
  }
  return (
    <Row gutter={[12, 12]} aria-label="指标">
      {INDICATORS.map((def) => (
        <Col key={def.key} xs={12} md={8} xl={4} xxl={4}>
          <Kpi
            def={def}
            now={totals}
            prevYear={prevYear.totals}
            prevPeriod={prevPeriod.totals}
            formula={definitions.data?.[def.key]?.definition ?? def.formula}
            onOpen={
              CARD_METRIC[def.key] ? () => onOpen(CARD_METRIC[def.key] as Metric, def.label) : undefined
            }
          />
        </Col>
      ))}
    </Row>
  );
}

function Kpi({
  def,
  now,
  prevYear,
  prevPeriod,
  formula,
  onOpen,
}: {
  formula: string;
  def: IndicatorDef;
  now: Indicators;
  prevYear: Indicators | undefined;
  prevPeriod: Indicators | undefined;
  onOpen?: () => void;
}) {
  // For the volume the server's own 同比/环比 are used; rates compare with the two base periods.
  const yoy = def.key === 'total' ? now.yoy : change(def, now, prevYear);
  const mom = def.key === 'total' ? now.mom : change(def, now, prevPeriod);
  const n = sampleSize(def, now);
  const compared = (base: Indicators | undefined, d: number | null) =>
    thinSample(def, now, base) ? (
      <span style={{ color: '#6b6b6b' }} title={THIN_TEXT}>
        样本少
      </span>
    ) : (
      <span style={{ color: changeColor(def, d) }}>{changeText(def, d)}</span>
    );
  return (
    <Card
      size="small"
      hoverable={Boolean(onOpen)}
      onClick={onOpen}
      className="xf-kpi"
      data-indicator={def.key}
      styles={{ body: { padding: '10px 14px' } }}
    >
      <Tooltip title={`计算口径：${formula}`}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {def.label} <InfoCircleOutlined aria-label={`${def.label}计算公式`} />
        </Typography.Text>
      </Tooltip>
      <div className="xf-kpi-value" style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }}>
        {valueText(def, now)}
        {def.extra ? <span style={{ fontSize: 13, fontWeight: 400 }}> {def.extra(now)}</span> : null}
        {n !== null ? (
          <span className="xf-kpi-sample" style={{ fontSize: 13, fontWeight: 400, color: '#6b6b6b' }}>
            {sampleText(n)}
          </span>
        ) : null}
      </div>
      <div style={{ fontSize: 12 }}>
        <span>同比 </span>
        {compared(prevYear, yoy)}
        <span style={{ marginInlineStart: 10 }}>环比 </span>
        {compared(prevPeriod, mom)}
      </div>
    </Card>
  );
}
