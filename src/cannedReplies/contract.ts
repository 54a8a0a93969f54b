// The canned replies API's answers (常用语; server–web contract, docs/architecture.md). Only zod here:
// the console imports the types with `import type`.
import { z } from 'zod';

export const CannedReplyItem = z.object({
  id: z.number(),
  unitId: z.number(),
  purpose: z.string(),
  purposeName: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  placeholders: z.array(z.string()),
  updatedAt: z.string(),
});
export type CannedReplyItem = z.infer<typeof CannedReplyItem>;

export const PlaceholdersAnswer = z.object({
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
  purposes: z.array(z.object({ purpose: z.string(), label: z.string() })),
});
export type PlaceholdersAnswer = z.infer<typeof PlaceholdersAnswer>;

export const Rendered = z.object({ text: z.string() });
