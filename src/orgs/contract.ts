// Jurisdictions as the API lists them (GET /jurisdictions; server–web contract, docs/architecture.md).
import { z } from 'zod';

export const Jurisdiction = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.number().meta({ description: '1 省 2 市 3 县（区、市） 4 乡镇（街道）' }),
  parentCode: z.string().nullable(),
  childCount: z.number(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;
