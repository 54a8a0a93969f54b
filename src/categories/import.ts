// 导入分类体系: the province administrator loads the official second and third levels from a CSV
// table of names (src/domain/admin/categoryImport.ts gives the codes). One transaction, one new
// dictionary version holding every added or restored entry — and, when asked, every entry in use
// the table does not name, retired — one audit row; a table with any problem stores nothing. A dry
// run answers the same plan without writing, for the preview.
import { parseCsvRecords } from '../classify/csv.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { categoryEntries } from '../db/schema.ts';
import { parentOf } from '../domain/admin/categories.ts';
import { type ImportPlan, planTreeImport, treeRows } from '../domain/admin/categoryImport.ts';
import { badRequest } from '../errors.ts';
import type { Actor } from '../policies/index.ts';
import { mayEditCategories, takeTurn } from './commands.ts';
import { dictionaryAt } from './queries.ts';

export interface ImportResult extends ImportPlan {
  dryRun: boolean;
  /** The dictionary version after the import (unchanged when nothing was added or restored). */
  version: number;
}

const INSERT_SLICE = 1000;

/** At most this many problems are listed; the count says how many there were. */
const LISTED_PROBLEMS = 50;

export async function importTree(
  ctx: AppContext,
  actor: Actor,
  csv: string,
  opts: { dryRun: boolean; retireAbsent?: boolean },
): Promise<ImportResult & { problemCount: number }> {
  mayEditCategories(actor);
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(csv);
  } catch {
    throw badRequest('category_import_unreadable', '文件不是有效的CSV：引号未闭合', 'csv');
  }
  const table = treeRows(records);
  if ('error' in table) throw badRequest('category_import_unreadable', table.error, 'csv');
  if (table.rows.length === 0) throw badRequest('category_import_empty', '文件中没有分类行', 'csv');

  return runCommand(ctx, async (w) => {
    await takeTurn(w.tx);
    const now = await dictionaryAt(w.tx);
    const plan = planTreeImport(table.rows, now.entries);
    const answer = {
      ...plan,
      problems: plan.problems.slice(0, LISTED_PROBLEMS),
      problemCount: plan.problems.length,
    };
    if (opts.dryRun) return { ...answer, dryRun: true, version: now.version };
    const [first] = plan.problems;
    if (first) {
      const more = plan.problems.length > 1 ? `等${plan.problems.length}处问题` : '';
      throw badRequest(
        'category_import_invalid',
        `第${first.line}行：${first.message}${more}；未导入任何分类，请修改后重试`,
        'csv',
      );
    }
    // 停用表中没有的分类: the entries in use the table does not name, retired at the same version.
    const retiring = opts.retireAbsent ? plan.absent : [];
    if (plan.entries.length === 0 && retiring.length === 0)
      return { ...answer, dryRun: false, version: now.version };
    const version = now.version + 1;
    const rows = [
      ...plan.entries.map((e) => ({ ...e, retired: false })),
      ...retiring.map((e) => ({ ...e, parentCode: parentOf(e.code) as string, retired: true })),
    ].map((e) => ({
      version,
      code: e.code,
      parentCode: e.parentCode,
      level: e.level,
      name: e.name,
      retired: e.retired,
      changedBy: actor.userId,
    }));
    // A statement binds at most 65,535 parameters (7 a row): a large table goes in slices.
    for (let i = 0; i < rows.length; i += INSERT_SLICE)
      await w.tx.insert(categoryEntries).values(rows.slice(i, i + INSERT_SLICE));
    const count = (change: 'add' | 'restore') => plan.entries.filter((e) => e.change === change).length;
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'category.import',
      entity: 'category',
      entityId: `v${version}`,
      summary: {
        version,
        added: count('add'),
        restored: count('restore'),
        unchanged: plan.unchanged,
        retired: retiring.length,
      },
    });
    return { ...answer, dryRun: false, version };
  });
}
