// 信访内容分类, second and third levels (src/categories/): the code rules of the dictionary. A second
// level code 'XXYY00' sits under the first-level 'XX0000' (src/domain/categories.ts); a third level
// code 'XXYYZZ' under the second-level 'XXYY00'. Pure; the browser imports it too.
import { CONTENT_CATEGORIES, isCategoryCode } from '../categories.ts';

export const CATEGORY_CODE_RE = /^\d{6}$/;

/** The first-level category code a second- or third-level code sits under ('XX0000'). */
export const firstLevelOf = (code: string): string => `${code.slice(0, 2)}0000`;

/** 2 or 3 for a well-formed code below the first level, else null. */
export function entryLevel(code: string): 2 | 3 | null {
  if (!CATEGORY_CODE_RE.test(code) || code.slice(2, 4) === '00') return null;
  return code.endsWith('00') ? 2 : 3;
}

/** The code's parent: 'XX0000' for a second-level code, 'XXYY00' for a third-level one. */
export function parentOf(code: string): string | null {
  const level = entryLevel(code);
  if (level === 2) return firstLevelOf(code);
  if (level === 3) return `${code.slice(0, 4)}00`;
  return null;
}

/**
 * Why the code cannot be added (null when it can): its form, its first-level category, and — for a
 * third-level code — whether its second level exists and is in use (`liveSecondLevel`).
 */
export function newEntryProblem(
  code: string,
  liveSecondLevel: (code: string) => boolean,
): { code: string; message: string } | null {
  const level = entryLevel(code);
  if (level === null)
    return { code: 'category_code_invalid', message: '分类代码应为6位数字：二级为XXYY00，三级为XXYYZZ' };
  const first = firstLevelOf(code);
  if (!isCategoryCode(first)) return { code: 'category_parent_unknown', message: `一级分类${first}不存在` };
  const parent = parentOf(code) as string;
  if (level === 3 && !liveSecondLevel(parent))
    return { code: 'category_parent_unknown', message: `二级分类${parent}不存在或已停用` };
  return null;
}

/** The most entries one parent can have: two digits of the code (01–99). */
export const MAX_CHILDREN = 99;

/** An entry's number under its parent: YY of a second level 'XXYY00', ZZ of a third 'XXYYZZ'. */
export const childNumber = (code: string): number =>
  Number(entryLevel(code) === 2 ? code.slice(2, 4) : code.slice(4, 6));

/** The code of child number `n` (1–99) of a first-level 'XX0000' or second-level 'XXYY00' parent. */
export function childCode(parentCode: string, n: number): string {
  const digits = String(n).padStart(2, '0');
  return parentCode.endsWith('0000')
    ? `${parentCode.slice(0, 2)}${digits}00`
    : `${parentCode.slice(0, 4)}${digits}`;
}

/**
 * The next free code under a parent, or null past 99: after the highest number any child has had —
 * retired ones too, since matters filed under a retired code keep it.
 */
export function nextChildCode(entries: readonly { code: string; parentCode: string }[], parentCode: string) {
  const n =
    Math.max(0, ...entries.filter((e) => e.parentCode === parentCode).map((e) => childNumber(e.code))) + 1;
  return n > MAX_CHILDREN ? null : childCode(parentCode, n);
}

export interface NamedEntry {
  code: string;
  parentCode: string;
  level: number;
  name: string;
  retired: boolean;
}

/** How a second or third level reads on a matter: "住房保障 / 棚户区改造" (its second level first). */
export function entryPath(entries: readonly NamedEntry[], code: string): string | null {
  const e = entries.find((x) => x.code === code);
  if (!e) return null;
  if (e.level === 2) return e.name;
  const parent = entries.find((x) => x.code === e.parentCode);
  return parent ? `${parent.name} / ${e.name}` : e.name;
}

/**
 * The 细分类 a matter of `categoryCode` may be filed under: the live second and third levels
 * below it, in code order, each with its path. A third level under a retired second level is not
 * offered (it cannot be added, but an old dictionary may hold one).
 */
export function subcategoryChoices(
  entries: readonly NamedEntry[],
  categoryCode: string,
): { code: string; label: string }[] {
  const live = entries.filter((e) => !e.retired && firstLevelOf(e.code) === firstLevelOf(categoryCode));
  const liveSecond = new Set(live.filter((e) => e.level === 2).map((e) => e.code));
  return live
    .filter((e) => e.level === 2 || liveSecond.has(e.parentCode))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((e) => ({ code: e.code, label: entryPath(live, e.code) ?? e.name }));
}

/**
 * The case-list filter on a 细分类 code: the LIKE pattern of `cases.subcategory_code` for a second
 * level (itself and its third levels) or a third level (itself); null for a first-level code.
 */
export function subcategoryPattern(code: string): string | null {
  const level = entryLevel(code);
  if (level === 2) return `${code.slice(0, 4)}%`;
  if (level === 3) return code;
  return null;
}

export interface CategoryNode {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  retired: boolean;
  /** The dictionary version of the entry's latest change (none for a first-level category). */
  version?: number;
  children?: CategoryNode[];
}

/** Categories → their second levels → their third levels; retired entries only when asked for. */
export function categoryTree(
  entries: readonly (NamedEntry & { version?: number })[],
  withRetired: boolean,
): CategoryNode[] {
  const shown = entries.filter((e) => withRetired || !e.retired);
  const under = (parent: string, level: 2 | 3): CategoryNode[] =>
    shown
      .filter((e) => e.parentCode === parent && e.level === level)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((e) => {
        const children = level === 2 ? under(e.code, 3) : [];
        return {
          code: e.code,
          name: e.name,
          level,
          retired: e.retired,
          ...(e.version !== undefined ? { version: e.version } : {}),
          ...(children.length ? { children } : {}),
        };
      });
  return CONTENT_CATEGORIES.map((c) => {
    const children = under(c.code, 2);
    return {
      code: c.code,
      name: c.name,
      level: 1 as const,
      retired: false,
      ...(children.length ? { children } : {}),
    };
  });
}

/**
 * A 细分类 to suggest for a matter of `categoryCode` from its text: the live entry below the category
 * whose name the text contains — a third level before a second, a longer name before a shorter —
 * with the words found, so the registrar sees why. Names of one character are never matched.
 */
export function suggestSubcategory(
  entries: readonly NamedEntry[],
  categoryCode: string,
  text: string,
): { code: string; label: string; matched: string } | null {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const found = subcategoryChoices(entries, categoryCode)
    .map((c) => ({ ...c, entry: byCode.get(c.code) as NamedEntry }))
    .filter((c) => c.entry.name.length >= 2 && text.includes(c.entry.name))
    .sort((a, b) => b.entry.level - a.entry.level || b.entry.name.length - a.entry.name.length);
  const best = found[0];
  return best ? { code: best.code, label: best.label, matched: best.entry.name } : null;
}
