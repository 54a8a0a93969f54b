// The settings API's answers (办理期限 in force, 法定途径清单; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';
import { HINT_CHANNEL_CODES } from '../domain/legalChannels.ts';
import { CLOCKS } from '../domain/lifecycle/clockNames.ts';

export const Limit = z.object({ amount: z.number(), unit: z.enum(['calendar_days', 'working_days']) });

/** The limits in force in a jurisdiction (its own settings, else its parents', else the law's). */
export const LimitsAnswer = z.object({
  clocks: z.record(z.enum(CLOCKS), Limit),
  maxExtensionDays: z.number(),
  nearDueDays: z.number(),
  maxRepresentatives: z.number(),
  groupVisitSize: z.number(),
});
export type LimitsAnswer = z.infer<typeof LimitsAnswer>;

/** A rule as answered (the input schema normalises text, which a response schema cannot). */
export const RuleView = z.object({
  id: z.string(),
  channel: z.enum(HINT_CHANNEL_CODES),
  label: z.string(),
  keywords: z.array(z.string()),
  unless: z.array(z.string()).optional(),
  category: z.string().optional(),
  competentBody: z.string(),
  advice: z.string(),
  enabled: z.boolean().optional(),
});
export type RuleView = z.infer<typeof RuleView>;

export const LegalChannelList = z.object({
  code: z.string(),
  source: z.string().nullable(),
  rules: z.array(RuleView),
  channels: z.record(z.string(), z.string()),
});
export type LegalChannelList = z.infer<typeof LegalChannelList>;

/** PUT /settings/sms-templates: the province's SMS wording per stage (defaults where not set). */
export const SmsTemplatesSaved = z.object({
  templates: z.record(z.string(), z.string()).meta({ description: '各环节的短信模板' }),
});
export type SmsTemplatesSaved = z.infer<typeof SmsTemplatesSaved>;

/** GET /settings/sms-templates: the templates and the placeholders they may use. */
export const SmsTemplates = SmsTemplatesSaved.extend({
  placeholders: z.array(z.string()).meta({ description: '可用占位符，如 caseNumber（写作 {caseNumber}）' }),
});
export type SmsTemplates = z.infer<typeof SmsTemplates>;
