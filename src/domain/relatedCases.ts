// A matter related to another (相关信访件): why it is related, and how it is shown. The case detail
// lists them (`related`); the duplicates capability finds them (src/duplicates/candidates.ts).
import { z } from 'zod';

export const RELATED_REASONS = [
  'same_id_number',
  'same_phone',
  'same_petitioner',
  'similar_content',
  'same_place',
] as const;
export type RelatedReason = (typeof RELATED_REASONS)[number];

export const SimilarCase = z.object({
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  state: z.string(),
  receivedAt: z.string(),
  score: z.number().meta({ description: '内容相似度（MinHash 估计的 Jaccard 系数，0–1）' }),
  reasons: z.array(z.enum(RELATED_REASONS)),
  reasonText: z.string(),
});
export type SimilarCase = z.infer<typeof SimilarCase>;
