// The OCR API's answer (来信识别: the recognised text and the registration fields it suggests;
// server–web contract, docs/architecture.md). Only zod here: the console's 扫描来信 imports the type
// with `import type`.
import { z } from 'zod';

/** Suggestions for the registration form: only the fields found. */
export const OcrFields = z.object({
  subject: z.string().optional(),
  content: z.string().optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
});
export type OcrFields = z.infer<typeof OcrFields>;

/** POST /ocr/letters. */
export const OcrResult = z.object({
  text: z.string().meta({ description: '识别出的全文' }),
  fields: OcrFields.meta({ description: '登记表的建议字段（只含识别到的）' }),
  width: z.number(),
  height: z.number(),
});
export type OcrResult = z.infer<typeof OcrResult>;
