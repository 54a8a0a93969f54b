// What the API answers for the expert library: an expert with their load (open assignments,
// opinions given), and an assignment with the expert's opinion and the actions the caller may take.
// Experts are professionals named in full; a matter is named by number and subject.
import {
  ASSIGNMENT_STATUS_NAMES,
  type AssignmentPurpose,
  type AssignmentStatus,
  AVAILABILITY_NAMES,
  type Availability,
  type ExpertField,
  type ExpertLevel,
  FIELD_NAMES,
  LEVEL_NAMES,
  PURPOSE_NAMES,
} from '../domain/experts/experts.ts';
import { type Actor, type AssignmentActionName, expertPolicy } from '../policies/experts.ts';
import type { AssignmentItem, ExpertItem } from './contract.ts';
import type { AssignmentListRow, ExpertRow } from './queries.ts';

export function presentExpert(r: {
  e: ExpertRow;
  unit: string | null;
  open: number;
  opinions: number;
}): ExpertItem {
  const e = r.e;
  return {
    id: e.id,
    name: e.name,
    field: e.field,
    fieldName: FIELD_NAMES[e.field as ExpertField] ?? e.field,
    level: e.level,
    levelName: LEVEL_NAMES[e.level as ExpertLevel] ?? e.level,
    title: e.title,
    unitId: e.unitId,
    unit: r.unit,
    affiliation: e.affiliation,
    jurisdictionCode: e.jurisdictionCode,
    availability: e.availability,
    availabilityName: AVAILABILITY_NAMES[e.availability as Availability] ?? e.availability,
    expertise: e.expertise,
    active: e.active,
    openAssignments: Number(r.open),
    opinions: Number(r.opinions),
  };
}

const ACTION_LABELS: Record<AssignmentActionName, string> = {
  file_opinion: '录入专家意见',
  withdraw: '撤回指派',
};

export function presentAssignment(actor: Actor, r: AssignmentListRow): AssignmentItem {
  const a = r.a;
  const status = a.status as AssignmentStatus;
  return {
    id: a.id,
    expertId: a.expertId,
    expert: r.expert,
    fieldName: FIELD_NAMES[r.field as ExpertField] ?? r.field,
    caseId: a.caseId,
    caseNumber: r.caseNumber,
    subject: r.subject,
    backlogMatterId: a.backlogMatterId,
    purpose: a.purpose,
    purposeName: PURPOSE_NAMES[a.purpose as AssignmentPurpose] ?? a.purpose,
    question: a.question,
    status,
    statusName: ASSIGNMENT_STATUS_NAMES[status] ?? status,
    assigningUnit: r.assigningUnit,
    assignedAt: a.assignedAt.toISOString(),
    opinion: a.opinion,
    opinionDate: a.opinionDate,
    availableActions:
      status === 'assigned'
        ? (Object.keys(ACTION_LABELS) as AssignmentActionName[])
            .filter((x) => expertPolicy.act(actor, a, x))
            .map((x) => ({ action: x, label: ACTION_LABELS[x] }))
        : [],
  };
}
