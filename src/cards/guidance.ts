// 逐级走访引导告知书: the Word notice a registrar gives a visitor who skipped a level (越级) with a
// rights card, guiding them back to the body where the matter sits (《信访工作条例》第二十二条:
// 信访人采用走访形式提出信访事项的，应当到有权处理的本级或者上一级机关设立或者指定的接待场所提出).
// House layout (src/documents/layout.ts); the visitor named masked.
import { chineseDate } from '../documents/format.ts';
import { layoutDocument } from '../documents/layout.ts';
import { packDeterministic } from '../documents/package.ts';
import type { DocumentModel } from '../documents/types.ts';
import { maskName } from '../domain/masking.ts';
import { LEVEL_NAMES } from '../domain/receptions/kinds.ts';

export interface GuidanceData {
  number: string;
  issuingBody: string;
  visitor: string;
  cardNo: string;
  caseNumber: string;
  /** The body where the matter sits and its level. */
  rightUnit: string;
  rightLevel: number;
  visitLevel: number;
  at: Date;
}

const TITLE = '逐级走访引导告知书';

export function guidanceModel(d: GuidanceData): DocumentModel {
  const right = `${d.rightUnit}（${LEVEL_NAMES[d.rightLevel] ?? ''}）`;
  return {
    title: TITLE,
    addressee: maskName(d.visitor),
    blocks: [
      {
        type: 'p',
        text: `你于${chineseDate(d.at)}持依法逐级走访权益保障卡（卡号：${d.cardNo}）来我机关走访。经核验，你反映的信访事项（信访件编号：${d.caseNumber}）目前由${right}办理，你本次走访的是${LEVEL_NAMES[d.visitLevel] ?? ''}机关，属于越级走访。`,
      },
      {
        type: 'p',
        text: '根据《信访工作条例》第二十二条，信访人采用走访形式提出信访事项的，应当到有权处理的本级或者上一级机关设立或者指定的接待场所提出。',
      },
      {
        type: 'fields',
        rows: [
          ['权益保障卡号', d.cardNo],
          ['信访件编号', d.caseNumber],
          ['有权处理的机关', right],
        ],
      },
      { type: 'heading', text: '一、请到有权处理的机关反映' },
      {
        type: 'p',
        text: `请你持本告知书和权益保障卡到${d.rightUnit}反映诉求，该机关将依法受理、办理并书面答复；办理情况将记载在你的权益保障卡上，可扫描卡上二维码查询。`,
      },
      { type: 'heading', text: '二、对处理意见不服的救济途径' },
      {
        type: 'p',
        text: '对处理意见不服的，可以自收到书面答复之日起30日内请求原办理机关的上一级机关复查；对复查意见不服的，可以自收到复查意见之日起30日内向复查机关的上一级机关请求复核。',
      },
    ],
    closing: '特此告知。',
  };
}

export async function renderGuidance(d: GuidanceData): Promise<{ buffer: Buffer; filename: string }> {
  const doc = layoutDocument({
    model: guidanceModel(d),
    issuingBody: d.issuingBody,
    documentNumber: d.number,
    caseNumber: d.caseNumber,
    issuedDate: chineseDate(d.at),
    footerNote: `逐级走访引导告知书 ${d.number}\u3000权益保障卡号：${d.cardNo}`,
  });
  const { buffer } = await packDeterministic(doc, {
    title: TITLE,
    creator: d.issuingBody,
    subject: d.number,
    at: d.at,
  });
  return { buffer, filename: `逐级走访引导告知书${d.number.replace(/[\\/:*?"<>|\s]+/g, '_')}.docx` };
}
