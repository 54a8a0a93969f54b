// /api/v1/assessment: 责任落实 — responsibility letters (draft, edit, sign, Word; who lacks one),
// accountability records (通报, 约谈, 重点管理, 问责) with their follow-up and the 通报 as Word, and a
// unit's history. The scheme and the 考核 scorecard are in scorecardRoutes.ts. Thin: commands.ts
// and queries.ts do the work; src/policies/assessment.ts decides.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { RECORD_KINDS } from '../domain/assessment/records.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { conflict } from '../errors.ts';
import { type Actor, assessmentPolicy } from '../policies/assessment.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam, zText } from '../server/fields.ts';
import {
  draftLetter,
  editLetter,
  FollowUpBody,
  followUpRecord,
  LetterBody,
  LetterEdit,
  RecordBody,
  recordAccountability,
  SignBody,
  signLetter,
} from './commands.ts';
import { LettersAnswer, UnitHistory } from './contract.ts';
import { renderLetterDocx, renderNoticeDocx } from './documents.ts';
import {
  LetterView,
  presentLetter,
  presentRecord,
  presentRecordDetail,
  RecordDetail,
  RecordItem,
  recordNumber,
} from './presenters.ts';
import { lettersOf, linksOf, listRecords, unitHistory, visibleLetter, visibleRecord } from './queries.ts';
import { docx, idParam, readScope, scopeQ, zYearQ } from './routeFields.ts';

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
