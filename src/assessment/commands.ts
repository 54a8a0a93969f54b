// Commands of 责任落实, each one transaction (runCommand) with one audit row: draft, edit and sign a
// responsibility letter (信访工作责任书); store a year's scheme of a level (考核方案); record a 通报,
// 约谈, 重点管理 or 问责 on a unit with the matters and supervision orders behind it, and its follow-up.
// Refusals change nothing: not visible (404), wrong status or duplicate (409), not allowed (403),
// bad payload (400).
import { and, eq, inArray, max } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import {
  accountabilityLinks,
  accountabilityRecords,
  assessmentSchemes,
  cases,
  jurisdictions,
  responsibilityLetters,
  supervisionOrders,
  units,
} from '../db/schema.ts';
import {
  FIELD_NAMES,
  missingField,
  RECORD_KIND_RULES,
  RECORD_KINDS,
  type RecordKind,
  SIGNATORY_SIDES,
} from '../domain/assessment/records.ts';
import {
  ASSESSED_LEVELS,
  type AssessedLevel,
  CASE_COUNTS,
  RATE_INDICATORS,
  schemeProblem,
} from '../domain/assessment/scheme.ts';
import { MAX_YEAR, zCode, zDate, zId, zText } from '../domain/validation/fields.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { assessmentPolicy } from '../policies/assessment.ts';
import { type Actor, casePolicy, ensureAllowed } from '../policies/index.ts';
import { supervisionScope } from '../policies/supervision.ts';

const text = (label: string, max = 2000) => zText({ label, max, min: 1 });
const opt = (label: string, max = 2000) => zText({ label, max }).optional();
const zYear = z
  .number({ error: '年度应为数字' })
  .int({ error: '年度应为整数' })
  .min(2000, { error: '年度不能早于2000年' })
  .max(MAX_YEAR, { error: `年度不能晚于${MAX_YEAR}年` });

const Target = z.object({
  text: text('目标任务', 500),
  indicator: z
    .enum(Object.keys(RATE_INDICATORS) as [string, ...string[]], { error: '未知的考核指标' })
    .optional(),
  target: z
    .number({ error: '目标值应为数字' })
    .min(0, { error: '目标值应在0到1之间' })
    .max(1, { error: '目标值应在0到1之间' })
    .optional(),
});

export const LetterBody = z.object({
  year: zYear,
  jurisdictionCode: zCode(),
  title: opt('标题', 100),
  body: text('责任书正文', 20_000),
  targets: z
    .array(Target, { error: '目标任务应为列表' })
    .max(30, { error: '目标任务不能超过30项' })
    .default([]),
});
export const LetterEdit = LetterBody.omit({ year: true, jurisdictionCode: true });

const Signatory = z.object({
  side: z.enum(SIGNATORY_SIDES, { error: '签订方应为 issuer（发放方）或 undertaker（责任方）' }),
  name: text('签订人姓名', 20),
  post: text('签订人职务', 50),
});
export const SignBody = z.object({
  signedOn: zDate('签订日期'),
  signatories: z
    .array(Signatory, { error: '签订人应为列表' })
    .min(2, { error: '请填写双方签订人' })
    .max(8, { error: '签订人不能超过8人' }),
});

export const SchemeItem = z.discriminatedUnion('kind', [
  z.object({
    key: zText({ label: '考核项目代码', max: 40 }),
    kind: z.literal('rate'),
    indicator: z.enum(Object.keys(RATE_INDICATORS) as [keyof typeof RATE_INDICATORS], {
      error: '未知的考核指标',
    }),
    points: z.number({ error: '分值应为数字' }),
    better: z.enum(['higher', 'lower'], { error: 'better 应为 higher 或 lower' }),
  }),
  z.object({
    key: zText({ label: '考核项目代码', max: 40 }),
    kind: z.literal('per_case'),
    count: z.enum(Object.keys(CASE_COUNTS) as [keyof typeof CASE_COUNTS], { error: '未知的扣分项' }),
    points: z.number({ error: '分值应为数字' }),
    perCase: z.number({ error: '每件扣分应为数字' }),
  }),
]);
export const SchemeBody = z.object({
  items: z.array(SchemeItem, { error: '考核指标应为列表' }).max(30, { error: '考核指标不能超过30项' }),
  note: opt('说明', 500),
});

