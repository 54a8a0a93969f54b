// The timeline in plain words: the event's label plus what a petitioner needs to know (which unit,
// why, with what result), from the event's detail.
import type { TFunction } from 'i18next';
import type { TimelineItem } from '../shared/types.ts';

const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : '');

export function describeEvent(e: TimelineItem, t: TFunction): string {
  const d = e.detail;
  switch (e.action) {
    case 'register':
      return s(d.registeringUnit)
        ? t('{{unit}}已登记您的信访事项', { unit: s(d.registeringUnit) })
        : t('您的信访事项已登记');
    case 'accept':
      return s(d.unit) ? t('{{unit}}已受理', { unit: s(d.unit) }) : t('已受理');
    case 'not_accept':
      return [
        t('不予受理，理由：{{reason}}', { reason: s(d.reason) || s(d.reasonCode) }),
        s(d.reasonText),
        s(d.competentBody) ? t('请向{{body}}提出', { body: s(d.competentBody) }) : '',
      ]
        .filter(Boolean)
        .join('。');
    case 'refer_channel':
      return [
        t('请通过法定途径解决：{{channel}}', { channel: s(d.channelName) }),
        s(d.competentBody) ? t('请向{{body}}提出', { body: s(d.competentBody) }) : '',
        s(d.reasonText),
      ]
        .filter(Boolean)
        .join('。');
    case 'forward':
      return t('已转送{{unit}}处理', { unit: s(d.targetUnit) });
    case 'assign':
      return t('已交{{unit}}办理', { unit: s(d.targetUnit) });
    case 'add_progress':
      return s(d.note) || t('正在办理');
    case 'approve_extension':
      return t('办理期限延长{{days}}日，原因：{{reason}}', { days: d.days ?? '', reason: s(d.reason) });
    case 'reply':
    case 'decide_review':
    case 'decide_rereview':
      return [s(d.outcomeName) ? t('结论：{{o}}', { o: s(d.outcomeName) }) : '', s(d.decision)]
        .filter(Boolean)
        .join('。');
    case 'deliver':
      return t('处理意见书已送达');
    case 'rate':
      return t('您的评价：信访部门{{b}}，责任单位{{u}}', { b: s(d.bureauRating), u: s(d.unitRating) });
    case 'request_review':
      return t('已申请复查，复查机关：{{unit}}', { unit: s(d.reviewUnit) });
    case 'request_rereview':
      return t('已申请复核，复核机关：{{unit}}', { unit: s(d.reviewUnit) });
    case 'settle':
      return t('已调解和解');
    case 'close':
      return t('已办结');
    default:
      return '';
  }
}
