// Reads of the intake capability: a matter's classification (the stored suggestion, or a live one
// for matters registered before intake classified them), the legal-channel hints, the department
// its category routes to; and units by name within the caller's subtree (交办/转送 targets).
import { and, asc, desc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import { dictionaryAt } from '../categories/queries.ts';
import {
  type Department,
  departmentKey,
  liveSubcategories,
  resolveDepartments,
  routesSubcategories,
  routingTable,
} from '../classify/routing.ts';
import { joinedText, legalHintsFor, type SuggestedCategory, suggestRouting } from '../classify/suggest.ts';
import type { Db } from '../db/client.ts';
import { caseClassifications, cases, jurisdictions, units, users } from '../db/schema.ts';
import {
  entryPath,
  firstLevelOf,
  subcategoryChoices,
  suggestSubcategory,
} from '../domain/admin/categories.ts';
import { categoryByCode, categoryByName } from '../domain/categories.ts';
import type { ClassificationStatus } from '../domain/intake/classification.ts';
import { notFound } from '../errors.ts';
import { type Actor, ensureAllowed, ensureReadable } from '../policies/index.ts';
import { intakePolicy } from '../policies/intake.ts';

export type CaseRow = typeof cases.$inferSelect;

export interface Classification {
  caseId: number;
  /** The matter's place (交办/转送 search ranks its units first). */
  jurisdictionCode: string;
  categoryCode: string | null;
  subcategoryCode: string | null;
  /** The 细分类 as it reads ("住房保障 / 棚户区改造"), by the dictionary's latest names. */
  subcategoryName: string | null;
  subcategoryChoices: { code: string; label: string }[];
  /** A 细分类 whose name the text contains, while none is chosen. */
  subcategorySuggestion: { code: string; label: string; matched: string } | null;
  status: ClassificationStatus;
  /** false: no suggestion was stored at intake (an older matter); this one is computed now. */
  stored: boolean;
  suggestion: {
    top3: SuggestedCategory[];
    why: { term: string; weight: number }[];
    confidence: number;
    modelVersion: string;
    suggestedAt: string | null;
  };
  legalHints: Awaited<ReturnType<typeof legalHintsFor>>;
  /** The unit the matter's category (given, else suggested) routes to in its place. */
  routed: { category: string; department: Department } | null;
  decidedAt: string | null;
  decidedBy: string | null;
  mayCategorize: boolean;
}

/** The case, visible to the caller (404 otherwise, like a missing one). */
export async function readableCase(db: Db, actor: Actor, caseId: number): Promise<CaseRow> {
  const [c] = await db.select().from(cases).where(eq(cases.id, caseId));
  ensureReadable(c !== undefined && intakePolicy.read(actor, c));
  if (!c) throw notFound();
  return c;
}

/**
 * The department a category routes to in the matter's place (the routing table in force): by the
 * matter's 细分类 when it has one of that category, else the one its text names, where the table
 * routes 细分类 on their own.
 */
export async function routedDepartment(
  db: Db,
  c: Pick<CaseRow, 'subject' | 'content' | 'jurisdictionCode' | 'subcategoryCode'>,
  category: string,
): Promise<Department | undefined> {
  const table = await routingTable(db, c.jurisdictionCode);
  const text = joinedText(c.subject, c.content);
  const code = categoryByName(category)?.code;
  let sub: string | null = null;
  if (code && routesSubcategories(table))
    sub =
      c.subcategoryCode && firstLevelOf(c.subcategoryCode) === code
        ? c.subcategoryCode
        : (suggestSubcategory(await liveSubcategories(db), code, text)?.code ?? null);
  const key = departmentKey(table, category, text, sub);
  return (await resolveDepartments(db, [key], c.jurisdictionCode))[0];
}

export async function classificationOf(db: Db, actor: Actor, caseId: number): Promise<Classification> {
  const c = await readableCase(db, actor, caseId);
  const [row] = await db
    .select({ s: caseClassifications, decidedByName: users.displayName })
    .from(caseClassifications)
    .leftJoin(users, eq(users.id, caseClassifications.decidedBy))
    .where(eq(caseClassifications.caseId, caseId));
  const live = row ? null : await suggestRouting(db, c);
  const top3 = (row ? row.s.top : live?.top3) as SuggestedCategory[];
  const status: ClassificationStatus = row
    ? (row.s.status as ClassificationStatus)
    : c.categoryCode
      ? 'given'
      : 'pending';
  const chosen = c.categoryCode ? categoryByCode(c.categoryCode)?.name : undefined;
  const category = chosen ?? top3[0]?.category;
  const text = joinedText(c.subject, c.content);
  // The dictionary only for a matter with a category (its 细分类, the choices and the suggestion).
  const { entries } = c.categoryCode || c.subcategoryCode ? await dictionaryAt(db) : { entries: [] };
  return {
    caseId,
    jurisdictionCode: c.jurisdictionCode,
    categoryCode: c.categoryCode,
    subcategoryCode: c.subcategoryCode,
    subcategoryName: c.subcategoryCode ? (entryPath(entries, c.subcategoryCode) ?? c.subcategoryCode) : null,
    subcategoryChoices: c.categoryCode ? subcategoryChoices(entries, c.categoryCode) : [],
    subcategorySuggestion:
      c.categoryCode && !c.subcategoryCode ? suggestSubcategory(entries, c.categoryCode, text) : null,
    status,
    stored: row !== undefined,
    suggestion: {
      top3,
      why: (row ? row.s.why : live?.why) as { term: string; weight: number }[],
      confidence: row ? row.s.confidence : (top3[0]?.probability ?? 0),
      modelVersion: row ? row.s.modelVersion : String(live?.modelVersion),
      suggestedAt: row ? row.s.suggestedAt.toISOString() : null,
    },
    legalHints: await legalHintsFor(
      db,
      text,
      top3.map((t) => t.category),
      c.jurisdictionCode,
    ),
    routed: category
      ? { category, department: (await routedDepartment(db, c, category)) as Department }
      : null,
    decidedAt: row?.s.decidedAt?.toISOString() ?? null,
    decidedBy: row?.decidedByName ?? null,
    mayCategorize: intakePolicy.categorize(actor, c),
  };
}

/** LIKE pattern of a literal text (its % _ and \ escaped). */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export interface UnitHit {
  id: number;
  name: string;
  shortName: string;
  kind: string;
  jurisdictionCode: string;
  jurisdictionName: string;
}

/**
 * Units whose name (or place and short name, 鼓楼区住建局) contains `q`, within the caller's
 * subtree; those of `near` (a matter's place) and its county first, then the nearest levels.
 */
export async function searchUnits(
  db: Db,
  actor: Actor,
  q: { q: string; near?: string; limit: number },
): Promise<UnitHit[]> {
  ensureAllowed(intakePolicy.searchUnits(actor), '仅有辖区的工作人员可以查找单位');
  const prefix = actor.scopePrefix as string;
  const pattern = containing(q.q);
  const conds: SQL[] = [like(units.jurisdictionCode, `${prefix}%`)];
  if (q.q)
    conds.push(
      or(
        like(units.name, pattern),
        like(units.shortName, pattern),
        like(sql`${jurisdictions.name} || ${units.shortName}`, pattern),
      ) as SQL,
    );
  const near = q.near?.slice(0, 6) ?? '';
  return db
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      jurisdictionCode: units.jurisdictionCode,
      jurisdictionName: jurisdictions.fullName,
    })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(...conds))
    .orderBy(
      desc(sql`${units.jurisdictionCode} = ${near}`),
      desc(sql`${near} LIKE ${units.jurisdictionCode} || '%'`),
      asc(jurisdictions.level),
      asc(units.jurisdictionCode),
      asc(units.id),
    )
    .limit(q.limit);
}
