// Case lists: filters, sort and paging, always inside the caller's scope (policies.caseScope).
import { and, asc, count, desc, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { cases } from '../db/schema.ts';
import { FORMS, STATES } from '../domain/lifecycle/vocabulary.ts';
import { type Actor, caseScope } from '../policies/index.ts';
import { caseSearch } from '../search/query.ts';

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const CaseListQuery = z.object({
  q: z.string().trim().max(100, '检索词不超过100字').optional().meta({
    description: '检索：标题和内容中的词语（按相关度排序），信访件编号或其前缀，身份证号码或手机号码',
  }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  state: csv(STATES).optional().meta({ description: '状态，逗号分隔' }),
  form: csv(FORMS).optional(),
  purpose: z.string().optional(),
  category: z.string().optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为6位或9位数字')
    .optional()
    .meta({ description: '问题属地（含下级）' }),
  unitId: z.coerce.number().int().optional().meta({ description: '当前待办单位' }),
  due: z.enum(['overdue', 'near']).optional(),
  backlog: z.coerce.boolean().optional(),
  supervised: z.coerce.boolean().optional(),
  repeat: z.coerce.boolean().optional(),
  flag: z.enum(['group_suspect']).optional().meta({ description: 'group_suspect：疑似联名/群体' }),
  from: z.iso.date().optional().meta({ description: '收到日期起（含）' }),
  to: z.iso.date().optional().meta({ description: '收到日期止（含）' }),
  sort: z.enum(['receivedAt', 'dueAt', 'caseNumber']).default('receivedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** 320106 → '320106'; 320100 → '3201'; 320000 → '32' (the prefix shared by the subtree). */
export const prefixOf = (code: string) => (code.length > 6 ? code : code.replace(/(00)+$/, ''));
const shanghaiStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** `hash` (the PII lookup hash) lets `q` find cases by a party's ID number or phone. */
export async function listCases(
  db: Db,
  actor: Actor,
  q: CaseListQuery,
  now = new Date(),
  hash?: (plain: string) => string,
) {
  const search = q.q ? caseSearch(q.q, actor, hash) : undefined;
  const where: (SQL | undefined)[] = [caseScope(actor), search?.where];
  if (q.state?.length) where.push(inArray(cases.state, q.state));
  if (q.form?.length) where.push(inArray(cases.form, q.form));
  if (q.purpose) where.push(eq(cases.purpose, q.purpose));
  if (q.category) where.push(like(cases.categoryCode, `${q.category}%`));
  if (q.jurisdiction) where.push(like(cases.jurisdictionCode, `${prefixOf(q.jurisdiction)}%`));
  if (q.unitId) where.push(eq(cases.currentUnitId, q.unitId));
  if (q.due === 'overdue') where.push(lt(cases.dueAt, now));
  if (q.due === 'near') where.push(and(gte(cases.dueAt, now), eq(cases.dueFlag, 'near')));
  if (q.backlog !== undefined) where.push(eq(cases.backlog, q.backlog));
  if (q.supervised !== undefined) where.push(eq(cases.supervised, q.supervised));
  if (q.repeat) where.push(sql`${cases.repeatCount} > 0`);
  if (q.flag === 'group_suspect') where.push(eq(cases.groupSuspect, true));
  if (q.from) where.push(gte(cases.receivedAt, shanghaiStart(q.from)));
  if (q.to) where.push(lt(cases.receivedAt, new Date(shanghaiStart(q.to).getTime() + 86_400_000)));
  const cond = and(...where);
  const column = { receivedAt: cases.receivedAt, dueAt: cases.dueAt, caseNumber: cases.caseNumber }[q.sort];
  const dir = q.order === 'asc' ? asc : desc;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(cond)
      .orderBy(
        // With a text query: most relevant first, then the chosen sort (newest first by default).
        ...(search?.rank ? [sql`${search.rank} desc`] : []),
        q.sort === 'dueAt' ? sql`${cases.dueAt} ${sql.raw(q.order)} nulls last` : dir(column),
        dir(cases.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(cases).where(cond),
  ]);
  return { items, total: total?.n ?? 0, terms: search?.terms ?? [] };
}
