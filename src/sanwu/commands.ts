// 三无县 evaluation commands, one transaction each with an audit row: record (or update) the
// evaluation of a county for a year — the platform's evidence counted afresh, the manual criteria
// as entered — and decide it (评定), after which it no longer changes.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { sanwuEvaluations } from '../db/schema.ts';
import { criteriaOf, evaluate, resultOf } from '../domain/linkage/sanwu.ts';
import { zCode, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict } from '../errors.ts';
import { auditLinkage } from '../linkage/caseEvent.ts';
import { ensureAllowed } from '../policies/index.ts';
import { type Actor, sanwuPolicy } from '../policies/linkage.ts';
import { countyName, platformEvidence, visibleEvaluation } from './queries.ts';

export const zYear = z.coerce
  .number({ error: '年度应为四位数字' })
  .int('年度应为四位数字')
  .min(2000, '年度应在2000至2100年之间')
  .max(2100, '年度应在2000至2100年之间');

export const RecordBody = z.object({
  jurisdiction: zCode('县（市、区）代码应为6位数字'),
  year: zYear,
  manual: z
    .array(
      z.object({
        key: zText({ label: '标准代码', max: 40 }),
        met: z.boolean({ error: '请选择是否达到该项标准' }),
        note: zText({ label: '依据说明', max: 1000 }).optional(),
      }),
    )
    .max(20)
    .default([]),
  opinion: zText({ label: '评定意见', max: 2000 }).optional(),
});

/** The evidence of a county and year: the criteria of the year, the platform's counts, the entries. */
export async function evidenceOf(
  exec: Executor,
  county: string,
  year: number,
  manual: Record<string, { met: boolean; note?: string | null }>,
) {
  const criteria = criteriaOf(year);
  const evidence = evaluate(criteria, await platformEvidence(exec, county, year), manual);
  return { evidence, result: resultOf(evidence) };
}

export async function recordEvaluation(ctx: AppContext, actor: Actor, input: z.infer<typeof RecordBody>) {
  return runCommand(ctx, async (w) => {
    const county = await countyName(w.tx, input.jurisdiction);
    if (county?.level !== 3)
      throw badRequest('sanwu_not_county', '三无评定的对象应为县（市、区）', 'jurisdiction');
    ensureAllowed(sanwuPolicy.evaluate(actor, input.jurisdiction), '只有上级信访部门的督查员或领导可以评定');
    const criteria = criteriaOf(input.year);
    for (const m of input.manual) {
      const c = criteria.find((x) => x.key === m.key);
      if (!c)
        throw badRequest(
          'sanwu_unknown_criterion',
          `${input.year}年度没有该项标准：${m.key.slice(0, 20)}`,
          'manual',
        );
      if (c.evidence !== 'manual')
        throw badRequest('sanwu_platform_criterion', `“${c.name}”由平台数据认定，不能手工填写`, 'manual');
    }
    const [existing] = await w.tx
      .select()
      .from(sanwuEvaluations)
      .where(
        and(eq(sanwuEvaluations.jurisdictionCode, input.jurisdiction), eq(sanwuEvaluations.year, input.year)),
      )
      .for('update');
    if (existing?.status === 'decided')
      throw conflict('sanwu_decided', '该县（市、区）本年度已评定，不能再修改');
    const manual = Object.fromEntries(input.manual.map((m) => [m.key, { met: m.met, note: m.note ?? null }]));
    const { evidence, result } = await evidenceOf(w.tx, input.jurisdiction, input.year, manual);
    const now = new Date();
    const values = {
      evidence,
      result,
      opinion: input.opinion ?? existing?.opinion ?? null,
      evaluatingUnitId: actor.unitId as number,
      updatedBy: actor.userId,
      updatedAt: now,
    };
    let id: number;
    if (existing) {
      await w.tx.update(sanwuEvaluations).set(values).where(eq(sanwuEvaluations.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await w.tx
        .insert(sanwuEvaluations)
        .values({
          ...values,
          jurisdictionCode: input.jurisdiction,
          year: input.year,
          status: 'draft',
          createdAt: now,
        })
        .returning({ id: sanwuEvaluations.id });
      if (!row) throw new Error('insert returned nothing');
      id = row.id;
    }
    auditLinkage(w, actor, 'sanwu', 'record', id, {
      jurisdiction: input.jurisdiction,
      year: input.year,
      result,
    });
    return id;
  });
}

/** 评定: a leader of the bureau above decides the record; every manual criterion must be entered. */
export async function decideEvaluation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  opinion: string | undefined,
) {
  await runCommand(ctx, async (w) => {
    const e = await visibleEvaluation(w.tx, actor, id, true);
    if (e.status === 'decided') throw conflict('sanwu_decided', '该评定已作出，不能重复评定');
    ensureAllowed(sanwuPolicy.decide(actor, e.jurisdictionCode), '只有上级信访部门领导可以作出评定');
    if (e.result === null) throw conflict('sanwu_incomplete', '尚有需人工认定的标准未填写，不能作出评定');
    const now = new Date();
    await w.tx
      .update(sanwuEvaluations)
      .set({
        status: 'decided',
        opinion: opinion ?? e.opinion,
        decidedBy: actor.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(sanwuEvaluations.id, e.id));
    auditLinkage(w, actor, 'sanwu', 'decide', e.id, {
      jurisdiction: e.jurisdictionCode,
      year: e.year,
      result: e.result,
    });
  });
}
