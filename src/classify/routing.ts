// From content category to the responsible functional department (职能部门) of a jurisdiction.
// The default table below can be overridden per jurisdiction (and its subtree) by a `settings` row
// with key 'routing' and value { "<category>": "<department key>" }; lower jurisdictions win. A key
// may also be a 细分类 code (second or third level of the dictionary): 城乡建设 / 城市管理 → 城管局 while
// the rest of 城乡建设 goes to 住建局; '' takes such an override back (the category's department again).
import { eq } from 'drizzle-orm';
import { dictionaryAt, type EntryView } from '../categories/queries.ts';
import type { Executor } from '../db/client.ts';
import { units } from '../db/schema.ts';
import { entryLevel, type NamedEntry, parentOf } from '../domain/admin/categories.ts';
import { CONTENT_CATEGORIES, categoryByCode, categoryByName } from '../domain/categories.ts';
import { badRequest } from '../errors.ts';
import { BUREAU, DEPARTMENTS } from '../orgs/departments.ts';
import { settingsPolicy } from '../policies/index.ts';
import { jurisdictionSetting } from '../settings/jurisdictional.ts';
import { activeClassifier } from './store.ts';

const ROUTING_KEY = 'routing';

/**
 * Default: each category's department in src/domain/categories.ts. 党务政务, 纪检监察 and 其他 have
 * no functional department on the platform (纪委监委 is outside it): the petition bureau keeps them
 * and transfers. 经济管理, 商贸旅游 and 科技与信息产业 go to market regulation (prices, consumer
 * rights, enterprises, telecom complaints). Keyed by name: the classifier's labels are names.
 */
export const DEFAULT_ROUTING: Readonly<Record<string, string>> = Object.fromEntries(
  CONTENT_CATEGORIES.map((c) => [c.name, c.department]),
);

/**
 * The routing key of what an administrator typed: a category's name (or its code, turned into the
 * name), or a label of the active trained model (a bureau may train on labels of its own).
 */
export function routingCategory(key: string, modelLabels: readonly string[]): string | undefined {
  const c = categoryByName(key) ?? categoryByCode(key);
  if (c) return c.name;
  return modelLabels.includes(key) ? key : undefined;
}

/** Within 城乡建设, street-level order (违建, 占道, 摊贩, 渣土 …) belongs to 城管 where there is one. */
const CHENGGUAN = /违章建筑|违建|私搭乱建|占道|摆摊|摊贩|渣土|城管|户外广告|乱搭/;

export const DEPARTMENT_KEYS = new Set([BUREAU.key, ...DEPARTMENTS.map((d) => d.key)]);

export interface Department {
  key: string;
  name: string;
  /** The unit of that department in the jurisdiction asked about, when one was given and exists. */
  unitId?: number;
  unitName?: string;
}

const nameOf = (key: string) =>
  key === BUREAU.key ? BUREAU.short : (DEPARTMENTS.find((d) => d.key === key)?.short ?? key);

/** Overrides per jurisdiction, checked against the catalogue and the active model's labels. */
export const routingSetting = jurisdictionSetting<Record<string, string>, Record<string, string>>({
  key: ROUTING_KEY,
  resolve: (values) => {
    const table: Record<string, string> = { ...DEFAULT_ROUTING };
    for (const v of values) {
      for (const [cat, key] of Object.entries((v ?? {}) as Record<string, unknown>)) {
        if (typeof key === 'string' && DEPARTMENT_KEYS.has(key)) table[cat] = key;
        else if (key === '' && isSubcategoryKey(cat)) delete table[cat];
      }
    }
    return table;
  },
  // Categories of the catalogue (name or code), labels of the active trained model, or live 细分类.
  check: async (patch, ctx) => {
    const { classifier } = await activeClassifier(ctx.db);
    const change: Record<string, string> = {};
    const live = Object.keys(patch).some(isSubcategoryKey) ? await liveSubcategories(ctx.db) : [];
    for (const [cat, key] of Object.entries(patch)) {
      if (isSubcategoryKey(cat)) {
        if (!live.some((e) => e.code === cat))
          throw badRequest('unknown_subcategory', `细分类 ${cat} 不存在或已停用`, cat);
        if (key !== '' && !DEPARTMENT_KEYS.has(key))
          throw badRequest('unknown_department', `未知部门: ${key}`, cat);
        change[cat] = key;
        continue;
      }
      const name = routingCategory(cat, classifier.labels);
      if (!name) throw badRequest('unknown_category', `未知内容分类: ${cat}，请从内容分类中选择`, cat);
      if (!DEPARTMENT_KEYS.has(key)) throw badRequest('unknown_department', `未知部门: ${key}`, cat);
      change[name] = key;
    }
    return change;
  },
  mayEdit: settingsPolicy.update,
  denied: '只能设置本辖区的转办对照',
  auditAction: 'settings.routing',
});

