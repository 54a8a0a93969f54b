// Commands on flags: set/clear a matter's flags (one transaction, one audit row; 重大紧急 reports it
// upwards), and 签收 of an upward report by the bureau it was made to.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { cases, flagReports } from '../db/schema.ts';
import { CASE_FLAGS } from '../domain/flags.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { flagPolicy } from '../policies/flags.ts';
import { type Actor, casePolicy, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { applyFlags } from './record.ts';

const flagEnum = z.enum(CASE_FLAGS, { error: `标识应为 ${CASE_FLAGS.join('、')} 之一` });

export const FlagsBody = z.object({
  set: z.array(flagEnum).max(CASE_FLAGS.length).default([]).meta({ description: '要标记的标识' }),
  clear: z.array(flagEnum).max(CASE_FLAGS.length).default([]).meta({ description: '要取消的标识' }),
  note: zText({ label: '说明', max: 500 }).optional().meta({ description: '说明（重大紧急时随上报）' }),
});
export type FlagsInput = z.infer<typeof FlagsBody>;

export async function changeFlags(ctx: AppContext, actor: Actor, caseId: number, input: FlagsInput) {
  if (input.set.length + input.clear.length === 0)
    throw badRequest('flags_empty', '请选择要标记或取消的标识', 'set');
  if (input.set.some((f) => input.clear.includes(f)))
    throw badRequest('flags_both', '同一标识不能同时标记和取消', 'set');
  return runCommand(ctx, async (w) => {
    const [c] = await w.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    ensureReadable(c !== undefined && casePolicy.read(actor, c));
    if (!c) throw notFound();
    ensureAllowed(flagPolicy.set(actor, c), '只有承办单位、负责的信访部门或上级督查人员可以修改标识');
    if ((TERMINAL_STATES as readonly string[]).includes(c.state) && input.set.includes('major_urgent'))
      throw conflict('case_ended', '该信访事项已办结，不能再标记为重大紧急');
    const r = await applyFlags(w, actor, c, input);
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'case.flags_changed',
      entity: 'case',
      entityId: String(caseId),
      summary: { set: input.set, clear: input.clear, reports: r.reports },
    });
    return r;
  });
}

export async function acknowledgeReport(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await runCommand(ctx, async (w) => {
    const [r] = await w.tx.select().from(flagReports).where(eq(flagReports.id, id)).for('update');
    const [c] = r ? await w.tx.select().from(cases).where(eq(cases.id, r.caseId)) : [];
    ensureReadable(r !== undefined && c !== undefined && casePolicy.read(actor, c));
    if (!r) return;
    ensureAllowed(flagPolicy.acknowledge(actor, r), '只有接收上报的信访部门领导或督查员可以签收');
    if (r.acknowledgedAt) throw conflict('report_acknowledged', '该上报已签收');
    await w.tx
      .update(flagReports)
      .set({ acknowledgedAt: new Date(), acknowledgedBy: actor.userId })
      .where(eq(flagReports.id, id));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'flag_report.acknowledged',
      entity: 'case',
      entityId: String(r.caseId),
      summary: { reportId: id, flag: r.flag },
    });
  });
}
