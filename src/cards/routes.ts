// /api/v1/cards: 权益保障卡 — list in scope, issue one for a first visit, one card (full), its card
// by case (the link from a matter), the printable PDF with its QR code, the visit check at
// registration (越级) and the checks made at the caller's counter, the guidance notice (Word), the
// 越级上访率; /api/v1/my/cards: the holder's digital card; /api/v1/public/cards/{no}?s=: the QR scan
// (public: what the public query shows; a staff session in scope: the full card). Thin: commands.ts and queries.ts do the work.

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { type CardEntry, normaliseCardNo, VERDICT_NAMES } from '../domain/cards/levels.ts';
import { LEVEL_NAMES } from '../domain/receptions/kinds.ts';
import { badRequest, notFound } from '../errors.ts';
import { attachmentHeader } from '../exports/xlsx.ts';
import { unitName } from '../orgs/queries.ts';
import { ensureAllowed, ensureReadable } from '../policies/index.ts';
import { type Actor, cardPolicy } from '../policies/receptions.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zDate, zIdParam, zText } from '../server/fields.ts';
import { CheckBody, checkVisit, IssueBody, issueCard, markGuidance } from './commands.ts';
import { CheckAnswer, CheckedVisit, MyCards, ScannedCard } from './contract.ts';
import { renderGuidance } from './guidance.ts';
import { renderCardPdf } from './pdf.ts';
import { CardRates, FullCard, presentCheckedVisit, presentFull, presentPublic } from './presenters.ts';
import {
  type CardFound,
  cardByCase,
  cardByNo,
  cardRates,
  checkedVisits,
  listCards,
  visitsOf,
} from './queries.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const noParam = z.object({ no: zText({ label: '权益保障卡号', max: 40, min: 1 }) });

/** The QR code's signature: only a printed or digital card's code opens its public page. */
const signatureOf = (ctx: AppContext, no: string) => ctx.pii.hash(`rights-card:${no}`).slice(0, 16);

function qrUrl(ctx: AppContext, req: FastifyRequest, no: string): string {
  return `${req.protocol}://${req.host}/portal/card/${encodeURIComponent(no)}?s=${signatureOf(ctx, no)}`;
}

async function fullOf(ctx: AppContext, req: FastifyRequest, actor: Actor, c: CardFound) {
  return presentFull(actor, c, await visitsOf(ctx.db, c.id), qrUrl(ctx, req, c.cardNo));
}

async function readable(ctx: AppContext, actor: Actor, rawNo: string): Promise<CardFound> {
  const c = await cardByNo(ctx, normaliseCardNo(rawNo));
  ensureReadable(c !== undefined && cardPolicy.read(actor, c));
  return c as CardFound;
}

/** Where the card's matter sits: the unit of its latest step at that level, else the issuing unit. */
function rightUnitOf(c: { unit: string; entries: CardEntry[] }, level: number): string {
  const at = c.entries.filter((e) => e.level === level && e.unit);
  return at.at(-1)?.unit ?? c.unit;
}

