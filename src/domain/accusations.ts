// 检举控告 (accusations, issue 11 item 7): the rules, as data and pure functions.
//   - An accusation names the accused (被反映人: a person and their post) and/or the accused unit
//     (被反映单位: a unit of the platform, or a body named in words).
//   - The matter is never assigned or forwarded to an accused unit of the platform, never held by
//     it (current, responsible, in-charge or review unit), and never shown to it (回避: the unit is
//     written into `cases.hidden_from_unit_ids`; src/policies/hidden.ts enforces it everywhere).
//   - Referral targets beside the departments: 纪委监委, 人大常委会, 政法委, 人民法院, 人民检察院 of
//     every province, city and county (src/orgs/departments.ts ORGANS), reached by 转送.
import { z } from 'zod';
import { zId, zPersonName, zText } from './validation/fields.ts';

/** Only matters of this purpose (揭发控告) carry accused parties. */
export const ACCUSATION_PURPOSE = 'accusation';

/** At most this many accused (persons or units) on one matter. */
export const MAX_ACCUSED = 10;

/** One accused party as a form or request gives it: a person, a unit, or both. */
export const AccusedInput = z
  .object({
    personName: zPersonName().optional().meta({ description: '被反映人姓名' }),
    position: zText({ label: '被反映人职务', max: 60 }).optional(),
    unitId: zId('被反映单位').optional().meta({ description: '被反映单位（平台内单位）' }),
    unitName: zText({ label: '被反映单位名称', max: 100 })
      .optional()
      .meta({ description: '被反映单位名称（平台外的机关、企业等）' }),
  })
  .refine((a) => a.personName || a.unitId || a.unitName, {
    message: '请填写被反映人或被反映单位',
  });
export type AccusedInput = z.infer<typeof AccusedInput>;

/** Why an accused party may not be recorded on a matter, or null when it may. */
export function accusedRefusal(
  purpose: string,
  accused: readonly AccusedInput[],
): { code: string; message: string } | null {
  if (accused.length === 0) return null;
  if (purpose !== ACCUSATION_PURPOSE)
    return { code: 'accused_not_accusation', message: '只有揭发控告类信访事项才能填写被反映人' };
  if (accused.length > MAX_ACCUSED)
    return { code: 'too_many_accused', message: `被反映人（单位）不超过${MAX_ACCUSED}个` };
  return null;
}

/** The units a matter must be kept from, given its accused parties (the platform's units only). */
export function keptFrom(
  accused: readonly { unitId?: number | null }[],
  already: readonly number[] = [],
): number[] {
  const ids = new Set(already);
  for (const a of accused) if (a.unitId != null) ids.add(a.unitId);
  return [...ids].sort((x, y) => x - y);
}

/** The unit kinds (by dept key) a matter may be referred to as an accusation (移送). */
export const REFERRAL_BODIES = ['jiwei', 'renda', 'zhengfa', 'fayuan', 'jianchayuan'] as const;

/** The message when an accused unit would hold the matter. */
export const ACCUSED_HOLDER_MESSAGE =
  '检举控告事项不得交由被反映单位办理或查看，请交办、转送其他单位（如上级机关或纪检监察机关）';
/** The message when the unit registering the matter is itself accused. */
export const ACCUSED_REGISTRAR_MESSAGE =
  '被反映单位不能登记、办理检举控告本单位的事项，请告知信访人向其上级机关或纪检监察机关提出';
