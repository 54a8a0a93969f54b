// 模板消息: a progress notice (the same stage and text as the SMS, from the same templates) laid out
// in the fields of the official account's template. The default layout is WeChat's classic
// industry template (first / keyword1… / remark); the template configured in the official account
// must have these fields. WeChat cuts long values, so we cut them first, at a character boundary.
import type { SmsStage } from '../lifecycle/define.ts';

/** What a notice stage is called in the message (事项进展). */
export const STAGE_TITLES: Record<SmsStage, string> = {
  registered: '信访事项已登记',
  accepted: '信访事项已受理',
  handling: '信访事项办理中',
  result: '信访事项已出具处理意见',
  not_accepted: '信访事项不予受理',
  forwarded: '信访事项已转送',
  extended: '办理期限已延长',
  review_decided: '复查意见已出具',
  rereview_decided: '复核意见已出具',
  channelled: '已告知通过法定途径处理',
};

export interface TemplateField {
  value: string;
}

const MAX_REMARK = 200;
const MAX_KEYWORD = 40;

function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Shanghai time as 2026-12-05 16:20, the way the portal shows times. */
export function shanghaiMinute(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/**
 * The template fields of a notice: first (title), keyword1 (case number), keyword2 (stage),
 * keyword3 (time), remark (the notice text, as the SMS would read).
 */
export function noticeTemplateData(n: {
  stage: string;
  text: string;
  at: Date;
  caseNumber?: string | null;
}): Record<'first' | 'keyword1' | 'keyword2' | 'keyword3' | 'remark', TemplateField> {
  const title = STAGE_TITLES[n.stage as SmsStage] ?? '信访事项有新进展';
  return {
    first: { value: '您的信访事项有新进展' },
    keyword1: { value: cut(n.caseNumber || '—', MAX_KEYWORD) },
    keyword2: { value: cut(title, MAX_KEYWORD) },
    keyword3: { value: shanghaiMinute(n.at) },
    // The SMS text without its signature (the official account's name already signs the message).
    remark: { value: cut(n.text.replace(/^【[^】]{1,12}】/, ''), MAX_REMARK) },
  };
}
