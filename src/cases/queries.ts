// Case lists: filters, sort and paging, always inside the caller's scope (policies.caseScope); one
// matter by id; the public progress query's reads (by case number and query code).
import { and, asc, count, desc, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db, Executor } from '../db/client.ts';
import { cachedEstimate, estimatedRows } from '../db/estimate.ts';
import { caseAssignees, caseDocuments, caseEvents, caseFlags, cases, outbox, units } from '../db/schema.ts';
import { subcategoryPattern } from '../domain/admin/categories.ts';
import { CASE_FLAGS, type CaseFlag } from '../domain/flags.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { FORMS, STATES } from '../domain/lifecycle/vocabulary.ts';
import { mayWalk, type NewestPath, newestPath } from '../domain/search/newestPath.ts';
import type { SynonymDictionary } from '../domain/search/synonyms.ts';
import { zCode, zDate, zFlag, zIdParam, zPage, zText } from '../domain/validation/fields.ts';
import { outboxText } from '../notify/outbox.ts';
import { type Actor, caseScope, caseScopeParts, departmentPageParts } from '../policies/index.ts';
import type { Pii } from '../security/pii.ts';
import type { SearchIndex, TextSearch } from './extensions.ts';
import { eventsOfCase } from './history.ts';
import { normaliseQueryCode } from './numbering.ts';
import { receivedBefore, receivedFrom } from './received.ts';
import type { CaseRow } from './units.ts';

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const CaseListQuery = z.object({
  q: zText({ label: '检索词', max: 100 }).optional().meta({
    description: '检索：标题和内容中的词语（按相关度排序），信访件编号或其前缀，身份证号码或手机号码',
  }),
  page: zPage().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  state: csv(STATES).optional().meta({ description: '状态，逗号分隔' }),
  form: csv(FORMS).optional(),
  purpose: zText({ label: '信访目的', max: 40 }).optional(),
  category: zText({ label: '内容分类', max: 20 })
    .optional()
    .meta({ description: '内容分类代码；二、三级代码按细分类筛选' }),
  jurisdiction: zCode().optional().meta({ description: '问题属地（含下级）' }),
  unitId: zIdParam('单位').optional().meta({ description: '当前待办单位' }),
  due: z.enum(['overdue', 'near']).optional(),
  backlog: zFlag().optional(),
  supervised: zFlag().optional(),
  repeat: zFlag().optional(),
  flag: z
    .enum(['group_suspect', 'anonymous', 'cohandling', ...CASE_FLAGS])
    .optional()
    .meta({
      description:
        'group_suspect：疑似联名/群体；anonymous：匿名信访；major_urgent：重大紧急；consent_public：同意公开；' +
        'litigation：涉法涉诉；foreign：涉港澳台侨外；threat：扬言；cohandling：会办',
    }),
  assignee: z
    .enum(['me', 'none'], { error: 'assignee 应为 me 或 none' })
    .optional()
    .meta({ description: 'me：认领或移交给我的（工作台）；none：本单位尚无人认领的' }),
  from: zDate('起始日期').optional().meta({ description: '收到日期起（含）' }),
  to: zDate('截止日期').optional().meta({ description: '收到日期止（含）' }),
  sort: z.enum(['receivedAt', 'dueAt', 'caseNumber']).default('receivedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** Matters carrying a national flag (src/flags: one row per flag in case_flags). */
const flagged = (flag: CaseFlag) =>
  sql`exists (select 1 from ${caseFlags} where ${caseFlags.caseId} = ${cases.id} and ${caseFlags.flag} = ${flag})`;

/**
 * 工作台 (src/workbench): matters assigned to this user, or to no one, in the unit holding them now;
 * an assignment in a unit the matter has left no longer counts.
 */
function assigned(who: 'me' | 'none', userId: number): SQL {
  const held = sql`${caseAssignees.caseId} = ${cases.id} and ${caseAssignees.unitId} = ${cases.currentUnitId}`;
  return who === 'me'
    ? sql`exists (select 1 from ${caseAssignees} where ${held} and ${caseAssignees.userId} = ${userId})`
    : sql`not exists (select 1 from ${caseAssignees} where ${held})`;
}

const shanghaiStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

export interface ListOptions {
  now?: Date;
  /** The PII lookup hash: lets `q` find cases by a party's ID number or phone. */
  hash?: (plain: string) => string;
  /**
   * Count at most this many rows; more → `total` = the cap and `totalCapped`. Unset: exact count.
   * (An exact count of a broad scope scans every matching row; see config `listCountCap`.)
   */
  countCap?: number;
  /** What `q` searches with (ctx.caseExtensions.textSearch); without it `q` is refused. */
  textSearch?: TextSearch;
  /** Synonyms for `q` (listCases loads them from `textSearch.synonyms`). */
  synonyms?: SynonymDictionary;
  /**
   * Which index finds the newest matches of a word search (listCases asks `textSearch.index`):
   * 'rum' orders them inside the RUM index (PostgreSQL with the extension), 'gin' by the btree or
   * a sort. The same rows in the same order either way (test/integration/search-rum.test.ts).
   */
  searchIndex?: SearchIndex;
  /** How many of the newest matches a word search ranks by relevance (default RANK_WINDOW). */
  rankWindow?: number;
  /** The way to a capped word search's newest matches, instead of choosing (tests, benchmarks). */
  newestPath?: NewestPath;
}

/**
 * A word search ranks the newest RANK_WINDOW matches by relevance; the older ones follow by the
 * chosen sort. Ranking every match read every matching row (390 ms p95 at 1M cases for a word in
 * 10 % of them); the newest 500 are read from the received_at index (docs/search.md, "At 1M").
 */
export const RANK_WINDOW = 500;

/** RUM orders by a distance: `received_at <=| X` is X − received_at, so ascending is newest first. */
const RUM_HORIZON = sql.raw(`'2100-01-01T00:00:00Z'::timestamptz`);

/** The page and the count of a case list, not yet run (the benchmark EXPLAINs them). */
export function caseListQueries(db: Db, actor: Actor, q: CaseListQuery, opts: ListOptions = {}) {
  const now = opts.now ?? new Date();
  if (q.q && !opts.textSearch) throw new Error('case list: q= needs a text search');
  const search = q.q ? opts.textSearch?.query(q.q, actor, opts.hash, opts.synonyms) : undefined;
  const within = q.jurisdiction ? prefixOf(q.jurisdiction) : undefined;
  const where: (SQL | undefined)[] = [search?.where];
  if (q.state?.length) where.push(inArray(cases.state, q.state));
  if (q.form?.length) where.push(inArray(cases.form, q.form));
  if (q.purpose) where.push(eq(cases.purpose, q.purpose));
  if (q.category) {
    // A second or third level (细分类) filters on the matter's 细分类, a first level on its category.
    const sub = subcategoryPattern(q.category);
    where.push(sub ? like(cases.subcategoryCode, sub) : like(cases.categoryCode, `${q.category}%`));
  }
  const place = within ? like(cases.jurisdictionCode, `${within}%`) : undefined;
  where.push(place);
  if (q.unitId) where.push(eq(cases.currentUnitId, q.unitId));
  if (q.due === 'overdue') where.push(lt(cases.dueAt, now));
  if (q.due === 'near') where.push(and(gte(cases.dueAt, now), eq(cases.dueFlag, 'near')));
  if (q.backlog !== undefined) where.push(eq(cases.backlog, q.backlog));
  if (q.supervised !== undefined) where.push(eq(cases.supervised, q.supervised));
  if (q.repeat) where.push(sql`${cases.repeatCount} > 0`);
  if (q.flag === 'group_suspect') where.push(eq(cases.groupSuspect, true));
  if (q.flag === 'anonymous') where.push(eq(cases.anonymous, true));
  if (q.flag === 'cohandling') where.push(sql`cardinality(${cases.coUnitIds}) > 0`);
  if (q.flag && (CASE_FLAGS as readonly string[]).includes(q.flag)) where.push(flagged(q.flag as CaseFlag));
  if (q.assignee) where.push(assigned(q.assignee, actor.userId));
  if (q.from) where.push(receivedFrom(shanghaiStart(q.from)));
  if (q.to) where.push(receivedBefore(new Date(shanghaiStart(q.to).getTime() + 86_400_000)));
  const filters = and(...where);
  // Filters besides the words and the place: they thin a word search's matches (newestPath).
  const filtered = where.filter(Boolean).length > (search?.where ? 1 : 0) + (place ? 1 : 0);
  const cond = and(caseScope(actor, within), filters);
  const sorted = listOrder(q);
  const offset = (q.page - 1) * q.pageSize;
  const terms = search?.terms ?? [];
  if (!search?.rank) {
    const department = departmentPageParts(actor, within);
    return {
      items: department
        ? departmentPage(db, department, filters, q, offset)
        : db
            .select()
            .from(cases)
            .where(cond)
            .orderBy(...sorted)
            .limit(q.pageSize)
            .offset(offset),
      count: countQuery(db, actor, within, filters, opts.countCap),
      countCap: opts.countCap,
      terms,
    };
  }

  // A word search: the newest `window` matches, most relevant first (ties: the chosen sort), then
  // the older matches by the chosen sort. A page inside the window reads only the window's rows.
  const window = opts.rankWindow ?? RANK_WINDOW;
  // `btree`: in the btree's order even where RUM exists (listCases chooses: domain/search/newestPath).
  const newestOf = (n: number, btree = false, on: Executor = db) =>
    on
      .select({ id: cases.id })
      .from(cases)
      .where(cond)
      .orderBy(
        ...(opts.searchIndex === 'rum' && !btree
          ? // Only the distance: with a second key the planner sorts instead of reading the index
            // in order. Two matches received in the same microsecond at the window's edge may then
            // swap between the paths (docs/search.md).
            [sql`${cases.receivedAt} <=| ${RUM_HORIZON}`]
          : [desc(cases.receivedAt), desc(cases.id)]),
      )
      .limit(n);
  const newest = newestOf(window);
  // A capped list (the console) counts a word search up to the window: "500+" matches, of which
  // the newest 500 are ranked. Counting up to 10,000 read 10,000 rows (≈ 250 ms at 1M cases).
  // The export (no cap) counts them all.
  const countCap = opts.countCap === undefined ? undefined : Math.min(opts.countCap, window);
  const count =
    countCap === undefined
      ? countQuery(db, actor, within, filters)
      : db.select({ n: sql<number>`count(*)::int` }).from(newestOf(countCap + 1).as('capped'));
  const ranked = sql`${search.rank} desc`;
  if (offset + q.pageSize <= window) {
    const toRead = Math.max(window, (countCap ?? 0) + 1);
    // The page among the window's ids (a subquery, or the ids listCases read), most relevant first.
    const rankedPage = (ids: number[] | typeof newest) =>
      db
        .select()
        .from(cases)
        .where(inArray(cases.id, ids))
        .orderBy(ranked, ...sorted)
        .limit(q.pageSize)
        .offset(offset);
    return {
      items: rankedPage(newest),
      count,
      countCap,
      terms,
      // listCases reads the window once and takes the page and the count from it (below).
      window:
        countCap === undefined
          ? undefined
          : {
              size: window,
              countCap,
              index: opts.searchIndex,
              /** The rows the search matches in the scope (for the planner's estimate). */
              matches: db.select({ one: sql`1` }).from(cases).where(cond),
              /** The rows of the scope and place, whatever the words (for the planner's estimate). */
              scope: db
                .select({ one: sql`1` })
                .from(cases)
                .where(and(caseScope(actor, within), place)),
              filtered,
              /** The newest matches' ids, newest first, read the way `path` says. */
              ids: async (path: NewestPath): Promise<{ id: number }[]> =>
                path === 'rumOrder'
                  ? // PostgreSQL would AND the word's bitmap with the whole scope's: bitmaps off here.
                    db.transaction(async (tx) => {
                      await tx.execute(sql`set local enable_bitmapscan = off`);
                      return newestOf(toRead, false, tx);
                    })
                  : newestOf(toRead, path === 'btree'),
              page: (ids: number[]) => rankedPage(ids),
            },
    };
  }
  // A page reaching past the window (deep pages, the Excel export): the same order over every match.
  const inWindow = sql`${cases.id} in (${newest})`;
  return {
    items: db
      .select()
      .from(cases)
      .where(cond)
      .orderBy(
        sql`${inWindow} desc`,
        sql`case when ${inWindow} then ${search.rank} end desc nulls last`,
        ...sorted,
      )
      .limit(q.pageSize)
      .offset(offset),
    count,
    countCap,
    terms,
  };
}

/** The list's order: the chosen column (due dates nulls last), then the id. */
function listOrder(q: CaseListQuery, fence = false): SQL[] {
  // `fence`: the same order through expressions no index holds (+ 0, || ''), so that PostgreSQL reads
  // a narrow part by its own index and sorts its few rows instead of walking the newest-first index
  // past every case (a part with no rows at all would be walked to the end: 1 s at 1M cases).
  const f = (s: SQL, zero: string) => (fence ? sql`(${s} ${sql.raw(zero)})` : s);
  const column = {
    receivedAt: f(sql`${cases.receivedAt}`, "+ interval '0 s'"),
    dueAt: f(sql`${cases.dueAt}`, "+ interval '0 s'"),
    caseNumber: f(sql`${cases.caseNumber}`, "|| ''"),
  }[q.sort];
  const nulls = q.sort === 'dueAt' ? ' nulls last' : '';
  return [sql`${column} ${sql.raw(q.order + nulls)}`, sql`${f(sql`${cases.id}`, '+ 0')} ${sql.raw(q.order)}`];
}

/**
 * A department's page (policies.departmentPageParts): each part's first `offset + pageSize` ids in
 * the list's order, then the page among them — the same rows as one query over the whole scope.
 */
function departmentPage(
  db: Db,
  parts: { wide: SQL; narrow: [SQL, ...SQL[]] },
  filters: SQL | undefined,
  q: CaseListQuery,
  offset: number,
) {
  const firstIds = (part: SQL, fence: boolean) =>
    db
      .select({ id: cases.id })
      .from(cases)
      .where(and(part, filters))
      .orderBy(...listOrder(q, fence))
      .limit(offset + q.pageSize);
  const [first, ...rest] = parts.narrow;
  const ids = unionAll(
    firstIds(parts.wide, false),
    firstIds(first, true),
    ...rest.map((p) => firstIds(p, true)),
  );
  return db
    .select()
    .from(cases)
    .where(inArray(cases.id, ids))
    .orderBy(...listOrder(q))
    .limit(q.pageSize)
    .offset(offset);
}

/**
 * Capped: the rows of each disjoint part of the scope (policies.caseScopeParts), each part and the
 * whole under `LIMIT cap + 1`, so counting stops after cap + 1 matches and each part can be an
 * index-only scan. More than `cap` rows in all exactly when the result exceeds `cap`.
 */
function countQuery(db: Db, actor: Actor, within: string | undefined, filters?: SQL, cap?: number) {
  if (cap === undefined)
    return db
      .select({ n: count() })
      .from(cases)
      .where(and(caseScope(actor, within), filters));
  const part = (scope: SQL | undefined) =>
    db
      .select({ one: sql`1`.as('one') })
      .from(cases)
      .where(and(scope, filters))
      .limit(cap + 1);
  const [a, b, ...more] = caseScopeParts(actor, within).map(part);
  if (!a) throw new Error('no scope');
  const rows = b ? unionAll(a, b, ...more).limit(cap + 1) : a;
  return db.select({ n: count() }).from(rows.as('capped'));
}

/**
 * A page of the caller's cases. `total` is exact unless `countCap` is given and exceeded: then it is
 * the cap and `totalCapped` is true.
 */
export async function listCases(db: Db, actor: Actor, q: CaseListQuery, opts: ListOptions = {}) {
  const synonyms = q.q && !opts.synonyms ? await opts.textSearch?.synonyms?.(db) : opts.synonyms;
  const searchIndex = q.q && !opts.searchIndex ? await opts.textSearch?.index?.(db) : opts.searchIndex;
  const built = caseListQueries(db, actor, q, { ...opts, synonyms, searchIndex });
  if (built.window) {
    const w = built.window;
    // At most this share of all cases holds the words (their statistics, no round trip).
    const share = searchIndex === 'rum' ? ((await opts.textSearch?.shareBound?.(db, built.terms)) ?? 1) : 1;
    return { ...(await wordSearchPage(db, w, share, opts.newestPath)), terms: built.terms };
  }
  const [items, [counted]] = await Promise.all([built.items, built.count]);
  const n = Number(counted?.n ?? 0);
  const cap = built.countCap;
  const capped = cap !== undefined && n > cap;
  return { items, total: capped ? cap : n, totalCapped: capped, terms: built.terms };
}

type SearchWindow = NonNullable<ReturnType<typeof caseListQueries>['window']>;

/**
 * A word search's page and capped count from one read of its newest matches (before: two reads of
 * the same window in parallel, for the page and for the count). Where RUM is installed, the way to
 * them is chosen from estimates (domain/search/newestPath): the table's and the scope's rows (the
 * planner's, remembered ten minutes), the words' share of all cases (`share`, their statistics),
 * and the matches — asked only when the words are common enough for the walk.
 */
async function wordSearchPage(db: Db, w: SearchWindow, share: number, given?: NewestPath) {
  let path: NewestPath = given ?? 'btree';
  if (w.index === 'rum' && !given) {
    const scope = w.scope.toSQL();
    const [total, scopeRows, matches] = await Promise.all([
      cachedEstimate(db, 'cases', db.select({ one: sql`1` }).from(cases)),
      cachedEstimate(db, `scope ${scope.sql} ${JSON.stringify(scope.params)}`, w.scope),
      mayWalk(share, w.size) ? estimatedRows(db, w.matches) : undefined,
    ]);
    path = newestPath({ total, scopeRows, matches, wordRows: share * total, filtered: w.filtered }, w.size);
  }
  const ids = (await w.ids(path)).map((r) => r.id);
  const items = ids.length > 0 ? await w.page(ids.slice(0, w.size)) : [];
  const capped = ids.length > w.countCap;
  return { items, total: capped ? w.countCap : ids.length, totalCapped: capped };
}

/** One matter by id, unscoped: the caller checks its policy on the row (routes read through this). */
export async function caseRow(db: Db, id: number): Promise<typeof cases.$inferSelect | undefined> {
  const [c] = await db.select().from(cases).where(eq(cases.id, id));
  return c;
}

/** One stored document of a matter (undefined when it is not that matter's). */
export async function caseDocument(db: Db, caseId: number, documentId: number) {
  const [doc] = await db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId)));
  return doc;
}

