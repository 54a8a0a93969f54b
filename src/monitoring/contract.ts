// The monitoring API's answers (日监测: a scope's sources and their first items, the morning digests,
// the thresholds; server–web contract, docs/architecture.md). Only zod here: the console (日监测,
// 周调度) imports the types with `import type`.
import { z } from 'zod';
import { ITEMS_PER_SOURCE } from '../domain/monitoring/sources.ts';

export const MonitoringItem = z.object({
  key: z.string(),
  title: z.string(),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  unit: z.string().nullable(),
  days: z.number().nullable(),
  daysLabel: z.string(),
  action: z.object({ label: z.string(), path: z.string().meta({ description: '工作台内路径' }) }),
});
export type MonitoringItem = z.infer<typeof MonitoringItem>;

export const MonitoringSource = z.object({
  id: z.string(),
  title: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  description: z.string(),
  total: z.number(),
  items: z.array(MonitoringItem).meta({ description: `前 ${ITEMS_PER_SOURCE} 项` }),
});
export type MonitoringSource = z.infer<typeof MonitoringSource>;

export const Daily = z.object({
  date: z.string(),
  scope: z.object({ code: z.string(), name: z.string() }),
  sources: z.array(MonitoringSource),
});
export type Daily = z.infer<typeof Daily>;

export const Digest = z.object({
  id: z.number(),
  date: z.string(),
  unit: z.string(),
  jurisdictionCode: z.string(),
  counts: z.array(z.object({ id: z.string(), title: z.string(), total: z.number() })),
  body: z.string(),
  createdAt: z.string(),
});
export type Digest = z.infer<typeof Digest>;

export const ThresholdValues = z.record(z.string(), z.number());

export const ThresholdDefinition = z.object({
  source: z.string().meta({ description: '来源名称' }),
  key: z.string(),
  label: z.string(),
  default: z.number(),
  min: z.number(),
  max: z.number(),
  unit: z.enum(['天', '小时']),
});
export type ThresholdDefinition = z.infer<typeof ThresholdDefinition>;

export const ThresholdsAnswer = z.object({
  values: ThresholdValues,
  definitions: z.array(ThresholdDefinition),
});
export type ThresholdsAnswer = z.infer<typeof ThresholdsAnswer>;
