// The co-handling API's answer (会办: lead, coordinating bureau, 三跨三分离, each co-unit's part;
// server–web contract, docs/architecture.md). Only zod here: the console imports the types with
// `import type`.
import { z } from 'zod';

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
export type CohandlingView = z.infer<typeof CohandlingView>;

/** GET /cases/{id}/cohandling and the filing of a part: null when the matter is not co-handled. */
export const CohandlingAnswer = z.object({ cohandling: CohandlingView.nullable() });
export type CohandlingAnswer = z.infer<typeof CohandlingAnswer>;
