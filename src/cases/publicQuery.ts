// /api/v1/public/cases/{caseNumber}: the public progress query (case number + query code), and the
// petitioner's own actions taken with them — 评价, 申请复查, 申请复核 — so that a petitioner who came
// by letter, visit or phone (and has no account) rates and follows the matter too: the query code
// is the petitioner's key. No personal data in either answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { eventLabel, eventUnit } from '../domain/lifecycle/timeline.ts';
import { type CaseState, STATE_NAMES } from '../domain/lifecycle/vocabulary.ts';
import { notFound } from '../errors.ts';
import { queryCodeActor } from '../policies/index.ts';
import { zText } from '../server/fields.ts';
import { PublicCase, QUERY_CODE_ACTIONS } from './contract.ts';
import { availableActions, executeAction } from './engine.ts';
import { caseByQueryCode, publicProgress } from './queries.ts';
import type { CaseRow } from './units.ts';

export { QUERY_CODE_ACTIONS } from './contract.ts';

const caseNumberParam = z.object({ caseNumber: zText({ label: '信访件编号', max: 30 }) });
const code = zText({ label: '查询码', max: 20 });

/** The public answer: no personal data; the petitioner's actions a query code may take. */
function presentPublicCase(
  c: CaseRow,
  { events, unitName }: Awaited<ReturnType<typeof publicProgress>>,
): z.infer<typeof PublicCase> {
  const replyEvent = [...events].reverse().find((e) => e.action === 'reply');
  const rd = (replyEvent?.detail ?? {}) as Record<string, string>;
  const actions = availableActions(queryCodeActor(c.id), c).filter(
    (a): a is { action: (typeof QUERY_CODE_ACTIONS)[number]; label: string } =>
      (QUERY_CODE_ACTIONS as readonly string[]).includes(a.action),
  );
  return {
    caseNumber: c.caseNumber,
    state: c.state,
    stateName: STATE_NAMES[c.state as CaseState] ?? c.state,
    subject: c.subject,
    receivedAt: c.receivedAt.toISOString(),
    unit: unitName,
    steps: events.map((e) => ({
      at: e.at.toISOString(),
      label: eventLabel(e.action, e.detail),
      unit: eventUnit(e.detail),
    })),
    reply:
      replyEvent && c.deliveredAt
        ? { outcome: rd.outcomeName ?? null, text: rd.decision ?? '', at: replyEvent.at.toISOString() }
        : null,
    evaluation: { status: c.evaluationStatus, rated: c.ratedAt !== null },
    availableActions: actions.map((a) => ({ action: a.action, label: a.label })),
  };
}

export const publicQueryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const rateLimit = { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' };

    /** The case of this number whose query code matches; unknown number and wrong code answer the same. */
    async function caseByCode(caseNumber: string, queryCode: string): Promise<CaseRow> {
      const c = await caseByQueryCode(ctx.db, ctx.pii, caseNumber, queryCode);
      if (!c) throw notFound('信访件编号或查询码不正确');
      return c;
    }

    const present = async (c: CaseRow) => presentPublicCase(c, await publicProgress(ctx.db, c));

    app.get(
      '/public/cases/:caseNumber',
      {
        config: { public: true, rateLimit },
        schema: {
          tags: ['public'],
          summary: '凭信访件编号和查询码查询办理进展（无需登录，不含个人信息）',
          params: caseNumberParam,
          querystring: z.object({ code }),
          response: { 200: PublicCase },
        },
      },
      async (req) => present(await caseByCode(req.params.caseNumber, req.query.code)),
    );

    app.post(
      '/public/cases/:caseNumber/actions',
      {
        config: { public: true, rateLimit },
        schema: {
          tags: ['public'],
          summary: '凭信访件编号和查询码评价、申请复查或申请复核（无需登录；查询码即信访人的凭证）',
          description:
            'action 取值：rate（评价，字段同 POST /cases/{id}/actions）、request_review、request_rereview。' +
            '期限、状态等规则与信访人登录后办理相同。',
          params: caseNumberParam,
          body: z.looseObject({
            code,
            action: z.enum(QUERY_CODE_ACTIONS, { error: '凭查询码只能评价、申请复查或复核' }),
          }),
          response: { 200: PublicCase },
        },
      },
      async (req) => {
        const { code: queryCode, ...input } = req.body;
        const c = await caseByCode(req.params.caseNumber, queryCode);
        const r = await executeAction(ctx, queryCodeActor(c.id), c.id, input);
        return present(r.row);
      },
    );
  };
