// 领导包案: the leaders of matters (for the ledger and the detail), the quotas per jurisdiction
// (settings key `backlog_quotas`) and the compliance view — which leaders of the scope took their
// quota of matters in the current period, and their 包案化解率.
import { and, eq, inArray, like } from 'drizzle-orm';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { backlogMatters, backlogPackageRecords, backlogPackages, units, users } from '../db/schema.ts';
import {
  leaderCompliance,
  PERIOD_NAMES,
  periodOf,
  type Quota,
  type Quotas,
  quotasFromSettings,
  RECORD_KINDS,
  type RecordKind,
} from '../domain/backlog/packages.ts';
import { type BacklogLevel, LEVEL_NAMES, levelOfCode } from '../domain/backlog/states.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { AppError, forbidden } from '../errors.ts';
import { type Actor, backlogPolicy } from '../policies/backlog.ts';
import { jurisdictionSetting } from '../settings/jurisdictional.ts';

/** 包案 quotas per jurisdiction (settings key `backlog_quotas`), inherited by the subtree. */
export const packageQuotas = jurisdictionSetting<Quotas, Partial<Record<BacklogLevel, Quota | null>>>({
  key: 'backlog_quotas',
  resolve: quotasFromSettings,
  mayEdit: backlogPolicy.editRules,
  denied: '只有本辖区或上级管理员可以设置包案数量要求',
  auditAction: 'backlog.quotas',
});

/** Leaders' names per matter (the ledger's 包案领导). */
export async function leadersOf(ctx: AppContext, matterIds: number[]): Promise<Map<number, string[]>> {
  const rows = matterIds.length
    ? await ctx.db
        .select({ matterId: backlogPackages.matterId, name: users.displayName })
        .from(backlogPackages)
        .innerJoin(users, eq(users.id, backlogPackages.leaderUserId))
        .where(inArray(backlogPackages.matterId, matterIds))
        .orderBy(backlogPackages.takenAt)
    : [];
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.matterId, [...(out.get(r.matterId) ?? []), r.name]);
  return out;
}

/** A matter's packages with their plans and records (the detail). */
export async function packagesOf(exec: Executor, matterId: number) {
  const ps = await exec
    .select({ p: backlogPackages, leader: users.displayName, unit: units.name })
    .from(backlogPackages)
    .innerJoin(users, eq(users.id, backlogPackages.leaderUserId))
    .leftJoin(units, eq(units.id, backlogPackages.leaderUnitId))
    .where(eq(backlogPackages.matterId, matterId))
    .orderBy(backlogPackages.takenAt);
  const records = ps.length
    ? await exec
        .select()
        .from(backlogPackageRecords)
        .where(
          inArray(
            backlogPackageRecords.packageId,
            ps.map((x) => x.p.id),
          ),
        )
        .orderBy(backlogPackageRecords.date, backlogPackageRecords.id)
    : [];
  return ps.map(({ p, leader, unit }) => ({
    id: p.id,
    leaderUserId: p.leaderUserId,
    leader,
    unit,
    level: p.level,
    levelName: LEVEL_NAMES[p.level as BacklogLevel] ?? p.level,
    takenAt: p.takenAt.toISOString(),
    plan: p.plan,
    records: records
      .filter((r) => r.packageId === p.id)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        kindName: RECORD_KINDS[r.kind as RecordKind] ?? r.kind,
        date: r.date,
        note: r.note,
      })),
  }));
}

/**
 * The compliance view: every leader of the petition bureaus in the scope whose level has a quota,
 * the period containing `date`, the matters they took in it against the quota, and their 包案化解率.
 */
export async function packageCompliance(
  ctx: AppContext,
  actor: Actor,
  scope: string | undefined,
  date?: string,
) {
  const code = scope ?? actor.jurisdictionCode ?? '';
  if (!backlogPolicy.use(actor) || actor.unitKind !== 'bureau') throw forbidden('您没有权限查看领导包案情况');
  if (!backlogPolicy.packageCompliance(actor, code))
    throw new AppError(403, 'forbidden_scope', '只能查看本辖区的领导包案情况');
  const day = date ?? shanghaiDate(new Date());
  const prefix = code.replace(/(00)+$/, '').padEnd(2, '0');
  const leaders = await ctx.db
    .select({ id: users.id, name: users.displayName, unitName: units.name, code: units.jurisdictionCode })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.role, 'leader'),
        eq(users.disabled, false),
        eq(units.kind, 'bureau'),
        like(units.jurisdictionCode, `${prefix}%`),
      ),
    )
    .orderBy(units.jurisdictionCode, users.id);
  const ids = leaders.map((l) => l.id);
  const packages = ids.length
    ? await ctx.db
        .select({
          leaderUserId: backlogPackages.leaderUserId,
          takenAt: backlogPackages.takenAt,
          status: backlogMatters.status,
        })
        .from(backlogPackages)
        .innerJoin(backlogMatters, eq(backlogMatters.id, backlogPackages.matterId))
        .where(inArray(backlogPackages.leaderUserId, ids))
    : [];
  const quotasOf = await packageQuotas.reader(ctx.db);
  const names = await new UnitLookup(ctx.db).jurisdictionNames(
    ctx.db,
    leaders.map((l) => l.code),
  );
  const items = leaders.flatMap((l) => {
    if (l.code.length > 6) return [];
    const level = levelOfCode(l.code);
    const quota = quotasOf(l.code)[level];
    if (!quota) return [];
    const period = periodOf(quota.period, day);
    const mine = packages
      .filter((p) => p.leaderUserId === l.id)
      .map((p) => ({ takenOn: shanghaiDate(p.takenAt), resolved: p.status === 'resolved' }));
    return [
      {
        leader: { id: l.id, name: l.name },
        unit: l.unitName,
        jurisdiction: { code: l.code, name: names.get(l.code) ?? l.code },
        level,
        levelName: LEVEL_NAMES[level],
        quota: { ...quota, name: `${PERIOD_NAMES[quota.period]}${quota.count}件` },
        period,
        ...leaderCompliance(mine, quota, period),
      },
    ];
  });
  const total = items.reduce((n, i) => n + i.total, 0);
  const resolved = items.reduce((n, i) => n + i.resolved, 0);
  return {
    scope: { code, name: (await new UnitLookup(ctx.db).jurisdictionNames(ctx.db, [code])).get(code) ?? code },
    date: day,
    summary: {
      leaders: items.length,
      met: items.filter((i) => i.met).length,
      packages: total,
      resolved,
      rate: total ? resolved / total : null,
    },
    items,
  };
}
