// The accusations API's answers (揭发控告: the accused of a matter, the bodies it may be referred to;
// server–web contract, docs/architecture.md). Only zod here: the console imports the types with
// `import type`.
import { z } from 'zod';

export const AccusedItem = z.object({
  id: z.number(),
  personName: z.string().nullable().meta({ description: '被反映人姓名（按角色脱敏）' }),
  position: z.string().nullable().meta({ description: '职务' }),
  unitId: z.number().nullable().meta({ description: '被反映单位（平台内）' }),
  unitName: z.string().nullable().meta({ description: '被反映单位名称' }),
  recordedAt: z.string(),
});
export type AccusedItem = z.infer<typeof AccusedItem>;

/** GET and POST /cases/{id}/accused. */
export const AccusedAnswer = z.object({ items: z.array(AccusedItem) });
export type AccusedAnswer = z.infer<typeof AccusedAnswer>;

/** GET /accusations/bodies: the bodies a matter may be referred to (纪委监委、人大常委会 …). */
export const ReferralBodies = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), key: z.string() })),
});
export type ReferralBodies = z.infer<typeof ReferralBodies>;
