// 第三方参与: a lawyer, a psychological counsellor or a social worker's part in a matter (律师参与、
// 心理疏导、社会工作服务) — who, when, what was done and what came of it — recorded in one
// transaction with an internal timeline event and an audit row.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { caseInterventions, cases } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { INTERVENTION_KINDS, INTERVENTION_NAMES } from '../domain/mediation/referrals.ts';
import { zDate, zText } from '../domain/validation/fields.ts';
import { badRequest } from '../errors.ts';
import { casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, mediationPolicy } from '../policies/mediation.ts';
import { audit, caseEvent } from './commands.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });
const optText = (label: string, max = 200) => zText({ label, max }).optional();

export const InterventionInput = z.object({
  kind: z.enum(INTERVENTION_KINDS, { error: '参与类型应为 lawyer、counselling 或 social_work' }),
  provider: text('参与人员', 100),
  organization: optText('所在机构', 100),
  date: zDate('参与日期'),
  activity: text('参与情况', 5000),
  result: text('参与效果', 2000),
});

/** 第三方参与: a lawyer, counsellor or social worker's part in a matter. Returns its id. */
export async function recordIntervention(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: z.infer<typeof InterventionInput>,
): Promise<number> {
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId));
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    ensureAllowed(
      mediationPolicy.recordIntervention(actor, c as typeof cases.$inferSelect),
      '您没有权限记录第三方参与',
    );
    const now = new Date();
    if (input.date > shanghaiDate(now))
      throw badRequest('intervention_future', '参与日期不能晚于今天', 'date');
    const [row] = await w.tx
      .insert(caseInterventions)
      .values({
        caseId,
        ...input,
        organization: input.organization ?? null,
        recordedBy: actor.userId,
        recordingUnitId: actor.unitId,
        createdAt: now,
      })
      .returning({ id: caseInterventions.id });
    if (!row) throw new Error('insert returned nothing');
    await caseEvent(w, actor, caseId, 'intervention', now, {
      interventionId: row.id,
      kind: INTERVENTION_NAMES[input.kind],
      provider: input.provider,
      result: input.result,
    });
    audit(w, actor, 'intervention', 'case', caseId, { interventionId: row.id, kind: input.kind });
    return row.id;
  });
}
