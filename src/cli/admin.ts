// Maintenance commands: migrate, seed, audit verify, bench (backup and restore: src/backup/cli.ts).
import type { Command } from 'commander';
import { count } from 'drizzle-orm';
import { verifyAuditChain } from '../audit/chain.ts';
import { registerClassifyCommands } from '../classify/cli.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { auditLog } from '../db/schema.ts';
import { registerJobCommands } from '../jobs/cli.ts';
import { seedDemoData } from '../seed/demoData.ts';
import { boot, shutdown } from '../server/boot.ts';
import { dataOption } from './options.ts';
import { createProgress } from './progress.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('应用数据库迁移 / apply database migrations')
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang migrate\n  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/xinfang npx xinfang migrate',
    )
    .action(async (opts: { data: string }) => {
      const config = appConfigFromEnv({ data: opts.data });
      const database = await openDatabase(config);
      try {
        await migrate(database);
        out(`迁移完成 / migrations applied (${database.kind})`);
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('生成演示账号和模拟信访事项 / seed demo accounts and synthetic cases')
    .addOption(dataOption())
    .option('--cases <n>', '模拟信访事项数量 / number of synthetic cases', (v) => Number(v), 0)
    .option('--seed <s>', '随机种子（相同种子生成相同数据）/ random seed', (v) => Number(v), 1)
    .option(
      '--uniform',
      '按人口均匀分布于全省（不集中在演示账号的辖区）/ spread over the province by population, not concentrated',
    )
    .option('--demo', '同时创建演示账号（嵌入式数据库默认创建）/ also create demo accounts')
    .option('--no-demo', '不创建演示账号 / no demo accounts')
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang seed --cases 10000\n  $ npx xinfang seed --cases 1000000 --seed 42 --data ./bench-data',
    )
    .action(
      async (opts: { data: string; cases: number; seed: number; uniform?: boolean; demo?: boolean }) => {
        if (!Number.isInteger(opts.cases) || opts.cases < 0)
          throw new Error('--cases 应为非负整数 / must be a non-negative integer');
        // Seeding only writes: the server sends whatever it queued (no SMS gateway needed here).
        const ctx = await boot(appConfigFromEnv({ data: opts.data, demo: opts.demo }), { deliverSms: false });
        try {
          if (ctx.seededDemo) out('已创建演示账号 / demo accounts created');
          if (opts.cases > 0) {
            const progress = createProgress('seed cases', opts.cases);
            let cases = true;
            await seedDemoData(ctx, {
              cases: opts.cases,
              seed: opts.seed,
              uniform: opts.uniform,
              onProgress: (k) => progress.increment(k),
              say: (line) => {
                if (cases) progress.stop();
                cases = false;
                out(line);
              },
            });
          }
        } finally {
          await shutdown(ctx);
        }
      },
    );

  program
    .command('audit')
    .description('审计日志 / audit log')
    .command('verify')
    .description(
      '先封存待链入的记录，再校验审计日志哈希链 / seal pending rows, then verify the audit log hash chain',
    )
    .addOption(dataOption())
    .addHelpText('after', '\n示例:\n  $ npx xinfang audit verify')
    .action(async (opts: { data: string }) => {
      const database = await openDatabase(appConfigFromEnv({ data: opts.data }));
      try {
        await migrate(database);
        const [row] = await database.db.select({ total: count() }).from(auditLog);
        const progress = createProgress('audit verify', row?.total ?? 0);
        let seen = 0;
        const r = await verifyAuditChain(database.db, (rows) => {
          progress.increment(rows - seen);
          seen = rows;
        });
        progress.stop();
        const archived = r.archived ? `，其中 ${r.archived} 条已归档 / ${r.archived} of them archived` : '';
        if (r.ok) out(`审计链完整 / audit chain intact: ${r.rows} rows${archived}`);
        else {
          out(`审计链被破坏 / audit chain BROKEN at chain position ${r.brokenAt}: ${r.reason}`);
          process.exitCode = 2;
        }
      } finally {
        await database.close();
      }
    });

  program
    .command('bench')
    .description('性能基准 / run the benchmarks (npm run bench)')
    .argument(
      '[subset]',
      "'lifecycle': 仅基线、受理与全流程 / only baseline, intake and lifecycles; 'writescale': 存量增长时的登记与办理 / intake and actions at growing stored cases; 'attachments': 附件上传下载吞吐 / attachment upload and download throughput; 'history': 分区表上按信访件读取办理过程 / a case's timeline read over monthly partitions; 'resuggest': 成批重新建议分类时的转办对照读取 / routing reads when many matters are re-suggested",
    )
    .option('--quick', '缩短时长 / shorter runs')
    .option(
      '--workers <n>',
      "'lifecycle' 的受理与全流程改由 `xinfang serve --workers N` 子进程承担（仅 PostgreSQL）/ drive intake and lifecycles through a child `serve --workers N` (PostgreSQL only)",
      (v) => Number(v),
    )
    .addHelpText(
      'after',
      '\n示例:\n  $ npm run bench\n  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench\n  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- lifecycle --workers 2',
    )
    .action(async (subset: string | undefined, opts: { quick?: boolean; workers?: number }) => {
      // The subsets that are a benchmark of their own (the rest run bench/run.ts).
      const own: Record<string, () => Promise<(o: { quick: boolean }) => Promise<void>>> = {
        attachments: async () => (await import('../../bench/attachments.ts')).runAttachmentBench,
        history: async () => (await import('../../bench/history-reads.ts')).runHistoryBench,
        writescale: async () => (await import('../../bench/write-scale.ts')).runWriteScale,
        resuggest: async () => (await import('../../bench/resuggest.ts')).runResuggestBench,
      };
      if (subset !== undefined && subset !== 'lifecycle' && !(subset in own))
        throw new Error(`未知的基准子集 / unknown benchmark subset: ${subset}`);
      const runOwn = subset === undefined ? undefined : own[subset];
      if (runOwn) {
        await (await runOwn())({ quick: opts.quick === true });
        return;
      }
      if (opts.workers !== undefined && (subset !== 'lifecycle' || !process.env.DATABASE_URL))
        throw new Error(
          '--workers 只用于 PostgreSQL 上的 lifecycle 基准 / --workers applies to `bench lifecycle` on PostgreSQL (DATABASE_URL)',
        );
      const { runBenchmarks } = await import('../../bench/run.ts');
      await runBenchmarks({
        quick: opts.quick === true,
        lifecycleOnly: subset === 'lifecycle',
        workers: opts.workers,
      });
    });

  registerJobCommands(program);
  registerClassifyCommands(program);
}