export const RecordBody = z.object({
  kind: z.enum(RECORD_KINDS, {
    error: '记录类型应为 notice、interview、special_management 或 accountability',
  }),
  unitId: zId('单位'),
  title: text('标题', 100),
  facts: text('事由', 5000),
  decidedOn: zDate('决定日期'),
  person: opt('对象', 100),
  interviewer: opt('约谈人', 100),
  commitments: opt('整改承诺', 5000),
  followUpOn: zDate('回访日期').optional(),
  periodFrom: zDate('管理起始日期').optional(),
  periodTo: zDate('管理截止日期').optional(),
  measures: opt('管理措施', 5000),
  form: opt('问责方式', 50),
  decision: opt('问责决定', 5000),
  caseIds: z.array(zId('信访事项编号')).max(50, { error: '关联事项不能超过50件' }).default([]),
  orderIds: z.array(zId('督办编号')).max(50, { error: '关联督办不能超过50件' }).default([]),
});
export type RecordInput = z.infer<typeof RecordBody>;

export const FollowUpBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('follow_up'), result: text('回访结果', 5000) }),
  z.object({ action: z.literal('lift'), note: opt('解除说明', 2000) }),
]);

function audit(w: Work, actor: Actor, action: string, entity: string, id: number, summary: object) {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `assessment.${action}`,
    entity,
    entityId: id,
    summary: summary as Record<string, unknown>,
  });
}

/** 起草责任书: the issuing level's bureau drafts the year's letter of a jurisdiction one level down. */
export async function draftLetter(ctx: AppContext, actor: Actor, input: z.infer<typeof LetterBody>) {
  return runCommand(ctx, async (w) => {
    const [j] = await w.tx.select().from(jurisdictions).where(eq(jurisdictions.code, input.jurisdictionCode));
    if (!j?.parentCode)
      throw badRequest('invalid_jurisdiction', '该行政区划不签订下级责任书', 'jurisdictionCode');
    ensureAllowed(
      assessmentPolicy.can(actor, 'draft_letter', { jurisdictionCode: j.code, issuerCode: j.parentCode }),
      '只有上一级信访部门的督查员或领导可以起草责任书',
    );
    const [dup] = await w.tx
      .select({ id: responsibilityLetters.id })
      .from(responsibilityLetters)
      .where(
        and(eq(responsibilityLetters.year, input.year), eq(responsibilityLetters.jurisdictionCode, j.code)),
      );
    if (dup) throw conflict('letter_exists', `${j.name}${input.year}年度的责任书已存在`);
    const [row] = await w.tx
      .insert(responsibilityLetters)
      .values({
        year: input.year,
        jurisdictionCode: j.code,
        issuerCode: j.parentCode,
        title: input.title || `${input.year}年度${j.name}信访工作责任书`,
        body: input.body,
        targets: input.targets,
        status: 'drafted',
        createdBy: actor.userId,
      })
      .returning({ id: responsibilityLetters.id });
    const id = row?.id as number;
    audit(w, actor, 'letter_draft', 'responsibility_letter', id, { year: input.year, jurisdiction: j.code });
    return id;
  });
}

async function letterForUpdate(w: Work, actor: Actor, id: number, action: 'draft_letter' | 'sign_letter') {
  const [l] = await w.tx
    .select()
    .from(responsibilityLetters)
    .where(eq(responsibilityLetters.id, id))
    .for('update');
  if (!l || !assessmentPolicy.can(actor, 'read', l)) throw notFound('未找到该责任书，或您无权查看');
  if (l.status !== 'drafted') throw conflict('letter_signed', '责任书已签订，不能再修改');
  ensureAllowed(assessmentPolicy.can(actor, action, l), '只有发放责任书的信访部门可以修改或签订');
  return l;
}

