// What /api/v1/experts and /api/v1/expert-assignments answer (src/experts/presenters.ts).
export interface ExpertItem {
  id: number;
  name: string;
  field: string;
  fieldName: string;
  levelName: string;
  title: string | null;
  unit: string | null;
  affiliation: string;
  jurisdictionCode: string;
  availability: string;
  availabilityName: string;
  expertise: string | null;
  active: boolean;
  openAssignments: number;
  opinions: number;
}

export interface AssignmentItem {
  id: number;
  expertId: number;
  expert: string;
  fieldName: string;
  caseId: number;
  caseNumber: string;
  subject: string;
  backlogMatterId: number | null;
  purposeName: string;
  question: string;
  status: string;
  statusName: string;
  assigningUnit: string;
  assignedAt: string;
  opinion: string | null;
  opinionDate: string | null;
  availableActions: { action: string; label: string }[];
}

export const AVAILABILITY_COLORS: Record<string, string> = {
  available: 'green',
  busy: 'gold',
  unavailable: 'default',
};
