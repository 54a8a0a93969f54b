// What the API answers for backlog matters: a list item, and the detail with the plan, progress,
// the seven-standard checklist and the actions the caller may take now. No personal data: the
// case is named by number and subject (as in the case lists).
import { z } from 'zod';
import type { Executor } from '../db/client.ts';
import { daysOpen, planStatus } from '../domain/backlog/ledger.ts';
import { STANDARDS } from '../domain/backlog/standards.ts';
import {
  BACKLOG_ACTION_NAMES,
  BACKLOG_ACTIONS,
  type BacklogLevel,
  type BacklogStatus,
  LEVEL_NAMES,
  nextStatus,
  STATUS_NAMES,
} from '../domain/backlog/states.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { type Actor, backlogPolicy } from '../policies/backlog.ts';
import { packagesOf } from './packages.ts';
import { type MatterRow, matterParts, namesOf } from './queries.ts';

export const MatterItem = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  jurisdictionCode: z.string(),
  status: z.string(),
  statusName: z.string(),
  source: z.enum(['system', 'manual']),
  ruleHits: z.array(z.object({ rule: z.string(), label: z.string() })),
  level: z.string().nullable(),
  levelName: z.string().nullable(),
  deadline: z.string().nullable(),
  proposedAt: z.string().nullable(),
  identifiedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export type MatterItemView = z.infer<typeof MatterItem>;

export function presentItem(r: { m: MatterRow; caseNumber: string; subject: string }): MatterItemView {
  const m = r.m;
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
    proposedAt: m.proposedAt?.toISOString() ?? null,
    identifiedAt: m.identifiedAt?.toISOString() ?? null,
    resolvedAt: m.resolvedAt?.toISOString() ?? null,
    updatedAt: m.updatedAt.toISOString(),
  };
}

export const MatterDetail = MatterItem.extend({
  reason: z.string().nullable(),
  responsibleUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  proposingUnit: z.string().nullable(),
  approvingUnit: z.string().nullable(),
  proposedBy: z.string().nullable(),
  identifiedBy: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  daysOpen: z.number().nullable(),
  notes: z.array(
    z.object({ action: z.string(), label: z.string(), at: z.string(), by: z.string(), text: z.string() }),
  ),
  plan: z.object({
    status: z.object({ total: z.number(), done: z.number(), overdue: z.number(), label: z.string() }),
    steps: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        ownerName: z.string(),
        ownerUnit: z.string().nullable(),
        dueDate: z.string(),
        doneAt: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
  }),
  progress: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      note: z.string(),
      by: z.string().nullable(),
      stepId: z.number().nullable(),
    }),
  ),
  standards: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      hint: z.string(),
      evidence: z.string().nullable(),
      evidenceBy: z.string().nullable(),
      evidenceAt: z.string().nullable(),
      signedBy: z.string().nullable(),
      signedAt: z.string().nullable(),
      met: z.boolean(),
    }),
  ),
  standardsMet: z.number(),
  packages: z.array(
    z.object({
      id: z.number(),
      leaderUserId: z.number(),
      leader: z.string(),
      unit: z.string().nullable(),
      level: z.string(),
      levelName: z.string(),
      takenAt: z.string(),
      plan: z.record(z.string(), z.string()),
      records: z.array(
        z.object({
          id: z.number(),
          kind: z.string(),
          kindName: z.string(),
          date: z.string(),
          note: z.string(),
        }),
      ),
    }),
  ),
  availableActions: z.array(z.object({ action: z.string(), label: z.string() })),
});

/** The actions the caller may take on the matter now (status and rule table). */
export function availableActions(actor: Actor, m: MatterRow): { action: string; label: string }[] {
  return BACKLOG_ACTION_NAMES.filter(
    (a) => nextStatus(a, m.status as BacklogStatus) !== null && backlogPolicy.act(actor, m, a),
  )
    .filter((a) => !(a === 'approve' && m.proposedBy === actor.userId))
    .map((a) => ({ action: a, label: BACKLOG_ACTIONS[a].label }));
}

export async function presentDetail(
  exec: Executor,
  actor: Actor,
  r: { m: MatterRow; caseNumber: string; subject: string },
  now = new Date(),
): Promise<z.infer<typeof MatterDetail>> {
  const m = r.m;
  const { steps, progress, checks } = await matterParts(exec, m.id);
  const packs = await packagesOf(exec, m.id);
  const names = await namesOf(
    exec,
    [m.proposedBy, m.identifiedBy, m.resolvedBy, ...checks.flatMap((c) => [c.evidenceBy, c.signedBy])].filter(
      (x): x is number => x != null,
    ),
    [m.responsibleUnitId, m.proposingUnitId, m.approvingUnitId, ...steps.map((s) => s.ownerUnitId)].filter(
      (x): x is number => x != null,
    ),
  );
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
    ...presentItem(r),
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