/** The routing table in force for a jurisdiction (defaults, then overrides from the province down). */
export async function routingTable(db: Executor, jurisdictionCode?: string): Promise<Record<string, string>> {
  return jurisdictionCode ? routingSetting.forCode(db, jurisdictionCode) : { ...DEFAULT_ROUTING };
}

/** A routing key that names a 细分类 (a second- or third-level code), not a category. */
export const isSubcategoryKey = (key: string): boolean => entryLevel(key) !== null;

/** Whether a routing table sends any 细分类 elsewhere (else the dictionary need not be read). */
export const routesSubcategories = (table: Record<string, string>): boolean =>
  Object.keys(table).some(isSubcategoryKey);

/** The dictionary's entries in use (retired ones route nowhere). */
export async function liveSubcategories(db: Executor): Promise<EntryView[]> {
  return (await dictionaryAt(db)).entries.filter((e) => !e.retired);
}

/**
 * The department key for a category: the matter's 细分类 routed on its own (its third level, else
 * its second), else the category's, with the 城管 refinement when the default table applies.
 */
export function departmentKey(
  table: Record<string, string>,
  category: string,
  text = '',
  subcategory?: string | null,
): string {
  for (const code of subcategory ? [subcategory, parentOf(subcategory)] : []) {
    const routed = code ? table[code] : undefined;
    if (routed) return routed;
  }
  const key = table[category] ?? BUREAU.key;
  if (key === 'zhujian' && category === '城乡建设' && CHENGGUAN.test(text)) return 'chengguan';
  return key;
}

type UnitsByKey = Map<string, { id: number; deptKey: string; name: string }>;

/** The units of a county or higher jurisdiction (six-digit code), by department key. */
async function unitsOf(db: Executor, code6: string): Promise<UnitsByKey> {
  const rows = await db
    .select({ id: units.id, deptKey: units.deptKey, name: units.name })
    .from(units)
    .where(eq(units.jurisdictionCode, code6));
  return new Map(rows.map((r) => [r.deptKey, r]));
}

/** Department keys to units (see resolveDepartments); without units, the departments' names only. */
function departmentsIn(byKey: UnitsByKey | undefined, keys: readonly string[]): Department[] {
  if (!byKey) return keys.map((key) => ({ key, name: nameOf(key) }));
  return keys.map((wanted) => {
    const key = [wanted, wanted === 'chengguan' ? 'zhujian' : wanted, BUREAU.key].find((k) => byKey.has(k));
    const unit = key ? byKey.get(key) : undefined;
    return unit
      ? { key: key as string, name: nameOf(key as string), unitId: unit.id, unitName: unit.name }
      : { key: wanted, name: nameOf(wanted) };
  });
}

/**
 * Resolves department keys to the units of a jurisdiction: towns route to their county's
 * departments; where the jurisdiction has no such department (a province has no 城管) the matter
 * falls back to 住建 and then to the petition bureau.
 */
export async function resolveDepartments(
  db: Executor,
  keys: readonly string[],
  jurisdictionCode?: string,
): Promise<Department[]> {
  return departmentsIn(jurisdictionCode ? await unitsOf(db, jurisdictionCode.slice(0, 6)) : undefined, keys);
}

/** Where a suggestion reads the routing table, the units of a place and the 细分类 from. */
export interface RoutingLookup {
  table(jurisdictionCode?: string): Promise<Record<string, string>>;
  departments(keys: readonly string[], jurisdictionCode?: string): Promise<Department[]>;
  subcategories(): Promise<readonly NamedEntry[]>;
}

/** Read afresh on every call: one suggestion (the registration form, a matter at intake). */
export const liveRouting = (db: Executor): RoutingLookup => ({
  table: (code) => routingTable(db, code),
  departments: (keys, code) => resolveDepartments(db, keys, code),
  subcategories: () => liveSubcategories(db),
});

/**
 * Read once per place for a whole pass over many matters (re-suggesting the pending ones after a
 * model switch, the demo's suggestion history): most of them share a handful of places, and a
 * change to the routing during the pass applies from the next one.
 */
export function passRouting(db: Executor): RoutingLookup {
  const tables = new Map<string, Promise<Record<string, string>>>();
  const unitsByPlace = new Map<string, Promise<UnitsByKey>>();
  let dictionary: Promise<EntryView[]> | undefined;
  const once = <V>(memo: Map<string, Promise<V>>, key: string, read: () => Promise<V>): Promise<V> => {
    const known = memo.get(key);
    if (known) return known;
    const p = read();
    memo.set(key, p);
    return p;
  };
  return {
    table: (code) => (code ? once(tables, code, () => routingTable(db, code)) : routingTable(db)),
    departments: async (keys, code) => {
      if (!code) return departmentsIn(undefined, keys);
      const code6 = code.slice(0, 6);
      return departmentsIn(await once(unitsByPlace, code6, () => unitsOf(db, code6)), keys);
    },
    subcategories: () => {
      dictionary ??= liveSubcategories(db);
      return dictionary;
    },
  };
}
