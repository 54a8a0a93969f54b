// A period's figures per jurisdiction one level down, as the monthly 通报 and the 考核 scorecard read
// them: the indicators from the rollups (indicatorsFor), the backlog matters identified and resolved
// so far (src/backlog's ledger) and the open matters past their deadline now (stats_open). One
// computation for both (src/bulletins/collect.ts, src/assessment/scorecard.ts).
import { and, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { backlogMatters, jurisdictions, statsOpen, units } from '../db/schema.ts';
import { type BacklogStatus, IDENTIFIED_STATUSES } from '../domain/backlog/states.ts';
import type { DateRange, Indicators } from '../domain/indicators/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { badRequest } from '../errors.ts';
import { indicatorsFor } from './indicators.ts';

export interface PlaceFigures {
  code: string;
  name: string;
  /** The rollups' indicators of the period. */
  ind: Indicators;
  /** 积案 identified so far (认定) and resolved (化解), from the backlog ledger. */
  backlogIdentified: number;
  backlogResolved: number;
  /** Open matters past their deadline now. */
  overdue: number;
}

export interface ScopeRow {
  code: string;
  name: string;
  fullName: string;
  level: number;
  bureauName?: string;
}

/** The key of `keys` whose code prefix holds `code` (longest first), else undefined. */
function childKey(keys: readonly string[], code: string): string | undefined {
  let best: string | undefined;
  for (const k of keys) {
    const p = prefixOf(k);
    if (code.startsWith(p) && (!best || p.length > prefixOf(best).length)) best = k;
  }
  return best;
}

export async function scopeRow(db: Executor, code: string): Promise<ScopeRow> {
  const [scope] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!scope) throw badRequest('invalid_scope', '未找到该行政区划', 'scope');
  const [bureau] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.jurisdictionCode, scope.code), eq(units.kind, 'bureau')));
  return {
    code: scope.code,
    name: scope.name,
    fullName: scope.fullName,
    level: scope.level,
    bureauName: bureau?.name,
  };
}

/** The figures of each jurisdiction one level below `scopeCode`, and of the scope as a whole. */
export async function figuresByJurisdiction(
  db: Executor,
  scopeCode: string,
  range: DateRange,
): Promise<{ scope: ScopeRow; rows: PlaceFigures[]; total: PlaceFigures }> {
  const scope = await scopeRow(db, scopeCode);
  const prefix = prefixOf(scope.code);
  const ind = await indicatorsFor(db, { range, scope: scope.code, groupBy: 'jurisdiction' });
  const keys = ind.rows.map((r) => r.key);

  const matters = await db
    .select({ code: backlogMatters.jurisdictionCode, status: backlogMatters.status })
    .from(backlogMatters)
    .where(like(backlogMatters.jurisdictionCode, `${prefix}%`));
  const open = await db
    .select({ code: statsOpen.jurisdictionCode, overdue: sql<number>`sum(${statsOpen.overdue})::int` })
    .from(statsOpen)
    .where(like(statsOpen.jurisdictionCode, `${prefix}%`))
    .groupBy(statsOpen.jurisdictionCode);

  const empty = () => ({ backlogIdentified: 0, backlogResolved: 0, overdue: 0 });
  const extra = new Map(keys.map((k) => [k, empty()]));
  const all = empty();
  for (const m of matters) {
    if (!IDENTIFIED_STATUSES.includes(m.status as BacklogStatus)) continue;
    const resolved = m.status === 'resolved' ? 1 : 0;
    const e = extra.get(childKey(keys, m.code) ?? '');
    for (const t of e ? [e, all] : [all]) {
      t.backlogIdentified += 1;
      t.backlogResolved += resolved;
    }
  }
  for (const o of open) {
    const n = Number(o.overdue);
    const e = extra.get(childKey(keys, o.code) ?? '');
    if (e) e.overdue += n;
    all.overdue += n;
  }
  return {
    scope,
    rows: ind.rows.map((r) => ({ code: r.key, name: r.label, ind: r, ...(extra.get(r.key) ?? empty()) })),
    total: { code: scope.code, name: scope.name, ind: ind.totals, ...all },
  };
}
