// Reads of the workbench: the caller's queues with counts (each a case list in the caller's scope,
// src/cases/queries.ts), who holds a matter within its unit and which colleagues could take it, and
// the caller's saved views.
import { and, asc, eq, ne } from 'drizzle-orm';
import { CaseListQuery, listCases } from '../cases/queries.ts';
import type { AppContext } from '../context.ts';
import type { Db, Executor } from '../db/client.ts';
import { caseAssignees, cases, users, workbenchViews } from '../db/schema.ts';
import { isRole } from '../domain/roles.ts';
import { type FILTER_KEYS, type QueueScope, queueParams, queuesFor } from '../domain/workbench/queues.ts';
import { casePolicy, ensureReadable } from '../policies/index.ts';
import { type Actor, workbenchPolicy } from '../policies/workbench.ts';

export { FILTER_KEYS } from '../domain/workbench/queues.ts';
export type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** The caller's queues, landing queue first, each with its case-list parameters and its count. */
/** `db`: where the counts are read — a replica may serve them (src/server/readDb.ts). */
export async function queuesWithCounts(
  ctx: AppContext,
  actor: Actor,
  scope: QueueScope,
  filters: Filters,
  db: Db = ctx.db,
) {
  const defs = queuesFor(actor.role);
  return Promise.all(
    defs.map(async (d) => {
      const params: Record<string, string> = {
        ...stringsOf(filters),
        ...queueParams(d, actor.unitId),
        ...(scope === 'mine' ? { assignee: 'me' } : {}),
      };
      const query = CaseListQuery.parse({ ...params, page: 1, pageSize: 1 });
      const r = await listCases(db, actor, query, {
        hash: ctx.pii.hash,
        countCap: ctx.config.listCountCap,
        textSearch: ctx.caseExtensions.textSearch,
      });
      return { key: d.key, label: d.label, hint: d.hint, params, count: r.total, countCapped: r.totalCapped };
    }),
  );
}

const stringsOf = (f: Filters): Record<string, string> =>
  Object.fromEntries(
    Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );

/** A matter the caller may read, locked when inside a command (`forUpdate`). */
export async function visibleCase(exec: Executor, actor: Actor, caseId: number, forUpdate = false) {
  const q = exec.select().from(cases).where(eq(cases.id, caseId));
  const [c] = forUpdate ? await q.for('update') : await q;
  ensureReadable(c !== undefined && casePolicy.read(actor, c));
  return c as typeof cases.$inferSelect;
}

/** Who holds the matter in its unit now (null when no one, or the assignment was in another unit). */
export async function assigneeOf(exec: Executor, c: { id: number; currentUnitId: number | null }) {
  const [row] = await exec
    .select({
      userId: caseAssignees.userId,
      unitId: caseAssignees.unitId,
      at: caseAssignees.assignedAt,
      name: users.displayName,
    })
    .from(caseAssignees)
    .innerJoin(users, eq(users.id, caseAssignees.userId))
    .where(eq(caseAssignees.caseId, c.id));
  return row && row.unitId === c.currentUnitId ? row : null;
}

/** The caller's colleagues who could take this matter now (same unit, active, a role that acts on it). */
export async function colleaguesFor(exec: Executor, actor: Actor, c: typeof cases.$inferSelect) {
  if (!workbenchPolicy.claim(actor, c) || actor.unitId === null) return [];
  const rows = await exec
    .select({
      id: users.id,
      role: users.role,
      unitId: users.unitId,
      disabled: users.disabled,
      name: users.displayName,
    })
    .from(users)
    .where(and(eq(users.unitId, actor.unitId), ne(users.id, actor.userId), eq(users.disabled, false)))
    .orderBy(asc(users.displayName));
  return rows.flatMap((u) =>
    isRole(u.role) && workbenchPolicy.mayReceive(c, { ...u, role: u.role })
      ? [{ id: u.id, name: u.name, role: u.role }]
      : [],
  );
}

export function viewsOf(exec: Executor, actor: Actor) {
  return exec
    .select({
      id: workbenchViews.id,
      name: workbenchViews.name,
      queue: workbenchViews.queue,
      filters: workbenchViews.filters,
    })
    .from(workbenchViews)
    .where(eq(workbenchViews.userId, actor.userId))
    .orderBy(asc(workbenchViews.name));
}
