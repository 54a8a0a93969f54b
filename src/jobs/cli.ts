// `xinfang jobs run-daily`: the daily jobs once, by hand or from cron (the server also runs them
// itself every day at 01:00 Asia/Shanghai).
import type { Command } from 'commander';
import { dataOption } from '../cli/options.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { boot, shutdown } from '../server/boot.ts';
import { runDailyJobs } from './scheduler.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

function parseNow(value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) {
    throw new Error(
      `--now 应为 ISO 时间，如 2026-12-01T01:00:00+08:00 / --now must be an ISO instant: ${value}`,
    );
  }
  return d;
}

export function registerJobCommands(program: Command): void {
  program
    .command('jobs')
    .description('定时任务 / scheduled jobs')
    .command('run-daily')
    .description(
      '执行一次日监测：临期、超期提醒，超期未评价，复查（复核）申请期满自动办结 / run the daily deadline sweep once',
    )
    .addOption(dataOption())
    .option('--now <iso>', '以该时间为当前时间（补跑、核对）/ treat this instant as now', parseNow)
    .addHelpText(
      'after',
      `
示例:
  $ npx xinfang jobs run-daily
  $ npx xinfang jobs run-daily --data /srv/xinfang --now 2026-12-01T01:00:00+08:00
  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/xinfang npx xinfang jobs run-daily

服务运行时每天 01:00（北京时间）自动执行，一般无需手工运行；嵌入式数据库须先停止服务。
The server runs this itself daily at 01:00 Asia/Shanghai; the embedded database must not be in use.`,
    )
    .action(async (opts: { data: string; now?: Date }) => {
      // The whole platform context: the sweep's events (rollups, audit) and the warning scan's SMS.
      const ctx = await boot(appConfigFromEnv({ data: opts.data, demo: false }), { deliverSms: false });
      try {
        const now = opts.now ?? new Date();
        const r = await runDailyJobs(ctx, now);
        if (!r) {
          out('日监测正由其他节点执行，本次跳过 / another node is running the sweep; skipped');
          return;
        }
        out(
          `日监测完成 / deadline sweep done (${now.toISOString()}): ` +
            `临期 near ${r.near}, 超期 overdue ${r.overdue}, ` +
            `超期未评价 evaluations expired ${r.evaluationsExpired}, 期满办结 auto-closed ${r.autoClosed}`,
        );
      } finally {
        await shutdown(ctx);
      }
    });
}