export const cardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cards',
      {
        schema: {
          tags: ['cards'],
          summary: '权益保障卡列表（本辖区发放；可按卡号查找）',
          querystring: z.object({ q: zText({ label: '卡号', max: 40 }).optional() }),
          response: { 200: z.object({ items: z.array(FullCard.omit({ visits: true })) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(cardPolicy.list(actor), '您没有权限查看权益保障卡');
        const rows = await listCards(ctx, actor, req.query.q);
        return {
          items: rows.map((c) => {
            const { visits: _, ...rest } = presentFull(actor, c, [], qrUrl(ctx, req, c.cardNo));
            return rest;
          }),
        };
      },
    );

    app.post(
      '/cards',
      {
        schema: {
          tags: ['cards'],
          summary: '发放权益保障卡（初次走访，登记该来访的信访部门登记员）',
          body: IssueBody,
          response: { 201: FullCard },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const caseId = await issueCard(ctx, actor, req.body);
        const c = await cardByCase(ctx, caseId);
        if (!c) throw notFound();
        return reply.status(201).send(await fullOf(ctx, req, actor, c));
      },
    );

    app.get(
      '/cards/rates',
      {
        schema: {
          tags: ['cards'],
          summary: '越级上访率：发卡数、凭卡走访次数、越级走访次数',
          querystring: z.object({
            jurisdiction: zCode().optional(),
            from: zDate('开始日期'),
            to: zDate('结束日期'),
          }),
          response: { 200: CardRates },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = req.query.jurisdiction ?? actor.jurisdictionCode ?? '';
        ensureAllowed(cardPolicy.count(actor, code), '您没有权限查看该辖区的发卡统计');
        if (req.query.from > req.query.to)
          throw badRequest('invalid_period', '开始日期不能晚于结束日期', 'from');
        return cardRates(ctx, code, req.query.from, req.query.to);
      },
    );

    app.post(
      '/cards/check-visit',
      {
        schema: {
          tags: ['cards'],
          summary: '凭卡走访核验：输入或扫描卡号，判断是否越级（事项所在层级之上两级及以上）',
          body: CheckBody,
          response: { 200: CheckAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const r = await checkVisit(ctx, actor, req.body);
        const c = (await cardByNo(ctx, r.card.cardNo)) as CardFound;
        const rightUnit = rightUnitOf(c, r.rightLevel);
        const message = r.skipped
          ? `越级走访：该事项由${rightUnit}（${LEVEL_NAMES[r.rightLevel] ?? ''}）办理，本次走访高出${r.levelsAbove}级，请引导信访人到有权处理的机关反映，可出具引导告知书。`
          : `${VERDICT_NAMES[r.verdict]}：该事项由${rightUnit}（${LEVEL_NAMES[r.rightLevel] ?? ''}）办理。`;
        return {
          visitId: r.visitId,
          verdict: r.verdict,
          verdictName: VERDICT_NAMES[r.verdict],
          skipped: r.skipped,
          visitLevel: r.visitLevel,
          matterLevel: r.matterLevel,
          rightLevel: r.rightLevel,
          rightUnit,
          message,
          holder: c.holderName,
          card: { ...presentPublic(c), caseId: c.caseId, caseNumber: c.caseNumber },
        };
      },
    );

    app.get(
      '/cards/visits',
      {
        schema: {
          tags: ['cards'],
          summary: '凭卡核验记录：本单位登记员核验过的走访，最新在前',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ items: z.array(CheckedVisit) }) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(cardPolicy.listChecked(actor), '只有信访部门登记员可以查看凭卡核验记录');
        const rows = await checkedVisits(ctx, actor, req.query.limit);
        return { items: rows.map((v) => presentCheckedVisit(actor, v)) };
      },
    );

    app.get(
      '/cards/visits/:id/guidance.docx',
      {
        schema: {
          tags: ['cards'],
          summary: '下载逐级走访引导告知书（Word；越级走访时由核验的登记员出具）',
          params: z.object({ id: zIdParam('核验记录编号') }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { visit, card } = await markGuidance(ctx, actor, req.params.id);
        const c = (await cardByNo(ctx, card.cardNo)) as CardFound;
        const issuingBody = await unitName(ctx.db, visit.unitId);
        const year = visit.checkedAt.getFullYear();
        const doc = await renderGuidance({
          number: `〔${year}〕引字第${visit.id}号`,
          issuingBody: issuingBody ?? '',
          visitor: c.holderName,
          cardNo: c.cardNo,
          caseNumber: c.caseNumber,
          rightUnit: rightUnitOf(c, visit.matterLevel),
          rightLevel: visit.matterLevel,
          visitLevel: visit.visitLevel,
          at: visit.checkedAt,
        });
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentHeader(doc.filename, `guidance-${visit.id}.docx`))
          .send(doc.buffer);
      },
    );

    app.get(
      '/cards/by-case/:id',
      {
        schema: {
          tags: ['cards'],
          summary: '信访事项的权益保障卡（无卡时 404）',
          params: z.object({ id: zIdParam('信访事项编号') }),
          response: { 200: FullCard },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const c = await cardByCase(ctx, req.params.id);
        ensureReadable(c !== undefined && cardPolicy.read(actor, c));
        return fullOf(ctx, req, actor, c as CardFound);
      },
    );

    app.get(
      '/cards/:no',
      {
        schema: {
          tags: ['cards'],
          summary: '权益保障卡（完整卡面与办理记载）',
          params: noParam,
          response: { 200: FullCard },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return fullOf(ctx, req, actor, await readable(ctx, actor, req.params.no));
      },
    );

    app.get(
      '/cards/:no/card.pdf',
      { schema: { tags: ['cards'], summary: '打印权益保障卡（PDF，含二维码）', params: noParam } },
      async (req, reply) => {
        const actor = actorOf(req);
        const c = await readable(ctx, actor, req.params.no);
        const full = presentFull(actor, c, [], qrUrl(ctx, req, c.cardNo));
        const pdf = await renderCardPdf({
          cardNo: c.cardNo,
          holder: full.holder,
          unit: c.unit,
          level: c.level,
          issuedAt: c.issuedAt,
          caseNumber: c.caseNumber,
          entries: c.entries,
          qrUrl: full.qrUrl,
        });
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            attachmentHeader(`权益保障卡${c.cardNo}.pdf`, `card-${c.cardNo}.pdf`),
          )
          .send(pdf);
      },
    );

    app.get(
      '/my/cards',
      {
        schema: {
          tags: ['cards'],
          summary: '我的权益保障卡（电子卡）',
          response: { 200: MyCards },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(cardPolicy.listOwn(actor), '只有持卡人可以查看');
        const rows = await listCards(ctx, actor);
        return { items: await Promise.all(rows.map((c) => fullOf(ctx, req, actor, c))) };
      },
    );

    app.get(
      '/public/cards/:no',
      {
        config: { public: true, rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: '扫描权益保障卡二维码：公众看到公开查询的内容；本辖区工作人员（已登录）看到完整卡面',
          params: noParam,
          querystring: z.object({ s: zText({ label: '校验码', max: 40, min: 1 }) }),
          response: { 200: ScannedCard },
        },
      },
      async (req) => {
        const no = normaliseCardNo(req.params.no);
        // The signature is of the number: a wrong one is refused before the card is read (and its
        // holder's name decrypted); an unknown number gets the same answer.
        const c = req.query.s === signatureOf(ctx, no) ? await cardByNo(ctx, no) : undefined;
        if (!c) throw notFound('权益保障卡号或校验码不正确');
        const actor = req.actor;
        if (actor && cardPolicy.scanInFull(actor, c))
          return { view: 'full' as const, card: presentPublic(c), full: await fullOf(ctx, req, actor, c) };
        return { view: 'public' as const, card: presentPublic(c), full: null };
      },
    );
  };
