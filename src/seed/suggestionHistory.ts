// Demo 分类建议的历史: the suggestions intake would have kept for the demo's matters of the last six
// months in 南京市. The seeded matters are inserted directly, not registered, so none was classified;
// here each is classified by the active classifier (the built-in lexicon on a fresh install) as at its
// receipt — the real suggestion for its text, nothing made up. Online petitions were then confirmed
// or changed by the registrar a little later; letters and visits were registered with their
// category (given). 管理 → 分类 then shows how the suggestions held up over a bureau's months.
import { and, count, desc, eq, gte, inArray, isNotNull, like, notExists, sql } from 'drizzle-orm';
import { passRouting } from '../classify/routing.ts';
import type { AppContext } from '../context.ts';
import { caseClassifications, cases } from '../db/schema.ts';
import { storeSuggestion } from '../intake/suggestion.ts';

const DAY = 86_400_000;

export async function seedSuggestionHistory(
  ctx: AppContext,
  opts: { prefix?: string; days?: number; limit?: number; now?: Date } = {},
): Promise<number> {
  const prefix = opts.prefix ?? '3201';
  const limit = opts.limit ?? 400;
  // Seeded already (a second `xinfang seed`): the place holds that many suggestions. Without this
  // each run would reach further back for matters without one.
  const [kept] = await ctx.db
    .select({ n: count() })
    .from(caseClassifications)
    .innerJoin(cases, eq(cases.id, caseClassifications.caseId))
    .where(like(cases.jurisdictionCode, `${prefix}%`));
  if ((kept?.n ?? 0) >= limit) return 0;
  const since = new Date((opts.now ?? new Date()).getTime() - (opts.days ?? 183) * DAY);
  const matters = await ctx.db
    .select({
      id: cases.id,
      subject: cases.subject,
      content: cases.content,
      jurisdictionCode: cases.jurisdictionCode,
      categoryCode: cases.categoryCode,
      receivedAt: cases.receivedAt,
    })
    .from(cases)
    .where(
      and(
        like(cases.jurisdictionCode, `${prefix}%`),
        isNotNull(cases.categoryCode),
        gte(cases.receivedAt, since),
        notExists(
          ctx.db
            .select({ id: caseClassifications.caseId })
            .from(caseClassifications)
            .where(eq(caseClassifications.caseId, cases.id)),
        ),
      ),
    )
    .orderBy(desc(cases.receivedAt))
    .limit(limit);
  const routing = passRouting(ctx.db);
  for (const m of matters) await storeSuggestion(ctx.db, m, m.receivedAt, routing);
  // Online petitions arrive without a category: the registrar confirmed or changed the suggestion.
  const ids = matters.map((m) => m.id);
  if (ids.length > 0)
    await ctx.db.execute(sql`
      update ${caseClassifications} cc
         set status = case when cc.suggested_code = c.category_code then 'confirmed' else 'changed' end,
             decided_at = c.received_at + interval '2 hours'
        from ${cases} c
       where c.id = cc.case_id and c.form = 'online' and cc.status = 'given'
         and ${inArray(sql`cc.case_id`, ids)}`);
  return matters.length;
}
