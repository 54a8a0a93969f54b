// SMS templates: the defaults of src/domain/lifecycle/notices.ts, overridden province-wide by
// administrators (settings key 'sms_templates' at 320000).
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import type { SmsStage } from '../domain/lifecycle/actions.ts';
import { SMS_TEMPLATES } from '../domain/lifecycle/notices.ts';
import { PROVINCE_CODE } from '../orgs/divisions.ts';

export const SMS_TEMPLATES_KEY = 'sms_templates';

export async function smsTemplates(db: Executor): Promise<Record<SmsStage, string>> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.jurisdictionCode, PROVINCE_CODE), eq(settings.key, SMS_TEMPLATES_KEY)));
  return { ...SMS_TEMPLATES, ...((row?.value as Partial<Record<SmsStage, string>> | undefined) ?? {}) };
}
