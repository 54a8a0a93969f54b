// /api/v1/inbox: 站内消息 — the caller's own notifications (list, unread count for the bell, mark
// read, mark all read) and their preferences per kind (in the console, by SMS). Thin: queries.ts
// and commands.ts do the work; src/policies/inbox.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { inboxPolicy } from '../policies/inbox.ts';
import { ensureAllowed } from '../policies/index.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam } from '../server/fields.ts';
import { markAllRead, markRead, PreferencesBody, setPreferences } from './commands.ts';
import { InboxItem, Preferences } from './contract.ts';
import { presentItem, presentPreferences } from './presenters.ts';
import { listInbox, preferencesOf, unreadCount } from './queries.ts';

const TAGS = ['inbox'];

export const inboxRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const me = (req: Parameters<typeof actorOf>[0]) => {
      const actor = actorOf(req);
      ensureAllowed(inboxPolicy.use(actor), '只有工作人员有站内消息');
      return actor;
    };

    app.get(
      '/inbox',
      {
        schema: {
          tags: TAGS,
          summary: '我的消息（新交办、临期、逾期、督办、复查复核申请），新的在前',
          querystring: z.object({
            unread: z.enum(['true', 'false'], { error: 'unread 应为 true 或 false' }).optional(),
            before: zIdParam('消息编号').optional().meta({ description: '翻页：只要编号小于此值的消息' }),
            limit: z.coerce
              .number({ error: 'limit 应为 1–200 的整数' })
              .int({ error: 'limit 应为 1–200 的整数' })
              .min(1, { error: 'limit 应为 1–200 的整数' })
              .max(200, { error: 'limit 应为 1–200 的整数' })
              .optional(),
          }),
          response: { 200: z.object({ items: z.array(InboxItem), unread: z.number() }) },
        },
      },
      async (req) => {
        const actor = me(req);
        const rows = await listInbox(ctx, actor, { ...req.query, unread: req.query.unread === 'true' });
        return { items: rows.map(presentItem), unread: await unreadCount(ctx, actor) };
      },
    );

    app.get(
      '/inbox/count',
      {
        schema: {
          tags: TAGS,
          summary: '未读消息数（工作台铃铛的角标）',
          response: { 200: z.object({ unread: z.number() }) },
        },
      },
      async (req) => ({ unread: await unreadCount(ctx, me(req)) }),
    );

    app.post(
      '/inbox/:id/read',
      {
        schema: {
          tags: TAGS,
          summary: '标为已读',
          params: z.object({ id: zIdParam('消息编号') }),
          response: { 200: z.object({ unread: z.number() }) },
        },
      },
      async (req) => {
        const actor = me(req);
        await markRead(ctx, actor, req.params.id);
        return { unread: await unreadCount(ctx, actor) };
      },
    );

    app.post(
      '/inbox/read-all',
      {
        schema: {
          tags: TAGS,
          summary: '全部标为已读',
          response: { 200: z.object({ marked: z.number(), unread: z.number() }) },
        },
      },
      async (req) => {
        const actor = me(req);
        const marked = await markAllRead(ctx, actor);
        return { marked, unread: await unreadCount(ctx, actor) };
      },
    );

    app.get(
      '/inbox/preferences',
      {
        schema: {
          tags: TAGS,
          summary: '我的消息设置：每种消息是否在工作台提示、是否发短信（未设置的按默认）',
          response: { 200: Preferences },
        },
      },
      async (req) => {
        const actor = me(req);
        const { stored, hasPhone } = await preferencesOf(ctx, actor);
        return { kinds: presentPreferences(stored, actor.role), hasPhone };
      },
    );

    app.put(
      '/inbox/preferences',
      {
        schema: {
          tags: TAGS,
          summary: '设置我的消息：每种消息在工作台提示与否、短信与否（不发短信的种类不能选短信）',
          body: PreferencesBody,
          response: { 200: Preferences },
        },
      },
      async (req) => {
        const actor = me(req);
        await setPreferences(ctx, actor, req.body);
        const { stored, hasPhone } = await preferencesOf(ctx, actor);
        return { kinds: presentPreferences(stored, actor.role), hasPhone };
      },
    );
  };
