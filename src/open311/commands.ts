// Open311 POST requests: a service request becomes a registered matter (登记, form 网上信访) by the
// key's service account, through the same intake as every other registration (one transaction);
// its token (for `tokens/{token}`) is signed, not stored.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { registerCase } from '../cases/intake.ts';
import type { IdempotencyClaim } from '../commands/idempotency.ts';
import type { AppContext } from '../context.ts';
import { serviceByCode, subjectFrom } from '../domain/open311/mapping.ts';
import { badRequest } from '../errors.ts';
import type { Actor } from '../policies/index.ts';
import { zCode, zPersonName, zPhone, zText } from '../server/fields.ts';

/** The standard's POST fields we use; others (lat, long, email, device_id, attribute[…]) are ignored. */
export const PostRequestBody = z.looseObject({
  service_code: z.string().max(20, '服务代码过长'),
  description: zText({ label: '诉求描述（description）', min: 10, max: 4000 }),
  jurisdiction_id: zCode('jurisdiction_id 应为6位或9位行政区划代码').optional(),
  first_name: z.string().max(20).optional(),
  last_name: z.string().max(20).optional(),
  phone: z.string().max(30).optional(),
  address_string: zText({ label: '地点（address_string）', max: 200 }).optional(),
  api_key: z.string().max(200).optional(),
});
export type PostRequestInput = z.infer<typeof PostRequestBody>;

export const tokenFor = (ctx: AppContext, caseId: number) =>
  `${caseId}.${ctx.pii.hash(`open311-token:${caseId}`).slice(0, 24)}`;

/** The case a token names, or null for a token this installation did not issue. */
export function caseOfToken(ctx: AppContext, token: string): number | null {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(tokenFor(ctx, Number(m[1])));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(m[1]) : null;
}

export async function postServiceRequest(
  ctx: AppContext,
  actor: Actor,
  input: PostRequestInput,
  idempotency?: IdempotencyClaim,
) {
  const service = serviceByCode(input.service_code);
  if (!service) throw badRequest('unknown_service', `未知的服务代码：${input.service_code}`, 'service_code');
  const rawName = `${input.last_name ?? ''}${input.first_name ?? ''}`.trim();
  if (!rawName)
    throw badRequest('missing_petitioner', '请填写诉求人姓名（last_name、first_name）', 'last_name');
  const name = zPersonName().safeParse(rawName);
  if (!name.success)
    throw badRequest('invalid_name', name.error.issues[0]?.message ?? '姓名格式不正确', 'last_name');
  const phone = input.phone ? zPhone().safeParse(input.phone) : undefined;
  if (phone && !phone.success)
    throw badRequest('invalid_phone', phone.error.issues[0]?.message ?? '手机号码格式不正确', 'phone');
  const jurisdictionCode = input.jurisdiction_id ?? actor.jurisdictionCode;
  if (!jurisdictionCode)
    throw badRequest('missing_jurisdiction', '请填写 jurisdiction_id', 'jurisdiction_id');
  const content = input.address_string
    ? `${input.description}\n（地点：${input.address_string}）`
    : input.description;
  const r = await registerCase(
    ctx,
    actor,
    {
      form: 'online',
      purpose: 'claim',
      categoryCode: service.service_code,
      subject: subjectFrom(input.description, service.service_name),
      content,
      jurisdictionCode,
      petitioner: { name: name.data, phone: phone?.data },
    },
    { idempotency },
  );
  return { caseId: r.caseId, caseNumber: r.caseNumber, linked: r.linkedTo !== undefined };
}
