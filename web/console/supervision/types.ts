// Shapes of /api/v1/supervision answers used by the console's 督查督办 pages.

export interface OrderItem {
  id: number;
  type: string;
  typeName: string;
  target: string;
  targetName: string;
  caseId: number | null;
  caseNumber: string | null;
  subject: string | null;
  unitId: number;
  unit: string;
  jurisdictionCode: string;
  number: string | null;
  deadline: string;
  status: string;
  statusName: string;
  overdue: boolean;
  escalationLevel: number;
  escalationName: string;
  raisedAt: string;
  feedbackAt: string | null;
  closedAt: string | null;
}

export interface OrderDetail extends OrderItem {
  facts: string;
  requirements: string;
  raisingUnit: string;
  raisedBy: string | null;
  feedback: string | null;
  feedbackAttachments: string | null;
  feedbackBy: string | null;
  closedBy: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  letterUrl: string | null;
  history: { step: string; label: string; at: string; by: string | null; text: string }[];
  availableActions: { action: string; label: string }[];
}

export const STATUS_COLORS: Record<string, string> = {
  issued: 'orange',
  feedback_filed: 'blue',
  closed: 'green',
};
