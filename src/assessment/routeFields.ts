// What the two assessment route modules share: the year and scope parameters, the read-scope
// check every view of the assessment makes, and the Word download headers.
import { z } from 'zod';
import { attachmentHeader } from '../exports/xlsx.ts';
import { type Actor, assessmentPolicy } from '../policies/assessment.ts';
import { ensureAllowed } from '../policies/index.ts';
import { zCode, zIdParam } from '../server/fields.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const idParam = z.object({ id: zIdParam('编号') });
export const zYearQ = z.coerce
  .number({ error: '年度应为数字' })
  .int({ error: '年度应为整数' })
  .min(2000, { error: '年度不能早于2000年' })
  .max(2100, { error: '年度不能晚于2100年' });
export const scopeQ = zCode().optional().meta({ description: '行政区划代码（默认本人所在辖区）' });

export function readScope(actor: Actor, requested?: string): string {
  ensureAllowed(assessmentPolicy.use(actor), '您没有权限查看责任落实');
  const code = requested ?? actor.jurisdictionCode ?? '';
  ensureAllowed(
    assessmentPolicy.can(actor, 'read', { jurisdictionCode: code }),
    '只能查看本辖区的责任落实情况',
  );
  return code;
}

export const docx = (name: string, fallback: string) => ({
  'content-type': DOCX,
  'content-disposition': attachmentHeader(name, fallback),
});
