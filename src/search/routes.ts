// /api/v1/search: what 案件查询 needs beside the case list (GET /api/v1/cases, which does the
// search itself, scoped by caseScope): the synonym dictionary (read by staff, edited by the
// province's administrators), what a query expands to, and place and unit pickers by name or code.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ensureAllowed } from '../policies/index.ts';
import { searchPolicy } from '../policies/search.ts';
import { actorOf } from '../server/auth.ts';
import { zIdParam, zText } from '../server/fields.ts';
import {
  createSynonymGroup,
  deleteSynonymGroup,
  SynonymBody,
  SynonymUpdate,
  updateSynonymGroup,
} from './commands.ts';
import { Explained, PlacesAnswer, SynonymDictionary, SynonymGroup, UnitsAnswer } from './contract.ts';
import { presentPlace, presentSynonymGroup } from './presenters.ts';
import { explainQuery, findPlaces, findUnits, listSynonymGroups } from './queries.ts';

const idParam = z.object({ id: zIdParam('同义词组编号') });
const lookup = z.object({ q: zText({ label: '名称或代码', min: 1, max: 40 }) });

export const searchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = (req: Parameters<typeof actorOf>[0]) => {
      const actor = actorOf(req);
      ensureAllowed(searchPolicy.use(actor));
      return actor;
    };

    app.get(
      '/search/synonyms',
      {
        schema: {
          tags: ['search'],
          summary: '检索同义词词典',
          querystring: z.object({ term: zText({ label: '词语', max: 20 }).optional() }),
          response: { 200: SynonymDictionary },
        },
      },
      async (req) => {
        const actor = staff(req);
        const rows = await listSynonymGroups(ctx.db, req.query.term);
        return { items: rows.map(presentSynonymGroup), editable: searchPolicy.editSynonyms(actor) };
      },
    );

    app.post(
      '/search/synonyms',
      {
        schema: {
          tags: ['search'],
          summary: '新增同义词组（省级管理员）',
          body: SynonymBody,
          response: { 201: SynonymGroup },
        },
      },
      async (req, reply) => {
        const row = await createSynonymGroup(ctx, actorOf(req), req.body);
        return reply.status(201).send(presentSynonymGroup(row));
      },
    );

    app.put(
      '/search/synonyms/:id',
      {
        schema: {
          tags: ['search'],
          summary: '修改同义词组（省级管理员）',
          params: idParam,
          body: SynonymUpdate,
          response: { 200: SynonymGroup },
        },
      },
      async (req) =>
        presentSynonymGroup(await updateSynonymGroup(ctx, actorOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/search/synonyms/:id',
      {
        schema: { tags: ['search'], summary: '删除同义词组（省级管理员）', params: idParam },
      },
      async (req, reply) => {
        await deleteSynonymGroup(ctx, actorOf(req), req.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/search/explain',
      {
        schema: {
          tags: ['search'],
          summary: '检索词的分词与同义词扩展',
          querystring: z.object({ q: zText({ label: '检索词', min: 1, max: 100 }) }),
          response: { 200: Explained },
        },
      },
      async (req) => {
        staff(req);
        return explainQuery(ctx.db, req.query.q);
      },
    );

    app.get(
      '/search/places',
      {
        schema: {
          tags: ['search'],
          summary: '按名称或代码查找行政区划（本人辖区内）',
          querystring: lookup,
          response: { 200: PlacesAnswer },
        },
      },
      async (req) => {
        const actor = staff(req);
        const rows = await findPlaces(ctx.db, actor, req.query.q);
        return { items: rows.map(presentPlace) };
      },
    );

    app.get(
      '/search/units',
      {
        schema: {
          tags: ['search'],
          summary: '按名称查找单位（本人辖区内）',
          querystring: lookup,
          response: { 200: UnitsAnswer },
        },
      },
      async (req) => {
        const actor = staff(req);
        return { items: await findUnits(ctx.db, actor, req.query.q) };
      },
    );
  };
