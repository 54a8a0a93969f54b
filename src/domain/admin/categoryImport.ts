// 导入分类体系: the official second and third levels, loaded once from a table of names (一级分类,
// 二级分类, 三级分类 per row, as the tree is published) into the versioned dictionary
// (src/categories/). Codes are given here: a name already in the dictionary under the same parent
// keeps its code (a retired one comes back into use); a new name takes the next number under its
// parent, never a number a retired entry had, because matters filed under that number keep it.
// Loading the same table again changes nothing. Pure; the browser imports it too.
import { CONTENT_CATEGORIES } from '../categories.ts';
import { childCode, childNumber, entryLevel, MAX_CHILDREN } from './categories.ts';

/** One row of the table: its line in the file (for messages) and the three names. */
export interface TreeRow {
  line: number;
  level1: string;
  level2: string;
  level3: string;
}

/** What the dictionary holds now (the latest row of each code, retired ones included). */
export interface KnownEntry {
  code: string;
  parentCode: string;
  level: number;
  name: string;
  retired: boolean;
}

export interface PlannedEntry {
  code: string;
  parentCode: string;
  level: 2 | 3;
  name: string;
  /** 新增 a new code, or 恢复 a retired entry of the same name brought back into use. */
  change: 'add' | 'restore';
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportPlan {
  entries: PlannedEntry[];
  /** Entries the table names that the dictionary already holds, in use, under the same name. */
  unchanged: number;
  /**
   * Entries in use that the table does not name (a third level of the table names its second level):
   * kept unless the import is told to retire them (a province replacing the demo's example tree, or
   * a new edition of the official tree that dropped some).
   */
  absent: { code: string; name: string; level: number }[];
  problems: ImportProblem[];
}

/** As the single edit (src/categories/routes.ts): a name of 1–40 characters. */
const MAX_NAME = 40;
// Control characters and the like; a name is one line of text.
const BAD_CHAR = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

/** The header names accepted for the three columns, in English (the classifier's files) or Chinese. */
export const TREE_COLUMNS = [
  ['level1', '一级分类'],
  ['level2', '二级分类'],
  ['level3', '三级分类'],
] as const;

/** The first-level code a table names: its name (城乡建设) or its code (010000). */
function firstLevelCode(name: string): string | undefined {
  return CONTENT_CATEGORIES.find((c) => c.name === name || c.code === name)?.code;
}

function nameProblem(name: string, what: string): string | null {
  if (name.length > MAX_NAME) return `${what}“${name.slice(0, 12)}…”超过${MAX_NAME}个字`;
  if (BAD_CHAR.test(name)) return `${what}“${name}”含有不可见字符`;
  return null;
}

export function planTreeImport(rows: readonly TreeRow[], known: readonly KnownEntry[]): ImportPlan {
  // Children of each parent by name; live entries win over a retired one of the same name.
  const byName = new Map<string, KnownEntry>();
  const usedNumbers = new Map<string, number>(); // parent code → highest child number in use or retired
  const key = (parent: string, name: string) => `${parent}/${name}`;
  for (const e of known) {
    const k = key(e.parentCode, e.name);
    const had = byName.get(k);
    if (!had || (had.retired && !e.retired)) byName.set(k, e);
    usedNumbers.set(e.parentCode, Math.max(usedNumbers.get(e.parentCode) ?? 0, childNumber(e.code)));
  }

  const entries: PlannedEntry[] = [];
  const planned = new Map<string, string>(); // parent/name → code, for names this table adds or keeps
  const problems: ImportProblem[] = [];
  let unchanged = 0;

  /** The code of `name` under `parent`, planning it when the dictionary lacks it; null on a problem. */
  const codeOf = (line: number, parent: string, name: string, level: 2 | 3): string | null => {
    const k = key(parent, name);
    const done = planned.get(k);
    if (done) return done;
    const what = level === 2 ? '二级分类' : '三级分类';
    const bad = nameProblem(name, what);
    if (bad) {
      problems.push({ line, message: bad });
      return null;
    }
    const had = byName.get(k);
    let code: string;
    if (had) {
      code = had.code;
      if (had.retired) entries.push({ code, parentCode: parent, level, name, change: 'restore' });
      else unchanged++;
    } else {
      const n = (usedNumbers.get(parent) ?? 0) + 1;
      if (n > MAX_CHILDREN) {
        problems.push({ line, message: `${what}“${name}”放不下：同一上级下最多${MAX_CHILDREN}个` });
        return null;
      }
      usedNumbers.set(parent, n);
      code = childCode(parent, n);
      entries.push({ code, parentCode: parent, level, name, change: 'add' });
    }
    planned.set(k, code);
    return code;
  };

  for (const row of rows) {
    const [l1, l2, l3] = [row.level1, row.level2, row.level3].map((s) => s.trim()) as [
      string,
      string,
      string,
    ];
    if (!l1 && !l2 && !l3) continue; // a blank line
    const first = firstLevelCode(l1);
    if (!first) {
      problems.push({
        line: row.line,
        message: l1 ? `一级分类“${l1}”不在平台的内容分类中` : '缺少一级分类',
      });
      continue;
    }
    if (!l2) {
      problems.push({ line: row.line, message: '缺少二级分类' });
      continue;
    }
    const second = codeOf(row.line, first, l2, 2);
    if (second && l3) codeOf(row.line, second, l3, 3);
  }
  // Every planned code has the form the dictionary checks (src/domain/admin/categories.ts).
  for (const e of entries) if (entryLevel(e.code) !== e.level) throw new Error(`bad code ${e.code}`);
  const named = new Set(planned.values());
  const absent = known
    .filter((e) => !e.retired && !named.has(e.code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((e) => ({ code: e.code, name: e.name, level: e.level }));
  return { entries, unchanged, absent, problems };
}

/**
 * The table's rows from parsed CSV records (the first is the header), each with the line of the
 * file it starts on, or why the table cannot be read.
 */
export function treeRows(
  records: readonly { fields: readonly string[]; line: number }[],
): { rows: TreeRow[] } | { error: string } {
  const [first, ...body] = records;
  if (!first) return { error: '文件是空的' };
  const names = first.fields.map((h) => h.trim().replace(/^\uFEFF/, ''));
  const at = TREE_COLUMNS.map((alts) => names.findIndex((n) => (alts as readonly string[]).includes(n)));
  const missing = TREE_COLUMNS.filter((_, i) => at[i] === -1 && i < 2).map(([, zh]) => zh);
  if (missing.length > 0) {
    return {
      error: `第一行应为列名：一级分类,二级分类,三级分类（或 level1,level2,level3），缺少${missing.join('、')}`,
    };
  }
  return {
    rows: body.map(({ fields: r, line }) => ({
      line,
      level1: r[at[0] as number] ?? '',
      level2: r[at[1] as number] ?? '',
      level3: at[2] === -1 ? '' : (r[at[2] as number] ?? ''),
    })),
  };
}
