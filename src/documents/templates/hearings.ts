// 听证 (Art 31 ¶2, Art 36): the notice of a hearing held in a review or re-review, and its record.
// The time the hearing takes is not counted in the review (re-review) limit.
import type { DocumentData, DocumentModel } from '../types.ts';
import { basisOf, cd, DOCUMENT_TITLES, required, sentence } from './common.ts';

const stageOf = (d: DocumentData) => (d.hearingStage?.trim() === '复核' ? '复核' : '复查');

/** 2026年11月20日 9时30分 (Asia/Shanghai). */
function dateTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const m = local.getUTCMinutes();
  return `${cd(at)}${local.getUTCHours()}时${m ? `${m}分` : ''}`;
}

export function hearingNotice(d: DocumentData): DocumentModel {
  const stage = stageOf(d);
  const at = required(d, 'hearingAt', '听证时间');
  const place = required(d, 'hearingPlace', '听证地点').trim();
  return {
    title: DOCUMENT_TITLES.hearing_notice,
    addressee: d.petitionerName.trim(),
    blocks: [
      {
        type: 'p',
        text:
          `你请求${stage}的“${d.subject.trim()}”信访事项（信访件编号：${d.caseNumber.trim()}），` +
          `根据${basisOf(d, 'hearing_notice')}的规定，本机关决定举行听证。`,
      },
      {
        type: 'fields',
        rows: [
          ['听证时间', dateTime(at)],
          ['听证地点', place],
          ['参加人员', required(d, 'participants', '参加人员').trim()],
        ],
      },
      {
        type: 'p',
        text:
          '请你按时参加，并可以陈述事实和理由、提交证据。无正当理由不参加的，不影响本机关依法作出' +
          `${stage}意见。听证所用时间不计入${stage}期限。`,
      },
    ],
    closing: '特此通知。',
  };
}

export function hearingRecord(d: DocumentData): DocumentModel {
  const stage = stageOf(d);
  return {
    title: DOCUMENT_TITLES.hearing_record,
    addressee: d.petitionerName.trim(),
    blocks: [
      {
        type: 'p',
        text: `“${d.subject.trim()}”信访事项（信访件编号：${d.caseNumber.trim()}）${stage}听证笔录如下：`,
      },
      {
        type: 'fields',
        rows: [
          ['听证时间', d.hearingAt ? dateTime(d.hearingAt) : '—'],
          ['听证地点', d.hearingPlace?.trim() || '—'],
          ['参加人员', d.participants?.trim() || '—'],
        ],
      },
      { type: 'heading', text: '一、听证情况' },
      { type: 'p', text: sentence(required(d, 'hearingRecord', '听证情况')) },
      { type: 'heading', text: '二、听证意见' },
      { type: 'p', text: sentence(required(d, 'decision', '听证意见')) },
    ],
  };
}
