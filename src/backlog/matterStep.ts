// What every backlog action's step works on (the matter, locked; the patch that will be written;
// the note it adds) and the checks more than one kind of step makes. The steps themselves live by
// sub-mechanism (flagging.ts, planWork.ts, closing.ts, packageWork.ts); commands.ts runs them.
import { UnitLookup } from '../cases/units.ts';
import type { Work } from '../commands/command.ts';
import type { backlogMatters } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { chainOf } from '../domain/jurisdictions.ts';
import { badRequest } from '../errors.ts';
import type { Actor } from '../policies/backlog.ts';
import type { MatterRow } from './queries.ts';

export interface MatterStep {
  w: Work;
  actor: Actor;
  m: MatterRow;
  now: Date;
  /** Written to the matter after the step (status and updatedAt already set). */
  patch: Partial<typeof backlogMatters.$inferInsert>;
  /** Appends the action's note (with its label, time and author) to the matter's notes. */
  addNote(text: string): void;
}

/** The detail of the case timeline event a step leaves, or null for none. */
export type EventDetail = Record<string, unknown> | null;

/** A responsible unit must exist and belong to the place of the matter or a jurisdiction above it. */
export async function checkUnit(w: Work, id: number, jurisdictionCode: string, field: string) {
  const unit = await new UnitLookup(w.ctx.db).unit(w.tx, id);
  if (!unit || !chainOf(jurisdictionCode).includes(unit.jurisdictionCode))
    throw badRequest('backlog_unit_invalid', '责任单位应为问题属地或其上级的单位', field);
  return unit;
}

export function checkDeadline(deadline: string, now: Date, field = 'deadline') {
  if (deadline < shanghaiDate(now)) throw badRequest('backlog_deadline_past', '期限不能早于今天', field);
}
