// The inbox API's answers (我的消息 and 消息设置; server–web contract, docs/architecture.md). Only zod
// here: the console imports the types with `import type`.
import { z } from 'zod';

export const InboxItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  caseId: z.number().nullable(),
  supervisionId: z.number().nullable(),
  link: z.string().nullable().meta({ description: '工作台内打开该消息所指事项的路径' }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const PreferenceRow = z.object({
  kind: z.string(),
  label: z.string(),
  trigger: z.string(),
  recipients: z.string(),
  smsAllowed: z.boolean(),
  inAppDefault: z.boolean(),
  smsDefault: z.boolean(),
  inApp: z.boolean(),
  sms: z.boolean(),
});
export type PreferenceRow = z.infer<typeof PreferenceRow>;

export const Preferences = z.object({ kinds: z.array(PreferenceRow), hasPhone: z.boolean() });
export type Preferences = z.infer<typeof Preferences>;
