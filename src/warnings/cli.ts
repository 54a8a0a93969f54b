// `xinfang warnings scan` (预警扫描, also part of the daily jobs) and `xinfang analytics backtest`
// (forecast backtest: MASE per city and per category on held-out months).
import type { Command } from 'commander';
import { runBacktest } from '../analytics/backtest.ts';
import { dataOption } from '../cli/options.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { settle } from '../jobs/settle.ts';
import { seedCases } from '../seed/cases.ts';
import { boot, shutdown } from '../server/boot.ts';
import { runWarningScan } from './scan.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const ratio = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const DAY = 86_400_000;

export function registerWarningCommands(program: Command): void {
  program
    .command('warnings')
    .description('预警 / early warnings')
    .command('scan')
    .description(
      '执行一次预警扫描（异常增长、群体事件、重复信访、超期积压；保障期日报）/ run the warning scan once',
    )
    .addOption(dataOption())
    .option('--now <iso>', '以该时间为当前时间 / treat this instant as now', (v) => new Date(v))
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang warnings scan\n  $ npx xinfang warnings scan --data /srv/xinfang',
    )
    .action(async (opts: { data: string; now?: Date }) => {
      if (opts.now && Number.isNaN(opts.now.getTime()))
        throw new Error('--now 应为 ISO 时间 / must be an ISO instant');
      // SMS go where the server sends them (console only in demo mode); no demo seeding here.
      const ctx = await boot(appConfigFromEnv({ data: opts.data }), { seedDemo: false });
      try {
        const r = await runWarningScan(ctx, opts.now ?? new Date());
        out(
          `预警扫描完成 / warning scan done: 异常增长 growth ${r.found.growth}, 群体事件 group ${r.found.group_event}, ` +
            `重复信访 repeat ${r.found.repeat_petitioner}, 超期积压 overdue ${r.found.overdue_unit}; ` +
            `新增 new ${r.inserted}; 保障期 periods ${r.periods}, 日报短信 digests ${r.digests}`,
        );
        await settle(ctx);
      } finally {
        await shutdown(ctx);
      }
    });

  const analytics =
    program.commands.find((c) => c.name() === 'analytics') ??
    program.command('analytics').description('统计分析 / analytics');
  analytics
    .command('backtest')
    .description('预测回测：按市、按内容分类留出最近几个月，输出 MASE / forecast backtest (MASE)')
    .addOption(dataOption())
    .option('--holdout <list>', '留出月数，逗号分隔 / months held out', '3,6')
    .option(
      '--cases <n>',
      '在内存数据库中生成48个月的模拟数据后回测 / seed N cases over 48 months in memory',
      Number,
    )
    .option('--seed <s>', '随机种子 / random seed', Number, 1)
    .option(
      '--months <m>',
      '内存模拟数据的月数：24（同 xinfang seed）或 48 / months of seeded history',
      Number,
      48,
    )
    .option('--json', '输出 JSON / print JSON')
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang analytics backtest --data ./data\n  $ npx xinfang analytics backtest --cases 60000 --seed 1',
    )
    .action(
      async (opts: {
        data: string;
        holdout: string;
        cases?: number;
        seed: number;
        months: number;
        json?: boolean;
      }) => {
        const holdouts = opts.holdout.split(',').map(Number);
        if (holdouts.some((h) => !(Number.isInteger(h) && h >= 1 && h <= 12)))
          throw new Error('--holdout 应为1至12的整数 / months must be integers 1–12');
        const inMemory = opts.cases !== undefined;
        const config = appConfigFromEnv({ data: inMemory ? 'memory://' : opts.data, demo: false });
        const ctx = await boot(inMemory ? { ...config, databaseUrl: undefined } : config, {
          deliverSms: false,
        });
        try {
          const now = new Date();
          if (inMemory) {
            // Two 24-month windows back to back: four seasons, so Holt–Winters has two to learn from
            // after the held-out months.
            if (opts.months !== 24 && opts.months !== 48) throw new Error('--months 应为 24 或 48');
            const n = Math.max(1000, Math.floor(opts.cases ?? 0));
            const older = opts.months === 48 ? Math.floor(n / 2) : 0;
            if (older > 0) {
              const end = new Date(now.getTime() - 730 * DAY);
              await seedCases(ctx.db, ctx.pii, { count: older, seed: opts.seed + 1, now: end });
            }
            await seedCases(ctx.db, ctx.pii, { count: n - older, seed: opts.seed, now });
          }
          const results = await runBacktest(ctx.db, { holdouts, now });
          if (opts.json) {
            out(JSON.stringify(results, null, 2));
            return;
          }
          for (const r of results) {
            out(`\n留出最近 ${r.holdout} 个月（截至 ${r.until}）/ last ${r.holdout} months held out`);
            out(
              '序列 series              月数  月均   模型 model                    MASE  季节朴素MASE  sMAPE',
            );
            for (const s of r.series) {
              out(
                `${s.label.padEnd(8, '　')} ${String(s.months).padStart(4)} ${s.meanMonthly.toFixed(0).padStart(6)}  ${s.model.padEnd(28)} ${ratio(s.mase).padStart(6)} ${ratio(s.naiveMase).padStart(12)} ${pct(s.smape).padStart(6)}${s.insufficient ? '  历史数据不足' : ''}`,
              );
            }
            for (const g of ['city', 'category'] as const) {
              const a = r.average[g];
              out(
                `平均 ${g === 'city' ? '按市 per city' : '按分类 per category (全省)'}: MASE ${ratio(a.mase)}, 季节朴素 seasonal naive ${ratio(a.naiveMase)}, sMAPE ${pct(a.smape)}`,
              );
            }
          }
        } finally {
          await shutdown(ctx);
        }
      },
    );
}
