// Searching the audit log (审计日志查询) for administrators and auditors, newest first, within
// policies.auditScope. Filters: who (username or user id), what (action, or a prefix such as
// `case.`), on what (entity and id), when (a time range). Counts are capped like the case list's.
// The route is src/audit/search.ts.
import { and, count, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditOfCaseSince, caseSpan } from '../cases/history.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';
import { actorFloor } from '../domain/partitions/months.ts';
import { isRole, ROLE_NAMES } from '../domain/roles.ts';
import { zText } from '../domain/validation/fields.ts';
import { forbidden } from '../errors.ts';
import { type Actor, auditPolicy, auditScope } from '../policies/index.ts';
import type { AuditPage } from './contract.ts';

export const AUDIT_COUNT_CAP = 10_000;

/** An instant the log can hold: the platform did not exist before 2000. */
const auditInstant = z.iso
  .datetime({ offset: true })
  .refine((v) => v.slice(0, 4) >= '2000' && v.slice(0, 4) <= '2999', '时间应在2000年至2999年之间');

export const AuditQuery = z.object({
  // Free text through zText like every field: no control characters (a NUL must not reach the query).
  actor: zText({ label: '操作人', max: 64 })
    .optional()
    .meta({ description: '操作人：工作人员用户名，或用户编号' }),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,64}$/, '操作应为小写字母、下划线和点，如 case.accept 或 case.')
    .optional()
    .meta({ description: '操作；以“.”结尾时按前缀匹配（如 case.）' }),
  entity: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,32}$/, '对象类型格式不正确')
    .optional(),
  entityId: z.string().trim().max(40).optional(),
  from: auditInstant.optional().meta({ description: '起始时间（含）' }),
  to: auditInstant.optional().meta({ description: '截止时间（不含）' }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/**
 * The rows one person wrote: their account's id (a username, or a user id, which may name a deleted
 * account), bounded below by the account's creation (`actorFloor`) so only the partitions since then
 * are read; a deleted account has no bound.
 */
export async function auditOfActor(db: Executor, who: string): Promise<SQL> {
  const byId = /^\d{1,9}$/.test(who);
  const [account] = await db
    .select({ id: users.id, createdAt: users.createdAt })
    .from(users)
    .where(byId ? eq(users.id, Number(who)) : eq(users.username, who));
  if (!account) return byId ? eq(auditLog.actorUserId, Number(who)) : sql`false`;
  return and(eq(auditLog.actorUserId, account.id), gte(auditLog.at, actorFloor(account.createdAt))) as SQL;
}

export async function searchAudit(ctx: AppContext, actor: Actor, q: AuditQuery): Promise<AuditPage> {
  if (!auditPolicy.search(actor)) throw forbidden('仅管理员和审计员可以查询审计日志');
  const where: (SQL | undefined)[] = [auditScope(actor)];
  if (q.actor) where.push(await auditOfActor(ctx.db, q.actor));
  if (q.action)
    where.push(
      q.action.endsWith('.') ? like(auditLog.action, `${q.action}%`) : eq(auditLog.action, q.action),
    );
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  // The rows about one case are not older than its registration: bounded, only the partitions since
  // then are read (src/cases/history.ts).
  if (q.entity === 'case' && q.entityId && /^[0-9]{1,15}$/.test(q.entityId)) {
    const span = await caseSpan(ctx.db, Number(q.entityId));
    if (span) where.push(auditOfCaseSince(span));
  }
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lt(auditLog.at, new Date(q.to)));
  const cond = and(...where);
  const [rows, counted] = await Promise.all([
    ctx.db
      .select({
        seq: auditLog.seq,
        chainPos: auditLog.chainPos,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        summary: auditLog.summary,
        username: users.username,
        displayName: users.displayName,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(cond)
      .orderBy(desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(
      ctx.db
        .select({ seq: auditLog.seq })
        .from(auditLog)
        .where(cond)
        .limit(AUDIT_COUNT_CAP + 1)
        .as('m'),
    ),
  ]);
  const n = counted[0]?.n ?? 0;
  return {
    total: Math.min(n, AUDIT_COUNT_CAP),
    totalCapped: n > AUDIT_COUNT_CAP,
    items: rows.map((r) => ({
      seq: r.seq,
      chainPos: r.chainPos,
      at: r.at.toISOString(),
      actor:
        r.actorUserId === null
          ? null
          : {
              id: r.actorUserId,
              username: r.username,
              displayName: r.displayName ?? '',
              role: r.actorRole ?? '',
              roleName: r.actorRole && isRole(r.actorRole) ? ROLE_NAMES[r.actorRole] : (r.actorRole ?? ''),
            },
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      summary: (r.summary ?? {}) as Record<string, unknown>,
    })),
  };
}
