// Default SMS texts per stage (短信模板). Placeholders in {braces}. SMS never carry ID numbers.
// Installations override them in the settings table (key 'sms_templates').
import type { SmsStage } from './actions.ts';

export const SMS_TEMPLATES: Record<SmsStage, string> = {
  registered:
    '【阳光信访】您的信访事项已登记，信访件编号{caseNumber}，查询码{queryCode}，可凭编号和查询码查询办理进展。',
  accepted: '【阳光信访】您的信访事项（编号{caseNumber}）已由{unit}受理，将在法定期限内办理。',
  handling: '【阳光信访】您的信访事项（编号{caseNumber}）已交{unit}办理，正在办理中。',
  result:
    '【阳光信访】您的信访事项（编号{caseNumber}）已有办理结果，请登录或凭查询码查看，并对办理情况进行评价。',
  not_accepted:
    '【阳光信访】您的信访事项（编号{caseNumber}）{unit}决定不予受理，理由：{reason}。详见告知书。',
  forwarded: '【阳光信访】您的信访事项（编号{caseNumber}）已转送{unit}处理。',
  extended: '【阳光信访】您的信访事项（编号{caseNumber}）办理期限延长至{date}，原因：{reason}。',
  review_decided: '【阳光信访】您的复查申请（编号{caseNumber}）已有复查意见，请查看。',
  rereview_decided: '【阳光信访】您的复核申请（编号{caseNumber}）已有复核意见，请查看。',
  channelled: '【阳光信访】您的信访事项（编号{caseNumber}）应通过{reason}解决，请向{unit}提出。详见告知书。',
};

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
