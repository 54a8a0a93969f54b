// What the API answers for backlog matters: a list item, and the detail with the plan, progress,
// the seven-standard checklist and the actions the caller may take now. No personal data: the
// case is named by number and subject (as in the case lists).
import { daysOpen, planStatus } from '../domain/backlog/ledger.ts';
import { STANDARDS } from '../domain/backlog/standards.ts';
import {
  BACKLOG_ACTION_NAMES,
  BACKLOG_ACTIONS,
  type BacklogLevel,
  type BacklogStatus,
  isEnded,
  LEVEL_NAMES,
  nextStatus,
  STATUS_NAMES,
} from '../domain/backlog/states.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { type Actor, backlogPolicy } from '../policies/backlog.ts';
import type { MatterDetail, MatterItem as MatterItemView } from './contract.ts';

export { MatterDetail, MatterItem } from './contract.ts';

import type { MatterDetailData, MatterRow } from './queries.ts';

export type { MatterItem as MatterItemView } from './contract.ts';

export function presentItem(
  r: { m: MatterRow; caseNumber: string; subject: string },
  today: string,
): MatterItemView {
  const m = r.m;
  const active = !isEnded(m.status as BacklogStatus);
  return {
    id: m.id,
    caseId: m.caseId,
    caseNumber: r.caseNumber,
    subject: r.subject,
    jurisdictionCode: m.jurisdictionCode,
    status: m.status,
    statusName: STATUS_NAMES[m.status as BacklogStatus] ?? m.status,
    source: m.source === 'system' ? 'system' : 'manual',
    ruleHits: (m.ruleHits as { rule: string; label: string }[]) ?? [],
    level: m.level,
    levelName: m.level ? (LEVEL_NAMES[m.level as BacklogLevel] ?? m.level) : null,
    deadline: m.deadline,
    overdue: active && m.deadline !== null && m.deadline < today,
    proposedAt: m.proposedAt?.toISOString() ?? null,
    identifiedAt: m.identifiedAt?.toISOString() ?? null,
    resolvedAt: m.resolvedAt?.toISOString() ?? null,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The actions the caller may take on the matter now (status and rule table). */
export function availableActions(actor: Actor, m: MatterRow): { action: string; label: string }[] {
  return BACKLOG_ACTION_NAMES.filter(
    (a) => nextStatus(a, m.status as BacklogStatus) !== null && backlogPolicy.act(actor, m, a),
  )
    .filter((a) => !(a === 'approve' && m.proposedBy === actor.userId))
    .map((a) => ({ action: a, label: BACKLOG_ACTIONS[a].label }));
}

/** `parts`: from queries.matterDetailOf. */
export function presentDetail(
  actor: Actor,
  r: { m: MatterRow; caseNumber: string; subject: string },
  { steps, progress, checks, packs, names }: MatterDetailData,
  now = new Date(),
): MatterDetail {
  const m = r.m;
  const today = shanghaiDate(now);
  const standards = STANDARDS.map((s) => {
    const c = checks.find((x) => x.standard === s.key);
    return {
      key: s.key,
      name: s.name,
      hint: s.hint,
      evidence: c?.evidence ?? null,
      evidenceBy: names.user(c?.evidenceBy ?? null),
      evidenceAt: c?.evidenceAt.toISOString() ?? null,
      signedBy: names.user(c?.signedBy ?? null),
      signedAt: c?.signedAt?.toISOString() ?? null,
      met: !!c?.evidence && !!c.signedAt,
    };
  });
  const responsible = names.unit(m.responsibleUnitId);
  return {
    ...presentItem(r, today),
    reason: m.reason,
    responsibleUnit:
      m.responsibleUnitId && responsible ? { id: m.responsibleUnitId, name: responsible } : null,
    proposingUnit: names.unit(m.proposingUnitId),
    approvingUnit: names.unit(m.approvingUnitId),
    proposedBy: names.user(m.proposedBy),
    identifiedBy: names.user(m.identifiedBy),
    resolvedBy: names.user(m.resolvedBy),
    daysOpen: daysOpen(m.identifiedAt, m.resolvedAt ?? m.endedAt, now),
    notes: (m.notes as { action: string; label: string; at: string; by: string; text: string }[]).map(
      ({ action, label, at, by, text }) => ({ action, label, at, by, text }),
    ),
    plan: {
      status: planStatus(
        steps.map((s) => ({ dueDate: s.dueDate, done: s.doneAt !== null })),
        today,
      ),
      steps: steps.map((s) => ({
        id: s.id,
        title: s.title,
        ownerName: s.ownerName,
        ownerUnit: names.unit(s.ownerUnitId),
        dueDate: s.dueDate,
        doneAt: s.doneAt?.toISOString() ?? null,
        overdue: !s.doneAt && s.dueDate < today,
      })),
    },
    progress: progress.map(({ p, userName }) => ({
      id: p.id,
      at: p.at.toISOString(),
      note: p.note,
      by: userName,
      stepId: p.stepId,
    })),
    standards,
    standardsMet: standards.filter((s) => s.met).length,
    packages: packs.map((p) => ({ ...p, plan: p.plan as Record<string, string> })),
    availableActions: availableActions(actor, m).filter(
      // A leader takes a matter once; the plan and records need a package to write to.
      (a) =>
        (a.action !== 'take_package' || !packs.some((p) => p.leaderUserId === actor.userId)) &&
        ((a.action !== 'package_plan' && a.action !== 'package_record') || packs.length > 0),
    ),
  };
}
