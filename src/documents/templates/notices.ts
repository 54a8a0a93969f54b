// Notices to the petitioner: 受理告知书, 不予（不再）受理告知书, 延长办理期限告知书.
import { NON_ACCEPTANCE_REASONS } from '../legalBasis.ts';
import { type Block, type DocumentData, DocumentDataError, type DocumentModel } from '../types.ts';
import {
  basisOf,
  cd,
  clause,
  DOCUMENT_TITLES,
  FINAL_NON_ACCEPTANCE_TITLE,
  matterOf,
  QUERY_PARAGRAPH,
  required,
  sentence,
} from './common.ts';

export function acceptanceNotice(d: DocumentData): DocumentModel {
  const due = d.dueDate ? `本信访事项的办理期限至${cd(d.dueDate)}。` : '';
  return {
    title: DOCUMENT_TITLES.acceptance_notice,
    addressee: d.petitionerName.trim(),
    blocks: [
      {
        type: 'p',
        text: `${matterOf(d)}收悉。经审查，该信访事项属于本机关职权范围。根据${basisOf(d, 'acceptance_notice')}的规定，本机关决定予以受理。`,
      },
      {
        type: 'p',
        text:
          '本机关将按照《信访工作条例》第三十一条的规定区分情况依法办理：应当通过法定途径解决的，导入相应程序处理；' +
          '其他事项，本机关将听取你陈述事实和理由，调查核实，自受理之日起60日内办结，并出具信访处理意见书。' +
          `情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不超过30日，并告知你延期理由。${due}`,
      },
      {
        type: 'p',
        text:
          '信访事项已经受理或者正在办理的，信访人在规定期限内向受理、办理机关的上级机关又提出同一信访事项的，上级机关不予受理。' +
          '请你依法、理性反映诉求，耐心等待办理结果。',
      },
      { type: 'p', text: QUERY_PARAGRAPH },
    ],
    closing: '特此告知。',
  };
}

export function nonAcceptanceNotice(d: DocumentData, final: boolean): DocumentModel {
  const reason = NON_ACCEPTANCE_REASONS[d.reasonCode ?? ''];
  if (!reason && !d.reasonText?.trim()) {
    throw new DocumentDataError('reasonCode', '缺少不予受理的理由（reasonCode 或 reasonText）');
  }
  const finding = reason?.finding ?? '';
  const detail = d.reasonText?.trim() ? sentence(d.reasonText) : '';
  const verdict = final ? '不再受理' : '不予受理';
  const blocks: Block[] = [
    { type: 'p', text: `${matterOf(d)}收悉。` },
    {
      type: 'p',
      text: `经审查，${finding}${detail}根据${basisOf(d, 'non_acceptance_notice', final)}的规定，本机关决定对该信访事项${verdict}。`,
    },
  ];
  const competent = d.competentBody?.trim() || undefined;
  const guidance = reason?.guidance?.(competent) ?? (competent ? `请你向${competent}提出。` : '');
  if (guidance) blocks.push({ type: 'p', text: guidance });
  if (final) {
    blocks.push({
      type: 'p',
      text: '对已经依法处理完毕的信访事项，希望你尊重处理结果，依法理性表达诉求，共同维护良好的信访秩序。',
    });
  }
  return {
    title: final ? FINAL_NON_ACCEPTANCE_TITLE : DOCUMENT_TITLES.non_acceptance_notice,
    addressee: d.petitionerName.trim(),
    blocks,
    closing: '特此告知。',
  };
}

export function extensionNotice(d: DocumentData): DocumentModel {
  const newDue = required(d, 'newDueDate', '延长后的办理期限');
  const reason = clause(required(d, 'extensionReason', '延期理由')).replace(/^(因为|因|由于)/, '');
  const due = d.dueDate ? `，按照规定应当于${cd(d.dueDate)}前办结` : '';
  return {
    title: DOCUMENT_TITLES.extension_notice,
    addressee: d.petitionerName.trim(),
    blocks: [
      { type: 'p', text: `${matterOf(d)}，本机关已依法受理${due}。` },
      {
        type: 'p',
        text: `因${reason}，该信访事项不能在规定期限内办结。根据${basisOf(d, 'extension_notice')}的规定，经本机关负责人批准，办理期限延长至${cd(newDue)}。`,
      },
      {
        type: 'p',
        text: '本机关将抓紧办理，在延长的期限内作出处理意见并书面答复你。感谢你的理解和支持。',
      },
      { type: 'p', text: QUERY_PARAGRAPH },
    ],
    closing: '特此告知。',
  };
}