/** The messages sent about a matter, oldest first (outbox rows; bodies still encrypted). */
/** The case's SMS with their texts decrypted (null once purged); the presenter masks them by role. */
export async function notificationsOf(db: Db, pii: Pii, caseId: number) {
  const rows = await db.select().from(outbox).where(eq(outbox.caseId, caseId)).orderBy(asc(outbox.id));
  return rows.map(({ body, bodyEnc, ...r }) => ({ ...r, text: outboxText(pii, { body, bodyEnc }) }));
}
export type PlainNotification = Awaited<ReturnType<typeof notificationsOf>>[number];

/** Whether a word in a text is this case's query code (by its keyed hash; never for no code). */
export function queryCodeMatcher(pii: Pii, queryCodeHash: string | null): (candidate: string) => boolean {
  return (candidate) => queryCodeHash !== null && pii.hash(candidate) === queryCodeHash;
}

/**
 * The matter of this number whose query code matches (查询码: the petitioner's key, without an
 * account); undefined for an unknown number and a wrong code alike, so that neither is told apart.
 */
export async function caseByQueryCode(
  db: Db,
  pii: Pii,
  caseNumber: string,
  queryCode: string,
): Promise<CaseRow | undefined> {
  const [c] = await db.select().from(cases).where(eq(cases.caseNumber, caseNumber));
  if (!c?.queryCodeHash || c.queryCodeHash !== pii.hash(normaliseQueryCode(queryCode))) return undefined;
  return c;
}

/** What the public progress query shows beyond the row: the public timeline, oldest first, and the holding unit's name. */
export async function publicProgress(db: Db, c: CaseRow) {
  const events = await db
    .select()
    .from(caseEvents)
    .where(and(eventsOfCase(c), eq(caseEvents.public, true)))
    .orderBy(asc(caseEvents.id));
  const [current] = c.currentUnitId
    ? await db.select({ name: units.name }).from(units).where(eq(units.id, c.currentUnitId))
    : [];
  return { events, unitName: current?.name ?? null };
}
