// 文书草稿与签发: who may do what with the draft of an opinion.
//   - read: staff who may read the matter (citizens see only the issued document);
//   - write (拟稿、修改) and issue (出具): staff whom the lifecycle table lets take the action now —
//     the holder's handlers for 处理意见书, the reviewing bureau's reviewers for 复查/复核意见书;
//   - sign off (签发): a leader of the drafting unit, or of a petition bureau whose subtree holds
//     the unit's place (the 信访局 of the same place or above);
//   - the unit rules (签发要求、文本模板): administrators of the jurisdiction or above.

import type { DraftAction } from '../domain/drafts/rules.ts';
import { actionDef } from '../domain/lifecycle/actions.ts';
import { type Actor, type CaseRef, casePolicy, inSubtree, settingsPolicy } from './index.ts';

export const draftPolicy = {
  read: (a: Actor, c: CaseRef): boolean => a.role !== 'citizen' && a.unitId !== null && casePolicy.read(a, c),
  /** The lifecycle table's own rule for the action (role and whose turn), so drafting follows issuing. */
  write: (a: Actor, c: CaseRef, action: DraftAction): boolean =>
    draftPolicy.read(a, c) &&
    actionDef(action).roles.includes(a.role) &&
    casePolicy.act(a, c, actionDef(action)),
  sign: (a: Actor, unit: { id: number; jurisdictionCode: string }): boolean =>
    a.role === 'leader' &&
    (a.unitId === unit.id || (a.unitKind === 'bureau' && inSubtree(a, unit.jurisdictionCode))),
  /** Read the unit rules of a place (the drafting form shows them): staff whose subtree holds it. */
  readRules: (a: Actor, jurisdictionCode: string): boolean =>
    a.role !== 'citizen' && a.scopePrefix !== null && jurisdictionCode.startsWith(a.scopePrefix),
  rules: (a: Actor, jurisdictionCode: string): boolean => settingsPolicy.update(a, jurisdictionCode),
};
