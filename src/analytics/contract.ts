// The analytics API's answers (server–web contract, docs/architecture.md): the response schemas the
// routes declare, and their types, which the console and the big screen import with `import type`.
// Only zod and src/domain here: the web type-checks this file (test/unit/web-contract.test.ts).
import { z } from 'zod';
import type { Indicators as DomainIndicators } from '../domain/indicators/index.ts';

/** How the indicators may be grouped (GET /analytics/indicators?groupBy=). */
export const GROUP_BYS = [
  'none',
  'jurisdiction',
  'category',
  // 细分类: the second and third levels chosen for matters (those without one are not listed)
  'subcategory',
  'form',
  'purpose',
  'unit',
  'month',
  'day',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The figures behind a number that can be listed (GET /analytics/cases?metric=). */
export const DRILL_METRICS = [
  'total',
  'online',
  'overdue',
  'repeat',
  'skippedLevel',
  'group',
  'unsatisfied',
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];

const rate = z.number().nullable();
export const IndicatorsSchema = z.object({
  total: z.number().meta({ description: '信访总量（登记件次，按收到日期）' }),
  totalPrevYear: z.number(),
  totalPrevPeriod: z.number(),
  yoy: rate.meta({ description: '同比' }),
  mom: rate.meta({ description: '环比（上期为紧接本期之前、天数相同的期间）' }),
  online: z.number(),
  onlineShare: rate.meta({ description: '网上信访占比' }),
  onlineSharePrev: rate,
  acceptedTimely: z.number(),
  acceptanceDecided: z.number(),
  timelyAcceptanceRate: rate.meta({ description: '及时受理率' }),
  completedOnTime: z.number(),
  completed: z.number(),
  onTimeCompletionRate: rate.meta({ description: '按期办结率' }),
  rated: z.number(),
  ratable: z.number(),
  participationRate: rate.meta({ description: '群众参评率' }),
  satisfied: z.number(),
  satisfactionRate: rate.meta({ description: '满意率（责任单位，满意+基本满意）' }),
  bureauSatisfied: z.number(),
  bureauSatisfactionRate: rate.meta({ description: '满意率（信访部门）' }),
  skippedLevel: z.number(),
  visits: z.number(),
  skipLevelRate: rate.meta({ description: '越级上访率（批次）' }),
  repeats: z.number(),
  repeatRate: rate.meta({ description: '重复信访率' }),
  backlogResolved: z.number(),
  backlog: z.number(),
  backlogResolutionRate: rate.meta({ description: '积案化解率' }),
  groupBatches: z.number(),
  groupPersons: z.number(),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;
// The domain computes exactly the fields the schema sends (a field added on one side fails here).
const _sameFields: [Indicators, DomainIndicators] = [{} as DomainIndicators, {} as Indicators];
void _sameFields;

export const IndicatorRowSchema = IndicatorsSchema.extend({
  key: z.string(),
  label: z.string(),
  drill: z.boolean(),
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const IndicatorsAnswer = z.object({
  from: z.string(),
  to: z.string(),
  scope: z.object({ code: z.string(), name: z.string() }),
  totals: IndicatorsSchema,
  flags: z
    .record(z.string(), z.number())
    .meta({ description: '收到日期在期间内、带各项标识的信访事项数（重大紧急、扬言等）' }),
  rows: z.array(IndicatorRowSchema),
});
export type IndicatorsAnswer = z.infer<typeof IndicatorsAnswer>;

export const IndicatorDefinitions = z.record(
  z.string(),
  z.object({
    name: z.string(),
    numerator: z.string(),
    denominator: z.string().optional(),
    definition: z.string(),
  }),
);
export type IndicatorDefinitions = z.infer<typeof IndicatorDefinitions>;

export const TrendPoint = z.object({
  period: z.string(),
  total: z.number(),
  totalPrevYear: z.number(),
  online: z.number(),
  through: z.string().optional().meta({
    description: '该月尚未结束：数据截至此日（YYYY-MM-DD），上年同期为同期同日数',
  }),
});
export type TrendPoint = z.infer<typeof TrendPoint>;
export const TrendAnswer = z.object({ points: z.array(TrendPoint) });
export type TrendAnswer = z.infer<typeof TrendAnswer>;

export const OverdueRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  jurisdictionName: z.string(),
  unitJurisdictionCode: z
    .string()
    .meta({ description: '单位所在辖区代码（上级机关办理的事项在本辖区之上）' }),
  open: z.number(),
  near: z.number(),
  overdue: z.number(),
});
export type OverdueRow = z.infer<typeof OverdueRow>;
export const OverdueAnswer = z.object({ rows: z.array(OverdueRow) });
export type OverdueAnswer = z.infer<typeof OverdueAnswer>;

const ForecastPoint = z.object({
  period: z.string(),
  mean: z.number(),
  lo80: z.number(),
  hi80: z.number(),
  lo95: z.number(),
  hi95: z.number(),
});
export const ForecastAnswer = z.object({
  history: z.array(z.object({ period: z.string(), total: z.number() })),
  forecast: z.array(ForecastPoint),
  model: z.string(),
  mase: z.number().nullable().meta({
    description: '回测平均绝对标度误差（MASE，<1 优于"去年同月"朴素预测）；历史不足时为 null',
  }),
  insufficient: z.enum(['short', 'sparse']).nullable().meta({
    description: '历史数据不足、不作预测的原因（short 不满12个月，sparse 多数月份为零）',
  }),
  note: z.string().nullable(),
});
export type ForecastAnswer = z.infer<typeof ForecastAnswer>;
