// /api/v1: 文书草稿与签发 — a matter's drafts (list, write), the preview of a draft (its pages as
// PNG), 签发 by a leader, 出具 through the lifecycle action, and the units' rules (签发要求、文本模板).
// Thin: commands.ts, queries.ts and preview.ts do the work; src/policies/drafts.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { OPINION_TEMPLATE_NAMES, OPINION_TEMPLATES } from '../documents/index.ts';
import { DRAFT_ACTIONS, type DraftAction, rulesForUnit } from '../domain/drafts/rules.ts';
import { actionDef } from '../domain/lifecycle/actions.ts';
import type { CaseState } from '../domain/lifecycle/vocabulary.ts';
import { badRequest } from '../errors.ts';
import { draftPolicy } from '../policies/drafts.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zCode, zIdParam } from '../server/fields.ts';
import { draftTitle, IssueBody, issueDraft, SaveBody, SignBody, saveDraft, signDraft } from './commands.ts';
import { DocumentRules, DraftItem, DraftPreview, DraftsAnswer, IssueAnswer } from './contract.ts';
import { presentDraft } from './presenters.ts';
import { previewDraft } from './preview.ts';
import { draftsOf, visibleCase, visibleDraft } from './queries.ts';
import { documentRules, rulesOfUnit, saveRules } from './rules.ts';

const caseParam = z.object({ id: zIdParam('信访事项编号') });
const draftParam = z.object({ id: zIdParam('草稿编号') });
const presentRules = (r: { signoffRequired: boolean; template: keyof typeof OPINION_TEMPLATE_NAMES }) => ({
  ...r,
  templateName: OPINION_TEMPLATE_NAMES[r.template],
});

export const draftRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cases/:id/drafts',
      {
        schema: {
          tags: ['drafts'],
          summary: '意见书草稿：本事项的草稿、本单位的签发要求和文本模板、现在可拟写的意见书',
          params: caseParam,
          response: { 200: DraftsAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const c = await visibleCase(ctx, actor, req.params.id);
        const unit = await new UnitLookup(ctx.db).unit(ctx.db, actor.unitId);
        const draftable = (Object.keys(DRAFT_ACTIONS) as DraftAction[]).filter(
          (a) => actionDef(a).from.includes(c.state as CaseState) && draftPolicy.write(actor, c, a),
        );
        return {
          items: (await draftsOf(ctx, c.id)).map((r) => presentDraft(actor, c, r)),
          rules: unit ? presentRules(await rulesOfUnit(ctx, ctx.db, unit)) : null,
          templates: OPINION_TEMPLATES.map((t) => ({ value: t, label: OPINION_TEMPLATE_NAMES[t] })),
          draftable: draftable.map((a) => ({ action: a, label: actionDef(a).label, title: draftTitle(a) })),
        };
      },
    );

    app.post(
      '/cases/:id/drafts',
      {
        schema: {
          tags: ['drafts'],
          summary: '拟稿或修改草稿（承办人、审核人）：修改已签发的草稿须重新签发',
          params: caseParam,
          body: SaveBody,
          response: { 200: DraftItem },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const id = await saveDraft(ctx, actor, req.params.id, req.body);
        const { c, row } = await visibleDraft(ctx, actor, id);
        return presentDraft(actor, c, row);
      },
    );

    app.get(
      '/drafts/:id/preview',
      {
        schema: {
          tags: ['drafts'],
          summary: '预览草稿：按出具时的样式生成的页面（PNG，data URL）',
          params: draftParam,
          response: { 200: DraftPreview },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { c, row } = await visibleDraft(ctx, actor, req.params.id);
        const { d } = row;
        const p = await previewDraft(ctx, actor, c, {
          action: d.action as DraftAction,
          unitId: d.unitId,
          fields: d.fields,
          template: d.template,
        });
        return { title: p.title, pages: p.pages.map((b) => `data:image/png;base64,${b.toString('base64')}`) };
      },
    );

    app.post(
      '/drafts/:id/sign',
      {
        schema: {
          tags: ['drafts'],
          summary: '签发（本单位或上级信访部门的领导）：签发所审阅版本的草稿',
          params: draftParam,
          body: SignBody,
          response: { 200: DraftItem },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await signDraft(ctx, actor, req.params.id, req.body);
        const { c, row } = await visibleDraft(ctx, actor, req.params.id);
        return presentDraft(actor, c, row);
      },
    );

    app.post(
      '/drafts/:id/issue',
      {
        schema: {
          tags: ['drafts'],
          summary: '出具：以草稿内容执行办理操作（须签发的单位只能出具已签发的草稿）',
          params: draftParam,
          body: IssueBody,
          response: { 200: IssueAnswer },
        },
      },
      async (req) => {
        const r = await issueDraft(ctx, actorOf(req), req.params.id, req.body);
        return { caseId: r.caseId, state: r.state, documentId: r.documentId ?? null };
      },
    );

    app.get(
      '/document-rules',
      {
        schema: {
          tags: ['drafts'],
          summary: '意见书签发要求和文本模板（辖区，或其中一个单位）',
          querystring: z.object({
            jurisdiction: zCode().optional().meta({ description: '行政区划代码，默认为本人所属辖区' }),
            unitId: zIdParam('单位编号').optional(),
          }),
          response: { 200: DocumentRules },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const code = req.query.jurisdiction ?? actor.jurisdictionCode ?? '';
        ensureAllowed(draftPolicy.readRules(actor, code));
        const resolved = await documentRules.forCode(ctx.db, code);
        return presentRules(req.query.unitId ? rulesForUnit(resolved, req.query.unitId) : resolved.rules);
      },
    );

    app.put(
      '/document-rules',
      {
        schema: {
          tags: ['drafts'],
          summary: '设置意见书签发要求和文本模板（本辖区或上级管理员；可只设一个单位）',
          body: z.object({
            jurisdiction: zCode(),
            unitId: z.number().int().positive().max(2_147_483_647).optional(),
            signoffRequired: z.boolean().optional(),
            template: z.enum(OPINION_TEMPLATES, { error: '文本模板应为 standard 或 plain' }).optional(),
          }),
          response: { 200: DocumentRules },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { jurisdiction, ...patch } = req.body;
        if (patch.signoffRequired === undefined && patch.template === undefined)
          throw badRequest('nothing_to_set', '请指定签发要求或文本模板', 'signoffRequired');
        const resolved = await saveRules(ctx, actor, jurisdiction, patch);
        return presentRules(patch.unitId ? rulesForUnit(resolved, patch.unitId) : resolved.rules);
      },
    );
  };
