// Changes to the category dictionary (province administrator, src/policies/admin.ts): add or
// rename an entry, retire it. Each is one transaction writing one new row at the next dictionary
// version, with one audit row. Writers take turns (`takeTurn`): a change made meanwhile by another
// administrator is seen, not overwritten. Retiring a second level needs its third levels retired.
import { desc, eq, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { categoryEntries } from '../db/schema.ts';
import { entryLevel, newEntryProblem, parentOf } from '../domain/admin/categories.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { adminPolicy } from '../policies/admin.ts';
import { type Actor, ensureAllowed } from '../policies/index.ts';
import { currentVersion, dictionaryAt } from './queries.ts';

interface Change {
  name: string;
  retired: boolean;
  action: string;
  before?: object;
}

async function latestOf(tx: Tx, code: string) {
  const [row] = await tx
    .select()
    .from(categoryEntries)
    .where(eq(categoryEntries.code, code))
    .orderBy(desc(categoryEntries.version))
    .limit(1);
  return row;
}

/** pg_advisory_xact_lock key of the dictionary's writers ('xfct'): one change at a time. */
const DICTIONARY_LOCK = 0x78666374;

/** Waits for any other change to the dictionary to commit; held until this transaction ends. */
export async function takeTurn(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${DICTIONARY_LOCK})`);
}

export const mayEditCategories = (actor: Actor) =>
  ensureAllowed(adminPolicy.may(actor, 'categories.edit'), '内容分类由省级管理员维护');

async function write(ctx: AppContext, actor: Actor, code: string, change: (tx: Tx) => Promise<Change>) {
  mayEditCategories(actor);
  return runCommand(ctx, async (w) => {
    await takeTurn(w.tx);
    const next = await change(w.tx);
    const version = (await currentVersion(w.tx)) + 1;
    await w.tx.insert(categoryEntries).values({
      version,
      code,
      parentCode: parentOf(code) as string,
      level: entryLevel(code) as number,
      name: next.name,
      retired: next.retired,
      changedBy: actor.userId,
    });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: next.action,
      entity: 'category',
      entityId: code,
      summary: { version, before: next.before ?? null, after: { name: next.name, retired: next.retired } },
    });
    return { code, version };
  });
}

/** Adds the code, or renames it (a retired code comes back in use, under its own name or a new one). */
export function putEntry(ctx: AppContext, actor: Actor, code: string, name: string) {
  return write(ctx, actor, code, async (tx) => {
    const old = await latestOf(tx, code);
    if (!old) {
      const live = new Set(
        (await dictionaryAt(tx)).entries.filter((e) => !e.retired && e.level === 2).map((e) => e.code),
      );
      const problem = newEntryProblem(code, (c) => live.has(c));
      if (problem) throw badRequest(problem.code, problem.message, 'code');
      return { name, retired: false, action: 'category.add' };
    }
    if (old.name === name && !old.retired) throw conflict('category_unchanged', '名称未改变');
    if (old.retired && old.level === 3) {
      // Back in use only under a second level in use: the registrars could not reach it otherwise.
      const parent = await latestOf(tx, old.parentCode);
      if (!parent || parent.retired)
        throw conflict('category_parent_retired', `请先恢复其二级分类（${old.parentCode}）`);
    }
    return {
      name,
      retired: false,
      action: old.retired && old.name === name ? 'category.restore' : 'category.rename',
      before: { name: old.name, retired: old.retired },
    };
  });
}

export function retireEntry(ctx: AppContext, actor: Actor, code: string) {
  return write(ctx, actor, code, async (tx) => {
    const old = await latestOf(tx, code);
    if (!old) throw notFound('未找到该分类');
    if (old.retired) throw conflict('category_already_retired', '该分类已停用');
    if (old.level === 2) {
      const children = (await dictionaryAt(tx)).entries.filter((e) => e.parentCode === code && !e.retired);
      if (children.length) throw conflict('category_has_children', '请先停用其下的三级分类');
    }
    return { name: old.name, retired: true, action: 'category.retire', before: { retired: false } };
  });
}
