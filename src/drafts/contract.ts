// The drafts API's answers (意见书草稿与签发: a matter's drafts, the unit's rules, the preview, 出具;
// server–web contract, docs/architecture.md). Only zod and src/domain here: the console imports the
// types with `import type`.
import { z } from 'zod';
import { DRAFT_ACTIONS, DRAFT_STATUSES, type DraftAction } from '../domain/drafts/rules.ts';

const DraftActionName = z.enum(Object.keys(DRAFT_ACTIONS) as [DraftAction, ...DraftAction[]]);

/** A draft as the console shows it, with what the caller may do with it now. */
export const DraftItem = z.object({
  id: z.number(),
  caseId: z.number(),
  action: DraftActionName,
  actionLabel: z.string(),
  title: z.string(),
  unitName: z.string(),
  fields: z.record(z.string(), z.string()),
  template: z.string(),
  templateName: z.string(),
  status: z.enum(DRAFT_STATUSES),
  statusName: z.string(),
  version: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  signComment: z.string().nullable(),
  issuedAt: z.string().nullable(),
  mayEdit: z.boolean(),
  maySign: z.boolean(),
});
export type DraftItem = z.infer<typeof DraftItem>;

/** A unit's (or jurisdiction's) rules: sign-off required before 出具, and the wording's template. */
export const DocumentRules = z.object({
  signoffRequired: z.boolean(),
  template: z.string(),
  templateName: z.string(),
});
export type DocumentRules = z.infer<typeof DocumentRules>;

/** GET /cases/{id}/drafts. */
export const DraftsAnswer = z.object({
  items: z.array(DraftItem),
  rules: DocumentRules.nullable().meta({ description: '本单位的签发要求和文本模板' }),
  templates: z.array(z.object({ value: z.string(), label: z.string() })),
  draftable: z
    .array(z.object({ action: DraftActionName, label: z.string(), title: z.string() }))
    .meta({ description: '现在可拟写的意见书' }),
});
export type DraftsAnswer = z.infer<typeof DraftsAnswer>;

/** GET /drafts/{id}/preview: the pages as PNG data URLs. */
export const DraftPreview = z.object({ title: z.string(), pages: z.array(z.string()) });
export type DraftPreview = z.infer<typeof DraftPreview>;

/** POST /drafts/{id}/issue. */
export const IssueAnswer = z.object({
  caseId: z.number(),
  state: z.string(),
  documentId: z.number().nullable(),
});
export type IssueAnswer = z.infer<typeof IssueAnswer>;
