// 关联重复件 (Art 19 ¶3): a registrar links a registered case to the open matter it repeats. The
// repeat is not accepted (同一事项正在办理期间); the open matter counts one more repeat petition and
// shows it on its timeline — written by the duplicates capability on the `case.acted` event.
import { z } from 'zod';
import { badRequest, conflict } from '../../../errors.ts';
import { zId } from '../../validation/fields.ts';
import { defineAction, phrase, text } from '../define.ts';
import { type CaseState, isOpen, NON_ACCEPTANCE_REASONS } from '../vocabulary.ts';
import { note, noteField, STAFF_BUREAU } from './common.ts';

export const linkRepeat = defineAction({
  label: '关联重复件',
  from: ['registered', 'forwarded'],
  to: 'not_accepted',
  roles: STAFF_BUREAU,
  who: 'holder',
  payload: z.object({
    targetCaseId: zId('要关联的信访事项'),
    note,
  }),
  stops: ['acceptance', 'objection'],
  public: true,
  async effect({ payload: p, c, now, ports }) {
    if (p.targetCaseId === c.id) throw badRequest('same_case', '不能关联到本件', 'targetCaseId');
    // Unknown and out-of-scope answer the same, so the existence of other matters does not leak.
    const target = await ports.visibleCaseForUpdate(p.targetCaseId);
    if (!target) throw badRequest('unknown_case', '要关联的信访事项不存在，或您无权查看', 'targetCaseId');
    if (!isOpen(target.state as CaseState)) {
      throw conflict('target_not_open', `信访件 ${target.caseNumber} 已办结，只能关联到正在办理的事项`);
    }
    const reason = NON_ACCEPTANCE_REASONS.BEING_HANDLED_SAME_MATTER;
    return {
      patch: {
        reasonCode: 'BEING_HANDLED_SAME_MATTER',
        firstTime: false,
        closedAt: now,
        currentUnitId: null,
      },
      detail: {
        targetCaseId: target.id,
        targetCaseNumber: target.caseNumber,
        reasonCode: 'BEING_HANDLED_SAME_MATTER',
        reason: reason.name,
        basis: reason.basis,
        note: p.note,
      },
      linkedCase: target,
      auditSummary: { targetCaseId: target.id },
    };
  },
  form: [
    { name: 'targetCaseId', label: '关联到的信访事项', kind: 'relatedCase', required: true },
    { ...noteField, label: '关联说明' },
  ],
  // On the repeat the event names the matter it was merged into; the open matter's own event (written
  // by the duplicates subscriber, and at intake) says a repeat was merged into it.
  eventLabel: (d) =>
    d.targetCaseNumber
      ? `关联重复件（并入信访件 ${d.targetCaseNumber}）`
      : 'supplementContent' in d
        ? '收到补充材料（重复信访并入本件）'
        : '重复信访（已并入本件）',
  // What the petitioner reads: a follow-up written at intake is kept as 补充材料 on this matter.
  describe: (d) =>
    text(d.targetCaseNumber)
      ? [phrase('同一事项正在信访件 {{n}} 中办理，已并入该件', { n: text(d.targetCaseNumber) })]
      : 'supplementContent' in d
        ? [phrase('您再次提交的内容已作为补充材料并入本事项')]
        : [],
});
