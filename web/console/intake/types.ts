// The answers of the intake routes (src/intake/presenters.ts), as the console reads them.
export interface Department {
  key: string;
  name: string;
  unitId?: number;
  unitName?: string;
}

export interface Classification {
  caseId: number;
  jurisdictionCode: string;
  categoryCode: string | null;
  categoryName: string | null;
  status: 'pending' | 'confirmed' | 'changed' | 'given';
  statusName: string;
  stored: boolean;
  suggestion: {
    top3: { category: string; code: string | null; probability: number; department: Department }[];
    why: { term: string; weight: number }[];
    confidence: number;
    lowConfidence: boolean;
    modelVersion: string;
    suggestedAt: string | null;
  };
  legalHints: { ruleId: string; label: string; competentBody: string; advice: string; matched: string[] }[];
  routed: { category: string; department: Department } | null;
  decidedAt: string | null;
  decidedBy: string | null;
  mayCategorize: boolean;
}

export interface UnitHit {
  id: number;
  name: string;
  shortName: string;
  kind: string;
  jurisdictionCode: string;
  jurisdictionName: string;
}

/** A well-formed classification answer (panels tolerate an error or a stubbed fetch). */
export const isClassification = (x: unknown): x is Classification =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Classification).status === 'string' &&
  Array.isArray((x as Classification).suggestion?.top3);

/** The lifecycle actions whose target unit the routing pre-selects, in order of preference. */
export const ROUTED_ACTIONS = ['assign', 'forward'] as const;