export async function editLetter(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof LetterEdit>,
) {
  await runCommand(ctx, async (w) => {
    const l = await letterForUpdate(w, actor, id, 'draft_letter');
    await w.tx
      .update(responsibilityLetters)
      .set({ title: input.title || l.title, body: input.body, targets: input.targets, updatedAt: new Date() })
      .where(eq(responsibilityLetters.id, id));
    audit(w, actor, 'letter_edit', 'responsibility_letter', id, {});
  });
}

/** 签订: both sides' main leaders signed on a date; the letter is then fixed. */
export async function signLetter(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof SignBody>) {
  await runCommand(ctx, async (w) => {
    await letterForUpdate(w, actor, id, 'sign_letter');
    for (const side of SIGNATORY_SIDES)
      if (!input.signatories.some((s) => s.side === side))
        throw badRequest(
          'signatory_missing',
          side === 'issuer' ? '请填写发放方签订人' : '请填写责任方签订人',
          'signatories',
        );
    await w.tx
      .update(responsibilityLetters)
      .set({
        status: 'signed',
        signedOn: input.signedOn,
        signatories: input.signatories,
        updatedAt: new Date(),
      })
      .where(eq(responsibilityLetters.id, id));
    audit(w, actor, 'letter_sign', 'responsibility_letter', id, { signedOn: input.signedOn });
  });
}

/** 考核方案: the year's item table of a level replaces the defaults (or is removed: items = []). */
export async function setScheme(
  ctx: AppContext,
  actor: Actor,
  year: number,
  level: string,
  input: z.infer<typeof SchemeBody>,
) {
  if (!(ASSESSED_LEVELS as readonly string[]).includes(level))
    throw badRequest('invalid_level', '考核层级应为 city、county 或 town', 'level');
  ensureAllowed(
    assessmentPolicy.can(actor, 'set_scheme', { jurisdictionCode: '' }),
    '只有省信访局领导或管理员可以设置考核方案',
  );
  await runCommand(ctx, async (w) => {
    const where = and(eq(assessmentSchemes.year, year), eq(assessmentSchemes.level, level));
    if (input.items.length === 0) {
      await w.tx.delete(assessmentSchemes).where(where);
    } else {
      const problem = schemeProblem(input.items);
      if (problem) throw badRequest('invalid_scheme', problem, 'items');
      const values = {
        items: input.items,
        note: input.note ?? null,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      };
      await w.tx
        .insert(assessmentSchemes)
        .values({ year, level: level as AssessedLevel, ...values })
        .onConflictDoUpdate({ target: [assessmentSchemes.year, assessmentSchemes.level], set: values });
    }
    audit(w, actor, 'scheme_set', 'assessment_scheme', year, { level, items: input.items.length });
  });
}

