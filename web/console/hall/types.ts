// Shapes of /api/v1/hall answers (src/hall/queries.ts).
export interface Visit {
  id: number;
  day: string;
  queueNo: number;
  queueLabel: string;
  name: string;
  idNumber: string | null;
  visitors: number;
  representatives: string[];
  purpose: string;
  status: string;
  statusName: string;
  counter: string | null;
  calledAt: string | null;
  registeredAt: string;
  caseId: number | null;
}

export interface History {
  idNumber: string;
  matters: {
    id: number;
    caseNumber: string;
    subject: string;
    state: string;
    stateName: string;
    receivedAt: string;
    role: string;
  }[];
  visits: {
    id: number;
    day: string;
    queueLabel: string;
    purpose: string;
    status: string;
    caseId: number | null;
  }[];
}

export interface Duty {
  id: number;
  day: string;
  lawyerName: string;
  firm: string;
  specialty: string | null;
  consultations: number;
}

export interface DisplayData {
  hall: string;
  day: string;
  called: { queueLabel: string; name: string; counter: string; calledAt: string; status: string }[];
  waiting: number;
  nextUp: string[];
}
