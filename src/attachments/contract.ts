// The attachments API's answers (a matter's scans, photos, PDFs and recordings; server–web contract,
// docs/architecture.md). Only zod here: the console and the portal import the types with
// `import type`.
import { z } from 'zod';

export const AttachmentItem = z.object({
  id: z.number(),
  caseId: z.number(),
  caseEventId: z.number().nullable(),
  purpose: z.string(),
  purposeName: z.string(),
  kind: z.string().meta({ description: 'image、pdf 或 audio' }),
  mime: z.string(),
  size: z.number(),
  name: z.string(),
  uploaderRole: z.string(),
  createdAt: z.string(),
  url: z.string().meta({ description: '文件地址' }),
  thumbnailUrl: z.string().nullable().meta({ description: '缩略图地址（图片）' }),
});
export type AttachmentItem = z.infer<typeof AttachmentItem>;

/** GET and POST /cases/{id}/attachments. */
export const AttachmentsAnswer = z.object({ items: z.array(AttachmentItem) });
export type AttachmentsAnswer = z.infer<typeof AttachmentsAnswer>;
