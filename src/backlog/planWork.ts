// The 化解方案 of an identified matter: its steps (each with an owner and a due date), their
// completion, and progress notes.
import { and, eq } from 'drizzle-orm';
import { backlogProgress, backlogSteps } from '../db/schema.ts';
import { badRequest, conflict } from '../errors.ts';
import type { ActionInput } from './commands.ts';
import { checkDeadline, checkUnit, type MatterStep } from './matterStep.ts';

type PlanInput = Extract<ActionInput, { action: 'add_step' | 'complete_step' | 'add_progress' }>;

/** Plan steps leave no case timeline event. */
export async function planStep(s: MatterStep, input: PlanInput): Promise<null> {
  const { w, actor, m, now } = s;
  const tx = w.tx;
  switch (input.action) {
    case 'add_step': {
      if (input.ownerUnitId !== undefined)
        await checkUnit(w, input.ownerUnitId, m.jurisdictionCode, 'ownerUnitId');
      checkDeadline(input.dueDate, now, 'dueDate');
      await tx.insert(backlogSteps).values({
        matterId: m.id,
        title: input.title,
        ownerName: input.ownerName,
        ownerUnitId: input.ownerUnitId ?? null,
        dueDate: input.dueDate,
        createdBy: actor.userId,
        createdAt: now,
      });
      break;
    }
    case 'complete_step': {
      const [step] = await tx
        .select()
        .from(backlogSteps)
        .where(and(eq(backlogSteps.id, input.stepId), eq(backlogSteps.matterId, m.id)))
        .for('update');
      if (!step) throw badRequest('backlog_step_unknown', '该积案没有这个方案步骤', 'stepId');
      if (step.doneAt) throw conflict('backlog_step_done', '该步骤已完成');
      await tx.update(backlogSteps).set({ doneAt: now }).where(eq(backlogSteps.id, step.id));
      await tx.insert(backlogProgress).values({
        matterId: m.id,
        stepId: step.id,
        note: input.note ?? `已完成：${step.title}`,
        userId: actor.userId,
        unitId: actor.unitId,
        at: now,
      });
      break;
    }
    case 'add_progress': {
      if (input.stepId !== undefined) {
        const [step] = await tx
          .select({ id: backlogSteps.id })
          .from(backlogSteps)
          .where(and(eq(backlogSteps.id, input.stepId), eq(backlogSteps.matterId, m.id)));
        if (!step) throw badRequest('backlog_step_unknown', '该积案没有这个方案步骤', 'stepId');
      }
      await tx.insert(backlogProgress).values({
        matterId: m.id,
        stepId: input.stepId ?? null,
        note: input.note,
        userId: actor.userId,
        unitId: actor.unitId,
        at: now,
      });
      break;
    }
  }
  return null;
}
