// Letters to the receiving unit: 转送函 and 交办单 (Art 22). They name the petitioner but carry no
// contact details: the unit reads those in the information system.
import type { Block, DocumentData, DocumentModel } from '../types.ts';
import { basisOf, cd, DOCUMENT_TITLES, required, SYSTEM_PARAGRAPH, sentence } from './common.ts';

const matterFor = (d: DocumentData) =>
  `信访人${d.petitionerName.trim()}于${cd(d.receivedAt)}反映的“${d.subject.trim()}”信访事项（信访件编号：${d.caseNumber.trim()}）`;

export function forwardLetter(d: DocumentData): DocumentModel {
  const target = required(d, 'targetUnit', '转送对象').trim();
  const blocks: Block[] = [
    {
      type: 'p',
      text: `现将${matterFor(d)}转送你单位。根据${basisOf(d, 'forward_letter')}的规定，按照“属地管理、分级负责，谁主管、谁负责”的原则，该事项依照职责属于你单位处理，请依法办理。`,
    },
  ];
  if (d.request?.trim()) blocks.push({ type: 'p', text: `信访人的主要诉求是：${sentence(d.request)}` });
  blocks.push(
    {
      type: 'p',
      text:
        '请你单位按照《信访工作条例》第二十三条第三款的规定，对属于本单位职权范围的，自收到之日起15日内书面告知信访人接收情况以及处理途径和程序；' +
        '不属于本单位或者本系统职权范围的，自收到之日起5个工作日内提出异议，并详细说明理由，经本机关核实同意后交还相关材料。',
    },
    { type: 'p', text: SYSTEM_PARAGRAPH },
  );
  if (d.dueDate) blocks.push({ type: 'p', text: `请于${cd(d.dueDate)}前将办理结果反馈本机关。` });
  return { title: DOCUMENT_TITLES.forward_letter, addressee: target, blocks, closing: '此函。' };
}

export function assignmentOrder(d: DocumentData): DocumentModel {
  const target = required(d, 'targetUnit', '交办对象').trim();
  const due = cd(required(d, 'dueDate', '反馈办理结果的期限'));
  const rows: [string, string][] = [
    ['信访件编号', d.caseNumber.trim()],
    ['信访人', d.petitionerName.trim()],
    ['登记日期', cd(d.receivedAt)],
    ['信访事项', d.subject.trim()],
  ];
  if (d.request?.trim()) rows.push(['主要诉求', d.request.trim()]);
  rows.push(['承办单位', target], ['办理期限', `${due}前反馈办理结果并提交办结报告`]);
  return {
    title: DOCUMENT_TITLES.assignment_order,
    addressee: target,
    blocks: [
      {
        type: 'p',
        text: `${matterFor(d)}，情况重要，需要反馈办理结果。根据${basisOf(d, 'assignment_order')}的规定，现交由你单位办理。`,
      },
      { type: 'fields', rows },
      {
        type: 'p',
        text:
          `请你单位认真调查核实，依法依规妥善处理，并于${due}前将办理结果反馈本机关，同时提交办结报告。` +
          '办结报告应当写明信访人诉求、调查核实情况、处理意见及其依据、信访人对处理意见的态度等内容，并附信访处理意见书及送达凭证。',
      },
      {
        type: 'p',
        text: '不能按期办结的，请在期限届满前书面说明理由。本机关将对办理情况进行跟踪督办。',
      },
      { type: 'p', text: SYSTEM_PARAGRAPH },
    ],
  };
}
