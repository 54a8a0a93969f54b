// A co-handled matter as staff see it: lead, coordinating bureau, 三跨三分离 in words, each part.
import { z } from 'zod';
import { CROSS_TYPE_NAMES, type CrossType } from '../domain/cohandling.ts';
import type { cohandlingOf } from './queries.ts';

export const CohandlingView = z.object({
  leadUnitId: z.number(),
  leadUnit: z.string().meta({ description: '牵头单位' }),
  coordinatingUnit: z.string().meta({ description: '协调的信访部门（共同上级）' }),
  crossTypes: z.array(z.object({ key: z.string(), name: z.string() })).meta({ description: '三跨三分离' }),
  instructions: z.string().nullable(),
  createdAt: z.string(),
  parts: z.array(
    z.object({
      unitId: z.number(),
      unit: z.string(),
      feedback: z.string().nullable().meta({ description: '会办意见' }),
      feedbackAt: z.string().nullable(),
    }),
  ),
  pending: z.number().meta({ description: '尚未反馈的会办单位数' }),
});

export function presentCohandling(
  r: NonNullable<Awaited<ReturnType<typeof cohandlingOf>>>,
): z.infer<typeof CohandlingView> {
  const cross = (Array.isArray(r.crossTypes) ? r.crossTypes : []) as string[];
  return {
    leadUnitId: r.leadUnitId,
    leadUnit: r.leadUnit,
    coordinatingUnit: r.coordinatingUnit,
    crossTypes: cross.map((key) => ({ key, name: CROSS_TYPE_NAMES[key as CrossType] ?? key })),
    instructions: r.instructions,
    createdAt: r.createdAt.toISOString(),
    parts: r.parts.map((p) => ({ ...p, feedbackAt: p.feedbackAt?.toISOString() ?? null })),
    pending: r.parts.filter((p) => p.feedbackAt === null).length,
  };
}
