// /api/v1/assessment: 责任落实 — responsibility letters (draft, edit, sign, Word; who lacks one), the
// year's scheme of a level, the 考核 scorecard of a period (ranking, Word and Excel, the matters
// behind an item), accountability records (通报, 约谈, 重点管理, 问责) with their follow-up and the
// 通报 as Word, and a unit's history. Thin: commands.ts, queries.ts and scorecard.ts do the work;
// src/policies/assessment.ts decides.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { casesBehind, type DrillMetric } from '../analytics/drill.ts';
import { caseTextFor, presentSummary } from '../cases/presenters.ts';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { RECORD_KINDS } from '../domain/assessment/records.ts';
import { assessedLevelOf, DRILL_OF, itemLabel } from '../domain/assessment/scheme.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { badRequest, conflict } from '../errors.ts';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../exports/xlsx.ts';
import { jurisdictionRow } from '../orgs/queries.ts';
import { type Actor, assessmentPolicy } from '../policies/assessment.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { ID_MAX, zCode, zIdParam, zPage, zText } from '../server/fields.ts';
import {
  draftLetter,
  editLetter,
  FollowUpBody,
  followUpRecord,
  LetterBody,
  LetterEdit,
  RecordBody,
  recordAccountability,
  SchemeBody,
  SignBody,
  setScheme,
  signLetter,
} from './commands.ts';
import { LettersAnswer, MattersAnswer, SchemeView, UnitHistory } from './contract.ts';
import {
  renderLetterDocx,
  renderNoticeDocx,
  renderScorecardDocx,
  renderScorecardXlsx,
  scorecardTitle,
} from './documents.ts';
import {
  LetterView,
  presentLetter,
  presentRecord,
  presentRecordDetail,
  RecordDetail,
  RecordItem,
  recordNumber,
  ScorecardView,
} from './presenters.ts';
import { lettersOf, linksOf, listRecords, unitHistory, visibleLetter, visibleRecord } from './queries.ts';
import { periodOf, type Scheme, schemeFor, scorecardFor } from './scorecard.ts';

/** A scheme with each item's name (not stored). */
const labelled = (s: Scheme) => ({ ...s, items: s.items.map((i) => ({ ...i, label: itemLabel(i) })) });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const idParam = z.object({ id: zIdParam('编号') });
const zYearQ = z.coerce
  .number({ error: '年度应为数字' })
  .int({ error: '年度应为整数' })
  .min(2000, { error: '年度不能早于2000年' })
  .max(2100, { error: '年度不能晚于2100年' });
const scopeQ = zCode().optional().meta({ description: '行政区划代码（默认本人所在辖区）' });
const By = z
  .enum(['jurisdiction', 'unit'], { error: 'by 应为 jurisdiction 或 unit' })
  .default('jurisdiction');
const ScoreQuery = z.object({
  period: zText({ label: '考核期间', max: 10, min: 1 }).meta({ description: 'YYYY-MM、YYYY-Qn 或 YYYY' }),
  scope: scopeQ,
  by: By,
});

function readScope(actor: Actor, requested?: string): string {
  ensureAllowed(assessmentPolicy.use(actor), '您没有权限查看责任落实');
  const code = requested ?? actor.jurisdictionCode ?? '';
  ensureAllowed(
    assessmentPolicy.can(actor, 'read', { jurisdictionCode: code }),
    '只能查看本辖区的责任落实情况',
  );
  return code;
}

const docx = (name: string, fallback: string) => ({
  'content-type': DOCX,
  'content-disposition': attachmentHeader(name, fallback),
});

