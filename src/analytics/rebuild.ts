// `xinfang analytics rebuild [--from --to]`: recomputes the rollups from `cases` and `case_events`
// (after a bulk import, a bug fix in the counting, or to check them). Without dates: every rollup
// row is replaced; with dates: the months touching [from, to] (monthly rows are whole months).
// The old rows (every shard) are deleted in the first transaction, then cases are added in id
// chunks, one transaction each, so the embedded database is never held for long. The rebuilt rows
// are all in shard 0 (the compact form of the counts). Run it when no one is registering or
// acting: a case changed during the run may be counted before or after its change.
import type { Command } from 'commander';
import { and, gte, lte, max, sql } from 'drizzle-orm';
import { dataOption } from '../cli/options.ts';
import { createProgress } from '../cli/progress.ts';
import { appConfigFromEnv } from '../config/index.ts';
import type { Executor } from '../db/client.ts';
import { cases, statsDaily, statsMonthly } from '../db/schema.ts';
import { addDays } from '../domain/deadlines/index.ts';
import { monthOf, nextMonth } from '../domain/indicators/index.ts';
import { badRequest } from '../errors.ts';
import { boot, shutdown } from '../server/boot.ts';
import { rollupCases } from './rollup.ts';

export interface RebuildOptions {
  from?: string;
  to?: string;
  /** Case ids per transaction (default 5,000). */
  chunk?: number;
  onStart?: (maxId: number) => void;
  onProgress?: (ids: number) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function rebuildRollups(
  db: Executor,
  opts: RebuildOptions = {},
): Promise<{ cases: number; from?: string; to?: string }> {
  if ((opts.from && !DATE.test(opts.from)) || (opts.to && !DATE.test(opts.to))) {
    throw badRequest('invalid_date', '日期格式应为 YYYY-MM-DD');
  }
  const partial = Boolean(opts.from || opts.to);
  const days = partial
    ? {
        from: monthOf(opts.from ?? '1970-01-01'),
        to: addDays(nextMonth(monthOf(opts.to ?? '9999-12-01')), -1),
      }
    : undefined;
  const chunk = opts.chunk ?? 5000;
  const [top] = await db.select({ maxId: max(cases.id) }).from(cases);
  const maxId = Number(top?.maxId ?? 0);
  opts.onStart?.(maxId);

  await db.transaction(async (tx) => {
    if (days) {
      for (const t of [statsDaily, statsMonthly]) {
        await tx.delete(t).where(and(gte(t.period, days.from), lte(t.period, days.to)));
      }
    } else {
      await tx.execute(sql`TRUNCATE stats_daily, stats_monthly, stats_open`);
    }
  });
  let counted = 0;
  for (let fromId = 1; fromId <= maxId; fromId += chunk) {
    const toId = Math.min(fromId + chunk - 1, maxId);
    counted += await db.transaction((tx) =>
      rollupCases(tx, { fromId, toId }, { days, open: !days, shard: 0 }),
    );
    opts.onProgress?.(toId - fromId + 1);
    // Let timers and sockets run between chunks (the embedded database runs in this thread).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { cases: counted, from: days?.from, to: days?.to };
}

export function registerAnalyticsCommands(program: Command): void {
  const analytics = program.command('analytics').description('统计分析 / analytics');
  analytics
    .command('rebuild')
    .description(
      '从信访事项和办理过程重新计算统计汇总表 / recompute the rollup tables from cases and their timelines',
    )
    .addOption(dataOption())
    .option('--from <date>', '起始日期（含，按月对齐）/ first date, widened to its month (YYYY-MM-DD)')
    .option('--to <date>', '截止日期（含，按月对齐）/ last date, widened to its month (YYYY-MM-DD)')
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang analytics rebuild\n  $ npx xinfang analytics rebuild --from 2026-10-01 --to 2026-10-31',
    )
    .action(async (opts: { data: string; from?: string; to?: string }) => {
      const ctx = await boot(appConfigFromEnv({ data: opts.data }), { deliverSms: false });
      try {
        let progress: ReturnType<typeof createProgress> | undefined;
        const r = await rebuildRollups(ctx.db, {
          from: opts.from,
          to: opts.to,
          onStart: (n) => {
            progress = createProgress('analytics rebuild', n);
          },
          onProgress: (n) => progress?.increment(n),
        });
        progress?.stop();
        const range = r.from ? ` ${r.from} … ${r.to}` : '';
        process.stdout.write(
          `已重新计算统计汇总${range}：${r.cases} 件事项 / rollups rebuilt from ${r.cases} cases\n`,
        );
      } finally {
        await shutdown(ctx);
      }
    });
}
