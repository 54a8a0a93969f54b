// Jurisdictions and their units as the API lists them (GET /jurisdictions, /jurisdictions/{code};
// server–web contract, docs/architecture.md).
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

export const Unit = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  deptKey: z.string(),
  retired: z.boolean().meta({ description: '已撤销：保留历史，不再接收新的信访事项' }),
});
export type Unit = z.infer<typeof Unit>;

export const JurisdictionDetail = Jurisdiction.extend({ units: z.array(Unit) });
export type JurisdictionDetail = z.infer<typeof JurisdictionDetail>;