export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const letterOut = async (actor: Actor, id: number) => {
      const r = await visibleLetter(ctx.db, actor, id);
      return presentLetter(r.l, r.name);
    };
    const recordOut = async (actor: Actor, id: number) => {
      const r = await visibleRecord(ctx.db, actor, id);
      return presentRecordDetail(actor, r, await linksOf(ctx, actor, id), shanghaiDate(new Date()));
    };

    // ---- 责任书 ----
    app.get(
      '/assessment/letters',
      {
        schema: {
          tags: ['assessment'],
          summary: '信访工作责任书：本级发放给下一级的和本级签订的，及尚未签订责任书的下级',
          querystring: z.object({ year: zYearQ, scope: scopeQ }),
          response: { 200: LettersAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const scope = readScope(actor, req.query.scope);
        const r = await lettersOf(ctx.db, req.query.year, scope);
        const items = r.letters.map((x) => presentLetter(x.l, x.name));
        return {
          year: req.query.year,
          scope,
          items,
          missing: r.missing,
          unsigned: items
            .filter((l) => l.issuerCode === scope && l.status !== 'signed')
            .map((l) => ({ code: l.jurisdictionCode, name: l.jurisdictionName })),
          children: r.children,
        };
      },
    );

    app.post(
      '/assessment/letters',
      {
        schema: {
          tags: ['assessment'],
          summary: '起草责任书（上一级信访部门督查员、领导）',
          body: LetterBody,
          response: { 201: LetterView },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await draftLetter(ctx, actor, req.body);
        return reply.status(201).send(await letterOut(actor, id));
      },
    );

    app.get(
      '/assessment/letters/:id',
      {
        schema: {
          tags: ['assessment'],
          summary: '责任书详情',
          params: idParam,
          response: { 200: LetterView },
        },
      },
      async (req) => letterOut(actorOf(req), req.params.id),
    );

    app.put(
      '/assessment/letters/:id',
      {
        schema: {
          tags: ['assessment'],
          summary: '修改责任书（签订前）',
          params: idParam,
          body: LetterEdit,
          response: { 200: LetterView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await editLetter(ctx, actor, req.params.id, req.body);
        return letterOut(actor, req.params.id);
      },
    );

    app.post(
      '/assessment/letters/:id/sign',
      {
        schema: {
          tags: ['assessment'],
          summary: '登记签订：双方党政主要领导签字及日期',
          params: idParam,
          body: SignBody,
          response: { 200: LetterView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await signLetter(ctx, actor, req.params.id, req.body);
        return letterOut(actor, req.params.id);
      },
    );

    app.get(
      '/assessment/letters/:id/letter.docx',
      { schema: { tags: ['assessment'], summary: '下载责任书（Word）', params: idParam } },
      async (req, reply) => {
        const r = await visibleLetter(ctx.db, actorOf(req), req.params.id);
        const bytes = await renderLetterDocx(r.l, {
          jurisdiction: r.name,
          issuer: r.issuerName,
          issuerBureau: `${r.issuerName}信访局`,
        });
        return reply.headers(docx(`${r.l.title}.docx`, `letter-${r.l.id}.docx`)).send(bytes);
      },
    );

    // ---- 考核方案与评分 ----
    app.get(
      '/assessment/schemes/:year/:level',
      {
        schema: {
          tags: ['assessment'],
          summary: '考核方案（某年度某层级的指标、分值和扣分规则；未调整时为默认方案）',
          params: z.object({
            year: zYearQ,
            level: z.enum(['city', 'county', 'town'], { error: '考核层级应为 city、county 或 town' }),
          }),
          response: { 200: SchemeView },
        },
      },
      async (req) => {
        ensureAllowed(assessmentPolicy.use(actorOf(req)), '您没有权限查看考核方案');
        return labelled(await schemeFor(ctx.db, req.params.year, req.params.level));
      },
    );

    app.put(
      '/assessment/schemes/:year/:level',
      {
        schema: {
          tags: ['assessment'],
          summary: '调整考核方案（省信访局领导、管理员；items 为空时恢复默认方案）',
          params: z.object({ year: zYearQ, level: z.string().max(10) }),
          body: SchemeBody,
          response: { 200: SchemeView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await setScheme(ctx, actor, req.params.year, req.params.level, req.body);
        return labelled(await schemeFor(ctx.db, req.params.year, req.params.level as 'city'));
      },
    );

    app.get(
      '/assessment/scorecard',
      {
        schema: {
          tags: ['assessment'],
          summary: '考核评分与排名（下一级地区或本级部门；按月、季度、年度）',
          querystring: ScoreQuery,
          response: { 200: ScorecardView },
        },
      },
      async (req) => {
        const scope = readScope(actorOf(req), req.query.scope);
        return scorecardFor(ctx.db, { period: req.query.period, scopeCode: scope, by: req.query.by });
      },
    );

    app.get(
      '/assessment/scorecard/file',
      {
        schema: {
          tags: ['assessment'],
          summary: '导出考核排名（Word 或 Excel）',
          querystring: ScoreQuery.extend({
            format: z.enum(['docx', 'xlsx'], { error: 'format 应为 docx 或 xlsx' }).default('docx'),
          }),
        },
      },
      async (req, reply) => {
        const scope = readScope(actorOf(req), req.query.scope);
        const d = await scorecardFor(ctx.db, {
          period: req.query.period,
          scopeCode: scope,
          by: req.query.by,
        });
        const name = scorecardTitle(d);
        if (req.query.format === 'xlsx')
          return reply
            .header('content-type', XLSX_CONTENT_TYPE)
            .header(
              'content-disposition',
              attachmentHeader(`${name}.xlsx`, `scorecard-${d.period.period}.xlsx`),
            )
            .send(await renderScorecardXlsx(d));
        return reply
          .headers(docx(`${name}.docx`, `scorecard-${d.period.period}.docx`))
          .send(await renderScorecardDocx(d));
      },
    );

    app.get(
      '/assessment/scorecard/matters',
      {
        schema: {
          tags: ['assessment'],
          summary: '下钻：某地区（部门）某考核项背后的信访事项',
          querystring: ScoreQuery.extend({
            code: zText({ label: '地区或单位', max: 12, min: 1 }),
            item: zText({ label: '考核项', max: 40, min: 1 }),
            page: zPage().default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: MattersAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const q = req.query;
        const scope = readScope(actor, q.scope);
        const period = periodOf(q.period);
        const level = (await jurisdictionRow(ctx.db, scope))?.level ?? 0;
        const lv = assessedLevelOf(level + 1);
        if (!lv) throw badRequest('invalid_scope', '乡镇（街道）以下不再分级考核', 'scope');
        const scheme = await schemeFor(ctx.db, period.year, lv);
        const item = scheme.items.find((i) => i.key === q.item);
        if (!item) throw badRequest('invalid_item', '考核方案中没有该考核项', 'item');
        const metric = DRILL_OF[item.kind === 'rate' ? item.indicator : item.count];
        if (!metric) throw conflict('no_drill', '该考核项暂不能下钻到具体事项');
        let drillScope = scope;
        let unit: number | undefined;
        if (q.by === 'unit') {
          if (!/^\d{1,10}$/.test(q.code) || Number(q.code) > ID_MAX)
            throw badRequest('invalid_code', '单位编号应为数字', 'code');
          unit = Number(q.code);
        } else {
          if (!/^\d{6}(\d{3})?$/.test(q.code) || !q.code.startsWith(scope.replace(/(00)+$/, '')))
            throw badRequest('invalid_code', '地区不在考核范围内', 'code');
          drillScope = q.code;
        }
        const r = await casesBehind(ctx.db, actor, {
          range: { from: period.from, to: period.to },
          scope: drillScope,
          metric: metric as DrillMetric,
          unit,
          page: q.page,
          pageSize: q.pageSize,
        });
        const names = await new UnitLookup(ctx.db).jurisdictionNames(
          ctx.db,
          r.items.map((c) => c.jurisdictionCode),
        );
        const now = new Date();
        return {
          item: item.key,
          metric,
          total: r.total,
          items: r.items.map((c) => presentSummary(caseTextFor(actor, c), now, names)),
        };
      },
    );

    // ---- 通报、约谈、重点管理、问责 ----
    app.get(
      '/assessment/records',
      {
        schema: {
          tags: ['assessment'],
          summary: '问责记录（通报、约谈、重点管理、问责）',
          querystring: z.object({
            kind: z.enum(RECORD_KINDS, { error: '未知的记录类型' }).optional(),
            unitId: zIdParam('单位').optional(),
            jurisdiction: zCode().optional(),
            status: zText({ label: '状态', max: 30 }).optional(),
            caseId: zIdParam('信访事项编号').optional().meta({ description: '关联该信访事项的记录' }),
            orderId: zIdParam('督办编号').optional().meta({ description: '关联该督办的记录' }),
          }),
          response: { 200: z.object({ items: z.array(RecordItem) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(assessmentPolicy.use(actor), '您没有权限查看问责记录');
        return { items: (await listRecords(ctx.db, actor, req.query)).map(presentRecord) };
      },
    );

    app.post(
      '/assessment/records',
      {
        schema: {
          tags: ['assessment'],
          summary: '记录通报、约谈、重点管理或问责，关联信访事项与督办',
          body: RecordBody,
          response: { 201: RecordDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await recordAccountability(ctx, actor, req.body);
        return reply.status(201).send(await recordOut(actor, id));
      },
    );

    app.get(
      '/assessment/records/:id',
      {
        schema: {
          tags: ['assessment'],
          summary: '问责记录详情（含关联事项与督办）',
          params: idParam,
          response: { 200: RecordDetail },
        },
      },
      async (req) => recordOut(actorOf(req), req.params.id),
    );

    app.post(
      '/assessment/records/:id/follow-up',
      {
        schema: {
          tags: ['assessment'],
          summary: '约谈回访（follow_up）或解除重点管理（lift）',
          params: idParam,
          body: FollowUpBody,
          response: { 200: RecordDetail },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await followUpRecord(ctx, actor, req.params.id, req.body);
        return recordOut(actor, req.params.id);
      },
    );

    app.get(
      '/assessment/records/:id/notice.docx',
      { schema: { tags: ['assessment'], summary: '下载通报（Word）', params: idParam } },
      async (req, reply) => {
        const actor = actorOf(req);
        const r = await recordOut(actor, req.params.id);
        if (r.kind !== 'notice') throw conflict('not_a_notice', '只有通报可以生成通报文书');
        const bytes = await renderNoticeDocx(r, {
          caseNumbers: r.cases.map((c) => c.caseNumber),
          orderNumbers: r.orders.map((o) => o.number ?? `${o.typeName}（督办#${o.id}）`),
        });
        const vis = await visibleRecord(ctx.db, actor, req.params.id);
        return reply
          .headers(docx(`${r.title}${recordNumber(vis.r) ?? ''}.docx`, `notice-${r.id}.docx`))
          .send(bytes);
      },
    );

    app.get(
      '/assessment/units/:id/history',
      {
        schema: {
          tags: ['assessment'],
          summary: '单位责任落实档案：问责记录、督办、所在辖区责任书',
          params: idParam,
          response: { 200: UnitHistory },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const h = await unitHistory(ctx, actor, req.params.id);
        const records = h.records.map(presentRecord);
        const counts: Record<string, number> = { orders: h.orders.length };
        for (const k of RECORD_KINDS) counts[k] = records.filter((r) => r.kind === k).length;
        return {
          unit: {
            id: h.unit.id,
            name: h.unit.name,
            kind: h.unit.kind,
            jurisdictionCode: h.unit.jurisdictionCode,
            jurisdictionName: h.jurisdictionName,
          },
          counts,
          records,
          orders: h.orders,
          letters: h.letters.map((l) => presentLetter(l, h.jurisdictionName)),
        };
      },
    );
  };
