// SMS templates: the defaults of src/domain/lifecycle/notices.ts, overridden province-wide by
// administrators (settings key 'sms_templates' at 320000).
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import type { SmsStage } from '../domain/lifecycle/actions.ts';
import { SMS_TEMPLATES } from '../domain/lifecycle/notices.ts';
import { PROVINCE_CODE } from '../orgs/divisions.ts';
import { settingsRows } from './cache.ts';

export const SMS_TEMPLATES_KEY = 'sms_templates';

const merged = (value: unknown): Record<SmsStage, string> => ({
  ...SMS_TEMPLATES,
  ...((value as Partial<Record<SmsStage, string>> | undefined) ?? {}),
});

/** The templates in force, read from the database now. */
export async function smsTemplates(db: Executor): Promise<Record<SmsStage, string>> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.jurisdictionCode, PROVINCE_CODE), eq(settings.key, SMS_TEMPLATES_KEY)));
  return merged(row?.value);
}

/** The same from the in-process settings cache of `db`; `exec` runs the query on a miss. */
export async function cachedSmsTemplates(db: Db, exec: Executor): Promise<Record<SmsStage, string>> {
  const rows = await settingsRows(db, exec);
  return merged(rows.find((r) => r.jurisdictionCode === PROVINCE_CODE && r.key === SMS_TEMPLATES_KEY)?.value);
}
