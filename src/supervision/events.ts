// What supervision publishes inside its transactions, for other capabilities to react to
// (subscribers wired in src/capabilities.ts).
import type { Actor } from '../policies/actor.ts';

/** A supervision order (督查督办单) was raised on a case or a unit. */
export interface SupervisionRaised {
  actor: Actor;
  orderId: number;
  caseId: number | null;
  caseNumber: string | null;
  /** The addressed unit. */
  unitId: number;
  typeName: string;
  /** Feedback deadline (YYYY-MM-DD). */
  deadline: string;
  at: Date;
}

export interface SupervisionEvents {
  'supervision.raised': SupervisionRaised;
}
