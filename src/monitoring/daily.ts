// 日监测: run the sources of the table for a scope (the page and API), and write the morning digest
// of each petition bureau (晨报, by the daily jobs). Thresholds per jurisdiction: settings key
// `monitoring`, inherited by the subtree (the nearest setting wins), defaults in the source table.
import { and, desc, eq, inArray, like, notInArray, sql } from 'drizzle-orm';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { jurisdictions, monitoringDigests, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import {
  digestText,
  ITEMS_PER_SOURCE,
  MONITORING_SOURCES,
  type SourceDef,
} from '../domain/monitoring/sources.ts';
import type { MonitoringSource } from './contract.ts';
import { MONITORING_COLLECTORS } from './registry.ts';
import { monitoringThresholds } from './thresholds.ts';

export type SourceAnswer = MonitoringSource;

/** Every source's total and first items for the scope `code`. */
export async function collectSources(
  exec: Executor,
  code: string,
  sources: readonly SourceDef[],
  now: Date,
  limit = ITEMS_PER_SOURCE,
  /** The unit looking (回避: matters kept from it are left out of the case sources). */
  viewerUnitId?: number | null,
): Promise<SourceAnswer[]> {
  const thresholdsOf = await monitoringThresholds.reader(exec);
  const q = {
    exec,
    viewerUnitId: viewerUnitId ?? null,
    code,
    prefix: prefixOf(code),
    now,
    today: shanghaiDate(now),
    limit,
    thresholds: thresholdsOf(code),
    thresholdsOf,
  };
  const out: SourceAnswer[] = [];
  for (const s of sources) {
    const collect = MONITORING_COLLECTORS[s.id as keyof typeof MONITORING_COLLECTORS];
    if (!collect) continue;
    const r = await collect(q);
    out.push({
      id: s.id,
      title: s.title,
      severity: s.severity,
      description: s.description,
      total: r.total,
      items: r.items,
    });
  }
  return out;
}

export async function scopeName(exec: Executor, code: string): Promise<string> {
  const [j] = await exec
    .select({ name: jurisdictions.name })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return j?.name ?? code;
}

export interface DigestResult {
  bureaus: number;
  written: number;
}

/**
 * One digest per petition bureau with an active supervisor or leader (those who read it), per
 * Shanghai day: bureaus that have today's already are skipped, and the unique index keeps a
 * concurrent run from writing a second one.
 */
export async function runMonitoringDigests(ctx: AppContext, now: Date = new Date()): Promise<DigestResult> {
  const today = shanghaiDate(now);
  const bureaus = await ctx.db
    .selectDistinct({ id: units.id, name: units.name, code: units.jurisdictionCode })
    .from(units)
    .innerJoin(users, eq(users.unitId, units.id))
    .where(
      and(
        eq(units.kind, 'bureau'),
        inArray(users.role, ['supervisor', 'leader']),
        eq(users.disabled, false),
        notInArray(
          units.id,
          ctx.db
            .select({ id: monitoringDigests.unitId })
            .from(monitoringDigests)
            .where(eq(monitoringDigests.date, today)),
        ),
      ),
    )
    .orderBy(units.id);
  let written = 0;
  for (const b of bureaus) {
    const answers = await collectSources(ctx.db, b.code, MONITORING_SOURCES, now, 0, b.id);
    const counts = Object.fromEntries(answers.map((a) => [a.id, a.total]));
    const body = digestText(b.name, today, answers);
    written += await runCommand(ctx, async (w) => {
      const rows = await w.tx
        .insert(monitoringDigests)
        .values({ unitId: b.id, jurisdictionCode: b.code, date: today, counts, body, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: monitoringDigests.id });
      if (rows[0]) {
        w.audit({
          action: 'monitoring.digest',
          entity: 'monitoring_digest',
          entityId: rows[0].id,
          summary: { unitId: b.id, date: today, counts },
        });
        await w.publish('monitoring.digest_written', {
          digestId: rows[0].id,
          unitId: b.id,
          date: today,
          text: body,
        });
      }
      return rows.length;
    });
  }
  return { bureaus: bureaus.length, written };
}

/** Digests of the bureaus in the scope's subtree, newest first. */
export async function listDigests(exec: Executor, code: string, limit = 60) {
  const rows = await exec
    .select({ d: monitoringDigests, unit: units.name })
    .from(monitoringDigests)
    .innerJoin(units, eq(units.id, monitoringDigests.unitId))
    .where(like(monitoringDigests.jurisdictionCode, `${prefixOf(code)}%`))
    .orderBy(desc(monitoringDigests.date), sql`length(${monitoringDigests.jurisdictionCode})`, units.id)
    .limit(limit);
  const titles = new Map(MONITORING_SOURCES.map((s) => [s.id as string, s.title as string]));
  return rows.map(({ d, unit }) => ({
    id: d.id,
    date: d.date,
    unit,
    jurisdictionCode: d.jurisdictionCode,
    counts: Object.entries(d.counts as Record<string, number>).map(([id, total]) => ({
      id,
      title: titles.get(id) ?? id,
      total,
    })),
    body: d.body,
    createdAt: d.createdAt.toISOString(),
  }));
}