/** 通报 / 约谈 / 重点管理 / 问责 on a unit, linked to the matters and orders behind it. */
export async function recordAccountability(
  ctx: AppContext,
  actor: Actor,
  input: RecordInput,
): Promise<number> {
  return runCommand(ctx, async (w) => {
    const [unit] = await w.tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw badRequest('invalid_unit', '未找到该单位', 'unitId');
    ensureAllowed(
      assessmentPolicy.can(actor, 'record', { jurisdictionCode: unit.jurisdictionCode }),
      '只有该单位所在辖区信访部门的督查员或领导可以记录',
    );
    const kind = input.kind as RecordKind;
    const missing = missingField(kind, input);
    if (missing) throw badRequest('field_required', `请填写${FIELD_NAMES[missing]}`, missing);
    if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo)
      throw badRequest('invalid_period', '管理截止日期不能早于起始日期', 'periodTo');
    if (input.followUpOn && input.followUpOn < input.decidedOn)
      throw badRequest('invalid_follow_up', '回访日期不能早于约谈日期', 'followUpOn');
    const caseIds = [...new Set(input.caseIds)];
    const orderIds = [...new Set(input.orderIds)];
    if (caseIds.length) {
      const rows = await w.tx.select().from(cases).where(inArray(cases.id, caseIds));
      for (const id of caseIds) {
        const c = rows.find((r) => r.id === id);
        if (!c || !casePolicy.read(actor, c))
          throw badRequest('invalid_case', `未找到信访事项 ${id}，或您无权查看`, 'caseIds');
      }
    }
    if (orderIds.length) {
      const rows = await w.tx
        .select({ id: supervisionOrders.id })
        .from(supervisionOrders)
        .where(and(inArray(supervisionOrders.id, orderIds), supervisionScope(actor)));
      for (const id of orderIds)
        if (!rows.some((r) => r.id === id))
          throw badRequest('invalid_order', `未找到督办 ${id}，或您无权查看`, 'orderIds');
    }
    let numberYear: number | null = null;
    let numberSeq: number | null = null;
    if (kind === 'notice') {
      numberYear = Number(input.decidedOn.slice(0, 4));
      const [m] = await w.tx
        .select({ n: max(accountabilityRecords.numberSeq) })
        .from(accountabilityRecords)
        .where(
          and(
            eq(accountabilityRecords.issuingUnitId, actor.unitId as number),
            eq(accountabilityRecords.numberYear, numberYear),
          ),
        );
      numberSeq = (m?.n ?? 0) + 1;
    }
    const only = (f: keyof RecordInput) =>
      RECORD_KIND_RULES[kind].requires.includes(f as never) || f === 'person'
        ? ((input[f] as string | undefined) ?? null)
        : null;
    const [row] = await w.tx
      .insert(accountabilityRecords)
      .values({
        kind,
        status: RECORD_KIND_RULES[kind].initial,
        unitId: unit.id,
        jurisdictionCode: unit.jurisdictionCode,
        issuingUnitId: actor.unitId as number,
        numberYear,
        numberSeq,
        title: input.title,
        facts: input.facts,
        decidedOn: input.decidedOn,
        person: only('person'),
        interviewer: only('interviewer'),
        commitments: only('commitments'),
        followUpOn: only('followUpOn'),
        periodFrom: only('periodFrom'),
        periodTo: only('periodTo'),
        measures: only('measures'),
        form: only('form'),
        decision: only('decision'),
        createdBy: actor.userId,
      })
      .returning({ id: accountabilityRecords.id });
    const id = row?.id as number;
    const links = [
      ...caseIds.map((caseId) => ({ recordId: id, caseId, orderId: null })),
      ...orderIds.map((orderId) => ({ recordId: id, caseId: null, orderId })),
    ];
    if (links.length) await w.tx.insert(accountabilityLinks).values(links);
    audit(w, actor, `record_${kind}`, 'accountability_record', id, {
      unitId: unit.id,
      cases: caseIds.length,
      orders: orderIds.length,
    });
    return id;
  });
}

/** 回访 (约谈) or 解除 (重点管理), by the bureau that recorded it. */
export async function followUpRecord(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof FollowUpBody>,
) {
  await runCommand(ctx, async (w) => {
    const [r] = await w.tx
      .select()
      .from(accountabilityRecords)
      .where(eq(accountabilityRecords.id, id))
      .for('update');
    if (!r || !assessmentPolicy.unitHistory(actor, r.unitId, r.jurisdictionCode))
      throw notFound('未找到该记录，或您无权查看');
    const rule = RECORD_KIND_RULES[r.kind as RecordKind]?.followUp;
    if (!rule || rule.action !== input.action)
      throw conflict(
        'no_such_follow_up',
        `${RECORD_KIND_RULES[r.kind as RecordKind]?.name ?? '该记录'}没有此项后续操作`,
      );
    if (r.status === rule.to) throw conflict('already_done', `已${rule.name}`);
    ensureAllowed(assessmentPolicy.can(actor, 'follow_up', r), '只有作出该记录的信访部门可以办理后续事项');
    const now = new Date();
    await w.tx
      .update(accountabilityRecords)
      .set(
        input.action === 'follow_up'
          ? { status: rule.to, followUpResult: input.result, followedUpAt: now, updatedAt: now }
          : {
              status: rule.to,
              liftedAt: now,
              measures: input.note ? `${r.measures ?? ''}\n解除说明：${input.note}` : r.measures,
              updatedAt: now,
            },
      )
      .where(eq(accountabilityRecords.id, id));
    audit(w, actor, input.action, 'accountability_record', id, {});
  });
}
