// The shapes of /api/v1/cards answers (src/cards/presenters.ts).
export interface CardEntry {
  stage: string;
  stageName: string;
  at: string;
  unit: string;
  levelName: string;
}

export interface Card {
  id: number;
  cardNo: string;
  holder: string;
  unit: string;
  levelName: string;
  issuedAt: string;
  stateName: string;
  matterLevelName: string;
  caseId: number;
  caseNumber: string;
  subject: string;
  entries: CardEntry[];
  visits?: {
    id: number;
    at: string;
    unit: string;
    verdictName: string;
    skipped: boolean;
    guidanceIssued: boolean;
  }[];
  qrUrl: string;
}

export interface CheckAnswer {
  visitId: number;
  verdict: string;
  verdictName: string;
  skipped: boolean;
  rightUnit: string;
  message: string;
  holder: string;
  card: {
    cardNo: string;
    caseNumber: string;
    caseId: number;
    unit: string;
    levelName: string;
    entries: CardEntry[];
  };
}
