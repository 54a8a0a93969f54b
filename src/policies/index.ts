// Authorization in one place (权限): who may do what, and which rows each caller may see.
// Routes and commands ask here; no route decides scope on its own.
//
// Data scope (数据范围):
//   - a petition bureau user (信访局) sees matters located in its jurisdiction's subtree, and
//     matters its bureau holds or is in charge of (e.g. forwarded to it from elsewhere);
//   - a department user (责任单位) sees matters assigned to its unit or waiting on it, and those it
//     co-handles (会办单位, src/cohandling);
//   - a citizen sees only their own matters;
//   - and no unit ever sees a matter it is kept from (回避: the accused unit of an accusation,
//     src/policies/hidden.ts), whatever else would let it.
import { type AnyColumn, and, eq, gte, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { auditLog, cases, jurisdictions, reports, units, users, warnings } from '../db/schema.ts';
import { DOCUMENT_AUDIENCE, type DocumentKind } from '../documents/types.ts';
import type { AnyActionDef } from '../domain/lifecycle/actions.ts';
import type { Role } from '../domain/roles.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { type Actor, citizenActor, inSubtree } from './actor.ts';
import { hiddenFrom, notHiddenFrom } from './hidden.ts';

export type { Actor } from './actor.ts';
export { citizenActor, inSubtree } from './actor.ts';
export { hiddenFrom, mayHold, notHiddenFrom } from './hidden.ts';

/** What the policies need to know about a case. */
export interface CaseRef {
  id?: number;
  /** 信访形式: staff record some actions for the petitioner only when it did not come online. */
  form?: string;
  jurisdictionCode: string;
  assignedUnitId: number | null;
  currentUnitId?: number | null;
  bureauUnitId?: number | null;
  petitionerUserId: number | null;
  /** 回避单位: units never shown this matter (the accused units of an accusation). */
  hiddenFromUnitIds?: readonly number[] | null;
  /** 会办单位: co-handling units, which read the matter as the responsible unit does. */
  coUnitIds?: readonly number[] | null;
}

/** What the policies need to know about a user being managed. */
export interface UserRef {
  role: Role;
  unitJurisdictionCode: string | null;
}

const STAFF_CASE_READERS: readonly Role[] = [
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
];

/** Roles that must contact or verify the petitioner see ID numbers and phones in full (within scope). */
const FULL_PII_ROLES: readonly Role[] = ['registrar', 'handler', 'reviewer'];

// ---- The tables: one rule per (model, action). -------------------------------------------------

/** Department staff who register the petitions their department receives directly. */
const DEPARTMENT_REGISTRARS: readonly Role[] = ['registrar', 'handler'];

export const casePolicy = {
  /** Staff who read matters at all (the workbench, 案件查询): not auditors, who read only the audit log. */
  staffReader: (a: Actor): boolean => STAFF_CASE_READERS.includes(a.role),
  read: (a: Actor, c: CaseRef): boolean => {
    if (a.queryCodeCaseId !== undefined) return c.id === a.queryCodeCaseId;
    if (a.role === 'citizen') return c.petitionerUserId === a.userId;
    if (!STAFF_CASE_READERS.includes(a.role)) return false;
    if (hiddenFrom(a, c)) return false;
    const mine = (id: number | null | undefined) => id != null && id === a.unitId;
    if (a.unitKind === 'department')
      return (
        mine(c.assignedUnitId) ||
        mine(c.currentUnitId) ||
        (a.unitId !== null && (c.coUnitIds ?? []).includes(a.unitId))
      );
    return inSubtree(a, c.jurisdictionCode) || mine(c.currentUnitId) || mine(c.bureauUnitId);
  },
  /** 导出 Excel of a list: staff who read matters (not citizens, not auditors, who have no list). */
  exportList: (a: Actor): boolean => casePolicy.staffReader(a),
  /**
   * 登记: citizens submit their own petitions online; bureau registrars register all forms; and a
   * department registers the petitions sent straight to it (every organ that receives one must,
   * 《信访工作条例》第二十四条), by its registrars and handlers.
   */
  register: (a: Actor): boolean =>
    a.role === 'citizen' ||
    (a.role === 'registrar' && a.unitKind === 'bureau') ||
    (DEPARTMENT_REGISTRARS.includes(a.role) && a.unitKind === 'department'),
  /**
   * A citizen files their own petition: online only, received when the server receives it, in the
   * account's verified name, sent to the bureau of the place. Staff record what came to them (代录).
   */
  filesOwn: (a: Actor): boolean => a.role === 'citizen',
  /** The petitioner's view of a matter (account or query code): public events, their own documents. */
  petitionerView: (a: Actor): boolean => a.role === 'citizen',
  /** The lifecycle table's roles for an action (checked first: a wrong role is 403 whatever the state). */
  takesRole: (a: Actor, def: Pick<AnyActionDef, 'roles'>): boolean => def.roles.includes(a.role),
  /** May the actor take a lifecycle action (the action table's roles and `who`) on this case? */
  act: (a: Actor, c: CaseRef, def: Pick<AnyActionDef, 'roles' | 'who' | 'onBehalf'>): boolean => {
    if (!casePolicy.takesRole(a, def) || !casePolicy.read(a, c)) return false;
    switch (def.who) {
      case 'holder':
        return a.unitId !== null && a.unitId === c.currentUnitId;
      case 'bureau':
        return a.unitId !== null && a.unitId === c.bureauUnitId;
      case 'petitioner':
        // The query code's holder (read: this case only), the online petitioner, or the bureau in
        // charge recording it for them (代录; for some actions only when the petition came offline).
        if (a.queryCodeCaseId !== undefined) return true;
        if (a.role === 'citizen') return c.petitionerUserId === a.userId;
        if (def.onBehalf === 'offline' && c.form === 'online') return false;
        return a.unitId !== null && a.unitId === c.bureauUnitId;
      case 'in_scope':
        return true;
      case 'system':
        return false; // the platform's own steps (期满办结), never a person's
    }
  },
  /** A case's document: staff who read the case; the petitioner only what is written to them. */
  readDocument: (a: Actor, c: CaseRef, kind: string): boolean =>
    casePolicy.read(a, c) &&
    (a.role !== 'citizen' || DOCUMENT_AUDIENCE[kind as DocumentKind] === 'petitioner'),
  viewFullPii: (a: Actor, c: CaseRef): boolean =>
    a.apiKey !== undefined
      ? false // a machine client never sees parties in full (docs/interop.md)
      : a.role === 'citizen'
        ? c.petitionerUserId === a.userId
        : FULL_PII_ROLES.includes(a.role) && casePolicy.read(a, c),
  /** May the actor find cases by a party's full ID number or phone (exact hash match, in scope)? */
  searchByPii: (a: Actor): boolean => a.apiKey === undefined && FULL_PII_ROLES.includes(a.role),
};

/** Bureau staff who register petitions or oversee registration (registrar and above, not analysts). */
const DUPLICATE_CHECKERS: readonly Role[] = ['registrar', 'reviewer', 'supervisor', 'leader'];

export const duplicatePolicy = {
  /** May check a petition being registered for repeats and near-duplicates (POST /cases/similar)? */
  check: (a: Actor): boolean => a.unitKind === 'bureau' && DUPLICATE_CHECKERS.includes(a.role),
  /**
   * May the check match on the ID number or phone typed in? The same rule as finding cases by them
   * in the list (`q=`): otherwise the check would answer who filed what to roles that see parties
   * masked. Without it the check still matches on content.
   */
  matchByPii: (a: Actor): boolean => casePolicy.searchByPii(a),
  /** The 相似事项 panel of a matter: staff (a citizen is not told of other people's petitions). */
  seeSimilar: (a: Actor): boolean => a.role !== 'citizen',
};

export const userPolicy = {
  list: (a: Actor): boolean => a.role === 'admin',
  read: (a: Actor, u: UserRef): boolean =>
    a.role === 'admin' && u.unitJurisdictionCode !== null && inSubtree(a, u.unitJurisdictionCode),
  /** An admin creates staff accounts in units of its own subtree; citizens register themselves. */
  create: (a: Actor, u: UserRef): boolean =>
    a.role === 'admin' &&
    u.role !== 'citizen' &&
    u.unitJurisdictionCode !== null &&
    inSubtree(a, u.unitJurisdictionCode),
  /** Real-name details (实名信息) are a petitioner's own; staff accounts carry none. */
  fillProfile: (a: Actor): boolean => a.role === 'citizen',
};

/** Staff working tools and reference data: classifier suggestions, categories, calendar, legal channels. */
export const staffToolsPolicy = {
  use: (a: Actor): boolean => a.role !== 'citizen',
};

export const settingsPolicy = {
  /** Administrators set limits for their own jurisdiction and below. */
  update: (a: Actor, jurisdictionCode: string): boolean =>
    a.role === 'admin' && inSubtree(a, jurisdictionCode),
};

/** Roles that read analytics (统计分析, 预测预警) for their own jurisdiction (docs: analytics contract). */
const ANALYTICS_READERS: readonly Role[] = ['leader', 'analyst', 'supervisor', 'admin'];
const ANALYTICS_BUREAU_READERS: readonly Role[] = ['registrar', 'reviewer'];

export const analyticsPolicy = {
  /** Staff of petition bureaus; citizens and department handlers may not. */
  read: (a: Actor): boolean =>
    a.scopePrefix !== null &&
    (ANALYTICS_READERS.includes(a.role) ||
      (ANALYTICS_BUREAU_READERS.includes(a.role) && a.unitKind === 'bureau')),
  /** A scope (jurisdiction code) inside the caller's subtree. */
  scope: (a: Actor, code: string): boolean => analyticsPolicy.read(a) && inSubtree(a, code),
  /** 预警签收: supervisors and leaders, for warnings of their subtree. */
  acknowledgeWarning: (a: Actor, jurisdictionCode: string): boolean =>
    (a.role === 'supervisor' || a.role === 'leader') && inSubtree(a, jurisdictionCode),
  /** 重大活动保障期: administrators, for their subtree. */
  manageSpecialPeriods: (a: Actor, jurisdictionCode: string): boolean =>
    a.role === 'admin' && inSubtree(a, jurisdictionCode),
};

/**
 * The analytics scope of a request: the code asked for, or the caller's own jurisdiction.
 * 403 `forbidden` for roles without analytics, 403 `forbidden_scope` for a code outside the subtree.
 */
export function analyticsScope(a: Actor, requested?: string): string {
  if (!analyticsPolicy.read(a) || a.jurisdictionCode === null) throw forbidden('您没有权限查看统计分析');
  const code = requested ?? a.jurisdictionCode;
  if (!inSubtree(a, code)) throw new AppError(403, 'forbidden_scope', '只能查看本辖区的统计分析');
  return code;
}

/** Who reads the audit log (审计日志): administrators and auditors (审计员), for their subtree. */
const AUDIT_READERS: readonly Role[] = ['admin', 'auditor'];

export const auditPolicy = {
  /** Only the province administrator checks the whole audit chain. */
  verify: (a: Actor): boolean => a.role === 'admin' && a.scopePrefix !== null && a.scopePrefix.length === 2,
  /** May search the audit log (GET /api/v1/audit), within `auditScope`. */
  search: (a: Actor): boolean =>
    AUDIT_READERS.includes(a.role) && a.scopePrefix !== null && a.unitKind === 'bureau',
  /** Whose reads of personal data are recorded (个人信息查阅留痕): staff, not the petitioner reading their own. */
  recordsReadsBy: (a: Actor): boolean => a.role !== 'citizen',
};

/**
 * WHERE condition restricting `audit_log` to what the caller may read: at province level every
 * row; below it, rows by staff of units in the subtree and rows about cases located in it (a
 * citizen's actions on their case, a higher bureau's read of it). Rows of neither kind (the
 * installation's own, citizens' logins) are the province's.
 */
export function auditScope(a: Actor): SQL | undefined {
  if (!auditPolicy.search(a) || a.scopePrefix === null) return NOTHING;
  if (a.scopePrefix.length <= 2) return undefined;
  const within = `${a.scopePrefix}%`;
  return sql`(exists (select 1 from ${users} su join ${units} sn on sn.id = su.unit_id
      where su.id = ${auditLog.actorUserId} and sn.jurisdiction_code like ${within})
    or (${auditLog.entity} = 'case' and exists (select 1 from ${cases} sc
      where sc.id = (case when ${auditLog.entityId} ~ '^[0-9]{1,18}$' then ${auditLog.entityId}::bigint end)
        and sc.jurisdiction_code like ${within})))`;
}

/** 专报: analysts draft and edit, leaders and admins too; issuing (签发) is a leader's or admin's act. */
const REPORT_WRITERS: readonly Role[] = ['analyst', 'leader', 'admin'];
const REPORT_ISSUERS: readonly Role[] = ['leader', 'admin'];

export const reportPolicy = {
  /** May open the reports area at all (list, console menu)? */
  use: (a: Actor): boolean =>
    REPORT_WRITERS.includes(a.role) && a.unitKind === 'bureau' && a.scopePrefix !== null,
  /** Draft, read, edit and download a report of this scope (the caller's jurisdiction or below). */
  write: (a: Actor, scopeCode: string): boolean => reportPolicy.use(a) && inSubtree(a, scopeCode),
  issue: (a: Actor, scopeCode: string): boolean =>
    REPORT_ISSUERS.includes(a.role) && reportPolicy.write(a, scopeCode),
};

// ---- Enforcement helpers -------------------------------------------------------------------------

/** Throws 404 when the caller may not read the object (no existence leak). */
export function ensureReadable(allowed: boolean): void {
  if (!allowed) throw notFound();
}

/** Throws 403 for an action the caller may not take on an object it can see. */
export function ensureAllowed(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}

// ---- Row scopes for queries ----------------------------------------------------------------------

const NOTHING = sql`false`;

/**
 * WHERE condition restricting `cases` to what the caller may see. `within`: a jurisdiction prefix
 * the query already restricts `cases.jurisdiction_code` to (`LIKE 'within%'`). Inside a bureau's
 * subtree that implies the bureau's scope, so none is added (`undefined`): PostgreSQL cannot see the
 * implication, and the scope's OR would cost a visit to every matching row to count a list.
 */
export function caseScope(a: Actor, within?: string): SQL | undefined {
  const base = baseCaseScope(a, within);
  if (a.role === 'citizen' || a.unitId === null || base === NOTHING) return base;
  const kept = notHiddenFrom(a.unitId);
  return base === undefined ? kept : and(base, kept);
}

/** The scope by role, unit and jurisdiction, before 回避. */
function baseCaseScope(a: Actor, within?: string): SQL | undefined {
  if (a.role === 'citizen') return eq(cases.petitionerUserId, a.userId);
  if (!STAFF_CASE_READERS.includes(a.role)) return NOTHING;
  if (a.unitId === null) return NOTHING;
  if (a.unitKind === 'department')
    return or(
      eq(cases.assignedUnitId, a.unitId),
      eq(cases.currentUnitId, a.unitId),
      coHandledBy(a.unitId),
    ) as SQL;
  if (a.scopePrefix === null) return NOTHING;
  if (within?.startsWith(a.scopePrefix)) return undefined;
  return or(
    like(cases.jurisdictionCode, `${a.scopePrefix}%`),
    eq(cases.currentUnitId, a.unitId),
    eq(cases.bureauUnitId, a.unitId),
  ) as SQL;
}

/** Matters this unit co-handles (会办单位). */
// `@>` rather than `= any(…)`: the GIN index cases_co_units_idx answers containment only. `<> '{}'`
// (true of every row that contains the unit) is the index's predicate: it holds only co-handled
// matters, so PostgreSQL estimates a few rows, not 0.5 % of all cases (migration 0048).
const coHandledBy = (unitId: number): SQL =>
  sql`(${cases.coUnitIds} <> '{}' and ${cases.coUnitIds} @> array[${unitId}::integer])`;

/** '3209' → '3210', '39' → '40'; null for all nines (no code sorts after the subtree then). */
export function nextDecimal(digits: string): string | null {
  const n = digits.replace(/9*$/, '');
  if (n === '') return null;
  const carried = digits.length - n.length;
  return `${n.slice(0, -1)}${Number(n.slice(-1)) + 1}${'0'.repeat(carried)}`;
}

/**
 * The rows of `caseScope(a, within)` as disjoint conditions: every row in scope satisfies exactly
 * one. A list counts each part with its own `LIMIT` and adds them up: each part can then be an
 * index-only scan, where the scope's OR over three columns is a bitmap scan visiting one wide row
 * per match (a county's unfiltered list: ≈ 70–280 ms at 1M cases instead of a few ms).
 */
export function caseScopeParts(a: Actor, within?: string): (SQL | undefined)[] {
  const parts = baseScopeParts(a, within);
  if (a.role === 'citizen' || a.unitId === null) return parts;
  const kept = notHiddenFrom(a.unitId);
  return parts.map((p) => (p === undefined ? kept : and(p, kept)));
}

function baseScopeParts(a: Actor, within?: string): (SQL | undefined)[] {
  const whole = baseCaseScope(a, within);
  if (
    whole === undefined ||
    a.role === 'citizen' ||
    a.unitId === null ||
    !STAFF_CASE_READERS.includes(a.role)
  )
    return [whole];
  const u = a.unitId;
  const not = (column: AnyColumn) => sql`${column} is distinct from ${u}`;
  if (a.unitKind === 'department')
    return [
      eq(cases.assignedUnitId, u),
      and(not(cases.assignedUnitId), eq(cases.currentUnitId, u)),
      and(not(cases.assignedUnitId), not(cases.currentUnitId), coHandledBy(u)),
    ];
  const p = a.scopePrefix;
  if (p === null || p === '') return [whole];
  // Not in the subtree, as two ranges of the code that an index on (bureau_unit_id,
  // jurisdiction_code) answers without reading the rows, unlike NOT LIKE. The upper bound is the
  // prefix plus one in decimal ('3209' → '3210'): digits only, so every collation orders it alike.
  const after = nextDecimal(p);
  const outside = after
    ? or(lt(cases.jurisdictionCode, p), gte(cases.jurisdictionCode, after))
    : lt(cases.jurisdictionCode, p);
  return [
    like(cases.jurisdictionCode, `${p}%`),
    and(outside, eq(cases.bureauUnitId, u)),
    and(outside, not(cases.bureauUnitId), eq(cases.currentUnitId, u)),
  ];
}

/**
 * A department's scope for reading a page of its list, in parts: the matters assigned to it (`wide`:
 * read newest first along the list's index, which holds `assigned_unit_id`), and the few it holds
 * without being assigned or co-handles (`narrow`: each read by its own index and sorted). As one OR,
 * the co-handling column — not in the list's index — made PostgreSQL read the row of every case it
 * walked past (520 ms at 10M cases: docs/performance.md). Undefined for every other caller: a
 * bureau's scope columns are all in the index, and its one query is the fastest.
 */
export function departmentPageParts(
  a: Actor,
  within?: string,
): { wide: SQL; narrow: [SQL, ...SQL[]] } | undefined {
  if (a.unitKind !== 'department' || a.unitId === null) return undefined;
  const [wide, first, ...rest] = caseScopeParts(a, within);
  if (!wide || !first || rest.some((p) => p === undefined)) return undefined;
  return { wide, narrow: [first, ...(rest as SQL[])] };
}

/** WHERE condition restricting `units` (joined for user lists) to the admin's subtree. */
export function unitScope(a: Actor): SQL {
  if (a.role !== 'admin' || a.scopePrefix === null) return NOTHING;
  return like(units.jurisdictionCode, `${a.scopePrefix}%`);
}

/** WHERE condition restricting `warnings` to the caller's subtree (analytics readers only). */
export function warningScope(a: Actor): SQL {
  if (!analyticsPolicy.read(a) || a.scopePrefix === null) return NOTHING;
  return like(warnings.jurisdictionCode, `${a.scopePrefix}%`);
}

/** WHERE condition for jurisdictions inside the caller's subtree (for pickers). */
export function jurisdictionScope(a: Actor): SQL {
  return a.scopePrefix === null ? NOTHING : like(jurisdictions.code, `${a.scopePrefix}%`);
}

/** WHERE condition restricting `reports` to those whose scope is in the caller's subtree. */
export function reportScope(a: Actor): SQL {
  if (!reportPolicy.use(a) || a.scopePrefix === null) return NOTHING;
  return like(reports.scopeCode, `${a.scopePrefix}%`);
}

/**
 * Whoever holds this case's number and query code (checked by the caller): acts as its petitioner
 * on this case only, in the petitioner's actions (评价, 申请复查, 申请复核), without an account.
 */
export function queryCodeActor(caseId: number): Actor {
  return { ...citizenActor(0, '查询码持有人'), queryCodeCaseId: caseId };
}
